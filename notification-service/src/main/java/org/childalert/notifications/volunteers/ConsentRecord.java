package org.childalert.notifications.volunteers;

import java.time.Instant;
import java.util.List;

/** What a volunteer agreed to, shown back to them: the text and its version, when, from where, by whom. */
record ConsentRecord(String textVersion, String text, Instant givenAt, String ipAddress, String userAgent,
                     List<String> channels, String submittedBy, String channelsAttestedBy) {
}
