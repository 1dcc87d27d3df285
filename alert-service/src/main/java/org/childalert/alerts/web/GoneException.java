package org.childalert.alerts.web;

import org.childalert.kit.web.ProblemException;
import org.springframework.http.HttpStatus;

/** The resource existed but has been withdrawn for good (for example a child's photo once the alert ended): 410. */
public class GoneException extends ProblemException {

    public GoneException(String message) {
        super(HttpStatus.GONE, "Withdrawn", message);
    }
}
