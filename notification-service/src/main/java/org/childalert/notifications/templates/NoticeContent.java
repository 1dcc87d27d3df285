package org.childalert.notifications.templates;

import java.time.Instant;

/**
 * What a message about an alert may say about the child, no more than the alert's level allows the public
 * to know. The description is null once the alert is cancelled.
 */
public record NoticeContent(String childFirstName, int childAge, String description, String lastSeenPlace,
                            Instant lastSeenAt) {
}
