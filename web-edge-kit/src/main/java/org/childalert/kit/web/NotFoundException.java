package org.childalert.kit.web;

import org.springframework.http.HttpStatus;

/** The resource the caller named does not exist (or is not theirs to see): 404. */
public class NotFoundException extends ProblemException {

    public NotFoundException(String what, Object id) {
        super(HttpStatus.NOT_FOUND, "Not found", what + " " + id + " was not found.");
    }
}
