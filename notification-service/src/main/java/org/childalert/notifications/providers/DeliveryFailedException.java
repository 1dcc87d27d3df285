package org.childalert.notifications.providers;

/**
 * A provider refused or could not take a message; {@code errorCode} is the provider's code where it gave one.
 * A temporary failure (provider unreachable, throttled, unavailable) may succeed on a later attempt; a
 * permanent one (the recipient texted STOP, the address does not exist) never will. A failure that says the
 * provider itself is unwell (5xx, timeout, connection refused) also counts towards its circuit breaker.
 */
public class DeliveryFailedException extends RuntimeException {

    private final String errorCode;
    private final boolean temporary;
    private final boolean providerUnwell;

    private DeliveryFailedException(String errorCode, boolean temporary, boolean providerUnwell, String message,
                                    Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
        this.temporary = temporary;
        this.providerUnwell = providerUnwell;
    }

    /** The provider answered but cannot take the message now (throttled): try again later. */
    public static DeliveryFailedException temporary(String errorCode, String message, Throwable cause) {
        return new DeliveryFailedException(errorCode, true, false, message, cause);
    }

    /** The provider is down, failing or not answering: try again later, and count it towards its breaker. */
    public static DeliveryFailedException providerUnwell(String errorCode, String message, Throwable cause) {
        return new DeliveryFailedException(errorCode, true, true, message, cause);
    }

    /** The provider answered that this message will never be taken. */
    public static DeliveryFailedException permanent(String errorCode, String message, Throwable cause) {
        return new DeliveryFailedException(errorCode, false, false, message, cause);
    }

    public String errorCode() {
        return errorCode;
    }

    public boolean isTemporary() {
        return temporary;
    }

    public boolean isProviderUnwell() {
        return providerUnwell;
    }
}
