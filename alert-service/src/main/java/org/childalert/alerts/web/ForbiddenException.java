package org.childalert.alerts.web;

/**
 * The caller's role allows the request, but not on this resource (for example a police officer deciding on
 * an escalation they requested themselves): 403, saying why.
 */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
