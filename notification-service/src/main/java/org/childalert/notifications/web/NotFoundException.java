package org.childalert.notifications.web;

/** The resource the caller named does not exist (or is not theirs to see): 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " was not found.");
    }
}
