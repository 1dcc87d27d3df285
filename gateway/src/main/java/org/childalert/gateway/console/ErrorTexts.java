package org.childalert.gateway.console;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A service's reason for refusing a field ("must not be blank", Bean Validation's English) in the user's words and
 * language: looked up as {@code error.text.<the reason, in lower case, words joined by '-'>}, then without the ids
 * it names, then as the same for the part before a colon ("is required: say why the escalation is rejected" is
 * {@code error.text.is-required}: what follows explains the field to API clients) or a semicolon ("Alert &lt;id&gt; is
 * CANCELLED; only an ACTIVE ..." is {@code error.text.alert-is-cancelled}). A reason the bundles do not know is shown as the service
 * wrote it on an English page only; a page in another language says "not accepted" in its own words instead of
 * showing English (issue 15 review, finding 7b). Templates call it as {@code ${@errorTexts.of(message)}}.
 */
@Component("errorTexts")
public class ErrorTexts {

    /** "This was not accepted.", for a reason the bundles do not know, on a page not in English. */
    static final String OTHER = "error.text.other";

    /** A record's id in a reason ("Alert 0b6f... is CANCELLED"): the same reason whatever the record. */
    private static final Pattern ID = Pattern.compile("\\s*[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
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
        String withoutIds = ID.matcher(message).replaceAll("");
        for (String reason : List.of(message, withoutIds, before(withoutIds, ':'), before(withoutIds, ';'))) {
            String known = messages.getMessage(key(reason), null, null, locale);
            if (known != null) {
                return known;
            }
        }
        return isEnglish(locale) ? message : messages.getMessage(OTHER, null, message, locale);
    }

    /** The text before the first such mark: "Alert is CANCELLED" of "Alert ... is CANCELLED; only an ...". */
    private static String before(String message, char mark) {
        int at = message.indexOf(mark);
        return at > 0 ? message.substring(0, at) : message;
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
