package org.childalert.gateway.console;

import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A service's reason for refusing a field ("must not be blank", Bean Validation's English) in the user's words and
 * language: looked up as {@code error.text.<the reason, in lower case, words joined by '-'>}, then as the same for
 * the part before a colon ("is required: say why the escalation is rejected" is {@code error.text.is-required}: what
 * follows the colon explains the field to API clients). A reason the bundles do not know is shown as the service
 * wrote it on an English page only; a page in another language says "not accepted" in its own words instead of
 * showing English (issue 15 review, finding 7b). Templates call it as {@code ${@errorTexts.of(message)}}.
 */
@Component("errorTexts")
public class ErrorTexts {

    /** "This was not accepted.", for a reason the bundles do not know, on a page not in English. */
    static final String OTHER = "error.text.other";

    private static final Pattern NOT_A_WORD = Pattern.compile("[^a-z0-9]+");

    private final MessageSource messages;

    ErrorTexts(MessageSource messages) {
        this.messages = messages;
    }

    public String of(String message) {
        if (message == null || message.isBlank()) {
            return "";
        }
        Locale locale = LocaleContextHolder.getLocale();
        String known = messages.getMessage(key(message), null, null, locale);
        if (known == null && message.indexOf(':') > 0) {
            known = messages.getMessage(key(message.substring(0, message.indexOf(':'))), null, null, locale);
        }
        if (known != null) {
            return known;
        }
        return isEnglish(locale) ? message : messages.getMessage(OTHER, null, message, locale);
    }

    /** The services write their reasons in English. */
    static boolean isEnglish(Locale locale) {
        return locale == null || locale.getLanguage().isEmpty() || "en".equals(locale.getLanguage());
    }

    static String key(String message) {
        String words = NOT_A_WORD.matcher(message.toLowerCase(Locale.ROOT)).replaceAll("-");
        return "error.text." + words.replaceAll("^-+|-+$", "");
    }
}
