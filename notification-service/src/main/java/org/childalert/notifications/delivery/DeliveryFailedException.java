package org.childalert.notifications.delivery;

/** A provider refused or could not take a message; {@code errorCode} is the provider's code where it gave one. */
class DeliveryFailedException extends RuntimeException {

    private final String errorCode;

    DeliveryFailedException(String errorCode, String message, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
    }

    String errorCode() {
        return errorCode;
    }
}
