package org.childalert.alerts.cap;

/** A document that is not a valid CAP 1.2 message. */
public class InvalidCapMessageException extends RuntimeException {

    InvalidCapMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
