package org.childalert.events;

/** What an SMS reply to an alert says, as the notification-service classified it. */
public enum ReplyKind {
    /** The recipient saw the alert and is looking out (SEEN, GEZIEN, VU, GESEHEN). */
    SEEN,
    /** The recipient saw the child, or something that may help: the reply's text says what and where. */
    SIGHTING,
    /** A police contact acknowledged the alert for their zone (ACK, ONTVANGEN, RECU, ERHALTEN). */
    ACK,
    /** Anything else. */
    OTHER
}
