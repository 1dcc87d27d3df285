package org.childalert.gateway.console;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The console's texts ({@code messages*.properties}), where a message in ICU syntax is formatted by ICU: plurals by
 * the CLDR rules of the page's language ({@code {0, plural, =0 {No case} one {One case} other {# cases}}}), which
 * java.text's choice format cannot express (French says "0 dossier" and "1,5 an" in the singular; its
 * {@code 1#...|1<...} applies English's rule to every language). Every other message is formatted as before by
 * Spring ({@link java.text.MessageFormat}, or returned as written when it has no arguments).
 *
 * <p>A message is in ICU syntax when it holds a {@code plural}, {@code selectordinal} or {@code select} argument.
 * In those, an apostrophe is literal unless it quotes a brace or a {@code #} (ICU's default), so "n'a" is written
 * as is, and {@code ''} gives one apostrophe as in Spring's messages with arguments.
 */
public class IcuMessageSource extends ResourceBundleMessageSource {

    private static final Pattern ICU_SYNTAX = Pattern.compile("\\{\\s*\\w+\\s*,\\s*(plural|selectordinal|select)\\s*,");

    /** Parsed patterns by language and text: a MessageFormat is not thread-safe, so each use clones one. */
    private final Map<String, MessageFormat> parsed = new ConcurrentHashMap<>();

    public IcuMessageSource() {
        setBasename("messages");
        setDefaultEncoding(StandardCharsets.UTF_8.name());
        // English (messages.properties) is the fallback, whatever the server's locale
        setFallbackToSystemLocale(false);
    }

    /** Whether this text is formatted by ICU. */
    public static boolean isIcu(String text) {
        return text != null && ICU_SYNTAX.matcher(text).find();
    }

    @Override
    protected String getMessageInternal(String code, Object[] args, Locale locale) {
        if (code == null) {
            return null;
        }
        Locale language = locale == null ? Locale.getDefault() : locale;
        String text = resolveCodeWithoutArguments(code, language);
        if (!isIcu(text)) {
            return super.getMessageInternal(code, args, locale);
        }
        MessageFormat format = parsed.computeIfAbsent(language.toLanguageTag() + '\u0000' + text,
                key -> new MessageFormat(text, ULocale.forLocale(language)));
        return ((MessageFormat) format.clone()).format(resolveArguments(args, language));
    }
}
