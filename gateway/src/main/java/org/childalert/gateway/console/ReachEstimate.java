package org.childalert.gateway.console;

import java.util.List;
import java.util.Map;

/**
 * What an alert would reach and what each language would read, as notification-service estimates it
 * ({@code POST /api/reach-estimates}) from the resolver and the templates the fan-out itself uses.
 *
 * @param recipients per recipient kind (POLICE, VOLUNTEER), channel (SMS, EMAIL) and language: how many people
 * @param total      the messages the alert would send
 * @param previews   per language, the messages exactly as they would be sent
 */
public record ReachEstimate(Map<String, Map<String, Map<String, Long>>> recipients, long total,
                            List<Preview> previews, long computedInMs) {

    /** The recipient kinds, channels and languages in the order the console lists them. */
    public static final List<String> KINDS = List.of("POLICE", "VOLUNTEER");
    public static final List<String> CHANNELS = List.of("SMS", "EMAIL");
    public static final List<String> LANGUAGES = List.of("nl", "fr", "de", "en");

    public List<String> kinds() {
        return KINDS;
    }

    public List<String> channels() {
        return CHANNELS;
    }

    public List<String> languages() {
        return LANGUAGES;
    }

    /** How many of this kind would get the alert on this channel in this language (0 when not said). */
    public long count(String kind, String channel, String language) {
        Long count = recipients == null ? null
                : recipients.getOrDefault(kind, Map.of()).getOrDefault(channel, Map.of()).get(language);
        return count == null ? 0 : count;
    }

    /** How many of this kind would get the alert on this channel, all languages together. */
    public long count(String kind, String channel) {
        return LANGUAGES.stream().mapToLong(language -> count(kind, channel, language)).sum();
    }

    public record Preview(String language, Sms sms, Email email) {
    }

    /** @param encoding GSM-7 or UCS-2, which decides how many characters a segment holds */
    public record Sms(String text, int segments, String encoding, int characters) {
    }

    public record Email(String subject, String text, String unsubscribeLink) {
    }
}
