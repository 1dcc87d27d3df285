package org.childalert.alerts.web;

import org.childalert.kit.web.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * The caller's role allows the request, but not on this resource (for example a police officer deciding on
 * an escalation they requested themselves): 403, saying why.
 */
public class ForbiddenException extends ProblemException {

    public ForbiddenException(String message) {
        super(HttpStatus.FORBIDDEN, "Forbidden", message);
    }
}
