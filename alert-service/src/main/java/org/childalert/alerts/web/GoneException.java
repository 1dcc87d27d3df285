package org.childalert.alerts.web;

/** The resource existed but has been withdrawn for good (for example a child's photo once the alert ended): 410. */
public class GoneException extends RuntimeException {

    public GoneException(String message) {
        super(message);
    }
}
