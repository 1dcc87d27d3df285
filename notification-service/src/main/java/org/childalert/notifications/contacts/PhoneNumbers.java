package org.childalert.notifications.contacts;

import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/** Phone numbers as people type them, turned into E.164 with libphonenumber; Belgian unless prefixed. */
public final class PhoneNumbers {

    private static final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private static final String DEFAULT_REGION = "BE";

    private PhoneNumbers() {
    }

    /** The number in E.164 ({@code +32470123456}), or empty if it is not a valid, dialable number. */
    public static Optional<String> toE164(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = util.parse(typed, DEFAULT_REGION);
            return util.isValidNumber(number) ? Optional.of(util.format(number, PhoneNumberFormat.E164)) : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The number in international format with the subscriber digits hidden but the last two, so that a
     * coordinator can tell recipients apart without reading their numbers: {@code +32 470 ** ** 56}.
     */
    public static String masked(String e164) {
        String international;
        try {
            international = util.format(util.parse(e164, DEFAULT_REGION), PhoneNumberFormat.INTERNATIONAL);
        } catch (NumberParseException e) {
            international = e164;
        }
        String[] groups = international.split(" ");
        if (groups.length < 3) {
            String digits = international.replaceAll("\\D", "");
            return "+" + "*".repeat(Math.max(0, digits.length() - 2)) + digits.substring(Math.max(0, digits.length() - 2));
        }
        StringBuilder masked = new StringBuilder(groups[0]).append(' ').append(groups[1]);
        for (int i = 2; i < groups.length - 1; i++) {
            masked.append(' ').append("*".repeat(groups[i].length()));
        }
        String last = groups[groups.length - 1];
        String hidden = last.length() > 2 ? "*".repeat(last.length() - 2) + last.substring(last.length() - 2) : last;
        return masked.append(' ').append(hidden).toString();
    }
}
