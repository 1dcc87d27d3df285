package org.childalert.notifications.optout;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Twilio's standard opt-out, opt-in and help keywords: a reply that is exactly one of them, in any case. */
enum SmsKeywords {
    OPT_OUT(Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT")),
    OPT_IN(Set.of("START", "YES", "UNSTOP")),
    HELP(Set.of("HELP", "INFO"));

    private final Set<String> words;

    SmsKeywords(Set<String> words) {
        this.words = words;
    }

    static Optional<SmsKeywords> of(String body) {
        if (body == null) {
            return Optional.empty();
        }
        String word = body.strip().toUpperCase(Locale.ROOT);
        for (SmsKeywords keyword : values()) {
            if (keyword.words.contains(word)) {
                return Optional.of(keyword);
            }
        }
        return Optional.empty();
    }
}
