package org.childalert.alerts.web;

import org.childalert.kit.web.ProblemException;
import org.springframework.http.HttpStatus;

/** An upload (a photo) is larger than the service accepts: 413, saying the limit. */
public class PayloadTooLargeException extends ProblemException {

    public PayloadTooLargeException(String message) {
        super(HttpStatus.CONTENT_TOO_LARGE, "Upload too large", message);
    }
}
