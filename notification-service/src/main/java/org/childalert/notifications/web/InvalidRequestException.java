package org.childalert.notifications.web;

/**
 * A rule of the domain that a single field's annotation cannot express was broken: 400, naming the field.
 */
public class InvalidRequestException extends RuntimeException {

    private final String field;

    public InvalidRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
