package org.childalert.notifications.web;

/** The request is well formed but does not fit the resource's current state: 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
