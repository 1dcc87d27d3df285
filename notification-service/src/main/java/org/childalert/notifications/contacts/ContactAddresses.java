package org.childalert.notifications.contacts;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.childalert.events.DeliveryChannel;
import org.childalert.kit.web.InvalidRequestException;

/**
 * The phone number and email address of a recipient, checked and normalised, and the channels they can be
 * reached on: every channel chosen needs its address, and every address given must be valid.
 *
 * @param phone E.164, or null when none was given
 * @param email normalised, or null when none was given
 */
public record ContactAddresses(String phone, String email, Set<DeliveryChannel> channels) {

    /** Checks what a client sent; throws {@link InvalidRequestException} naming the first field that is wrong. */
    public static ContactAddresses of(String phone, String email, Set<DeliveryChannel> channels) {
        if (channels == null || channels.isEmpty() || channels.stream().anyMatch(Objects::isNull)) {
            throw new InvalidRequestException("channels", "must name at least one of SMS, EMAIL");
        }
        String e164 = null;
        if (phone != null && !phone.isBlank()) {
            e164 = PhoneNumbers.toE164(phone).orElseThrow(
                    () -> new InvalidRequestException("phone", "is not a valid phone number (use +32470123456 or 0470 12 34 56)"));
        } else if (channels.contains(DeliveryChannel.SMS)) {
            throw new InvalidRequestException("phone", "is required for the SMS channel");
        }
        String normalizedEmail = null;
        if (email != null && !email.isBlank()) {
            normalizedEmail = EmailAddresses.normalized(email).orElseThrow(
                    () -> new InvalidRequestException("email", "is not a valid email address"));
        } else if (channels.contains(DeliveryChannel.EMAIL)) {
            throw new InvalidRequestException("email", "is required for the EMAIL channel");
        }
        return new ContactAddresses(e164, normalizedEmail, Set.copyOf(EnumSet.copyOf(channels)));
    }
}
