package org.childalert.alerts.web;

/** An upload (a photo) is larger than the service accepts: 413, saying the limit. */
public class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(String message) {
        super(message);
    }
}
