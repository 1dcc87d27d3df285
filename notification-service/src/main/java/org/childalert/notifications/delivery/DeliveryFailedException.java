package org.childalert.notifications.delivery;

/**
 * A provider refused or could not take a message; {@code errorCode} is the provider's code where it gave one.
 * A temporary failure (provider unreachable, throttled, unavailable) may succeed on a later attempt; a
 * permanent one (the recipient texted STOP, the address does not exist) never will.
 */
class DeliveryFailedException extends RuntimeException {

    private final String errorCode;
    private final boolean temporary;

    private DeliveryFailedException(String errorCode, boolean temporary, String message, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
        this.temporary = temporary;
    }

    static DeliveryFailedException temporary(String errorCode, String message, Throwable cause) {
        return new DeliveryFailedException(errorCode, true, message, cause);
    }

    static DeliveryFailedException permanent(String errorCode, String message, Throwable cause) {
        return new DeliveryFailedException(errorCode, false, message, cause);
    }

    String errorCode() {
        return errorCode;
    }

    boolean isTemporary() {
        return temporary;
    }
}
