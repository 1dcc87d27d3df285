package org.childalert.events;

/** Which message about an alert a recipient is sent. */
public enum NoticeKind {
    ISSUED,
    UPDATED,
    WIDENED,
    FOUND
}
