package org.childalert.gateway.console;

import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A service's reason for refusing a field ("must not be blank", Bean Validation's English) in the user's words and
 * language: looked up as {@code error.text.<the reason, in lower case, words joined by '-'>}; a reason the bundle
 * does not know is shown as the service wrote it. Templates call it as {@code ${@errorTexts.of(message)}}.
 */
@Component("errorTexts")
public class ErrorTexts {

    private static final Pattern NOT_A_WORD = Pattern.compile("[^a-z0-9]+");

    private final MessageSource messages;

    ErrorTexts(MessageSource messages) {
        this.messages = messages;
    }

    public String of(String message) {
        if (message == null || message.isBlank()) {
            return "";
        }
        return messages.getMessage(key(message), null, message, LocaleContextHolder.getLocale());
    }

    static String key(String message) {
        String words = NOT_A_WORD.matcher(message.toLowerCase(Locale.ROOT)).replaceAll("-");
        return "error.text." + words.replaceAll("^-+|-+$", "");
    }
}
