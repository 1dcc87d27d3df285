package org.childalert.notifications.contacts;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/** Email addresses a mail relay will accept: one plain {@code local@domain.tld}, no display name. */
public final class EmailAddresses {

    private static final Pattern DOMAIN = Pattern.compile(
            "(?i)(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");

    private EmailAddresses() {
    }

    /** The address, trimmed and with its domain in lower case, or empty if it is not a deliverable address. */
    public static Optional<String> normalized(String typed) {
        if (typed == null || typed.isBlank() || typed.length() > 254) {
            return Optional.empty();
        }
        String trimmed = typed.trim();
        try {
            InternetAddress address = new InternetAddress(trimmed, true);
            address.validate();
            if (!trimmed.equals(address.getAddress())) {
                return Optional.empty(); // a display name or group syntax, not a bare address
            }
        } catch (AddressException e) {
            return Optional.empty();
        }
        int at = trimmed.lastIndexOf('@');
        if (at < 1) {
            return Optional.empty();
        }
        String domain = trimmed.substring(at + 1);
        if (!DOMAIN.matcher(domain).matches()) {
            return Optional.empty();
        }
        return Optional.of(trimmed.substring(0, at) + "@" + domain.toLowerCase(Locale.ROOT));
    }

    /** The first letter of the local part and the domain: {@code j***@example.org}. */
    public static String masked(String address) {
        int at = address.lastIndexOf('@');
        if (at < 1) {
            return "***";
        }
        return address.charAt(0) + "***" + address.substring(at);
    }
}
