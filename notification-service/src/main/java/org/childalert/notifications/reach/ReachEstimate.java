package org.childalert.notifications.reach;

import java.util.List;
import java.util.Map;

/**
 * What an alert would reach, and what each language would read.
 *
 * @param recipients   per recipient kind (POLICE, VOLUNTEER), channel (SMS, EMAIL) and language: how many people
 *                     would be sent the alert; a person with two channels counts once on each
 * @param total        the messages the alert would send (the sum of {@code recipients})
 * @param previews     per language, every message as it would be sent
 * @param computedInMs how long the estimate took
 */
record ReachEstimate(Map<String, Map<String, Map<String, Long>>> recipients, long total, List<Preview> previews,
                     long computedInMs) {

    /** One language's messages, exactly as the templates render them for the ISSUED notice. */
    record Preview(String language, Sms sms, Email email) {
    }

    /** @param encoding GSM-7 or UCS-2, which decides how many characters a segment holds (160/153 or 70/67) */
    record Sms(String text, int segments, String encoding, int characters) {
    }

    /** @param unsubscribeLink what each email's one-click unsubscribe header holds, one per recipient: a placeholder */
    record Email(String subject, String text, String unsubscribeLink) {
    }
}
