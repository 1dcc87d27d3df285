package org.childalert.kit.web;

import org.springframework.http.HttpStatus;

/** The request does not fit the current state of what it is about (e.g. deciding twice): 409. */
public class ConflictException extends ProblemException {

    public ConflictException(String message) {
        super(HttpStatus.CONFLICT, "Conflict with the current state", message);
    }
}
