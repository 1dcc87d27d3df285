package org.childalert.notifications.templates;

import java.time.Instant;

/**
 * What a message about an alert may say about the child, no more than the alert's level allows the public
 * to know. The description and the photo link are null once the alert is cancelled or expired.
 *
 * @param photoLink the public, expiring link to the child's photo an update brought, or null
 */
public record NoticeContent(String childFirstName, int childAge, String description, String lastSeenPlace,
                            Instant lastSeenAt, String photoLink) {

    public NoticeContent(String childFirstName, int childAge, String description, String lastSeenPlace,
                         Instant lastSeenAt) {
        this(childFirstName, childAge, description, lastSeenPlace, lastSeenAt, null);
    }
}
