package org.childalert.events;

/** Which message about an alert a recipient is sent. */
public enum NoticeKind {
    ISSUED,
    UPDATED,
    WIDENED,
    FOUND,
    /**
     * To a police zone's duty contact (or the on-duty contacts of its unit) when nobody in the zone acknowledged
     * the alert in time: the alert again, saying the zone has not acknowledged it.
     */
    ESCALATION,
    /**
     * To the police on duty where an alert would run, when it (or a change to it) waits for a police officer's
     * four-eyes approval ({@link AlertApprovalRequested}): a pointer to the console's approvals page, no child data.
     */
    APPROVAL_REQUESTED
}
