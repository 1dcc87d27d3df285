package org.childalert.notifications.templates;

/**
 * How many SMS segments a text takes, as carriers (and Twilio's pricing and throughput) count them: GSM-7
 * holds 160 septets in one segment and 153 per segment when concatenated, characters of the GSM-7 extension
 * table taking two septets; any other character switches the whole message to UCS-2, 70 code units in one
 * segment and 67 per segment when concatenated.
 */
public final class SmsSegments {

    private static final String GSM7_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM7_EXTENSION = "^{}\\[~]|€\f";

    private SmsSegments() {
    }

    public static int count(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        int septets = gsm7Septets(text);
        if (septets >= 0) {
            return septets <= 160 ? 1 : (septets + 152) / 153;
        }
        int units = text.length(); // UTF-16 code units, which is what UCS-2 segments count
        return units <= 70 ? 1 : (units + 66) / 67;
    }

    public static boolean isGsm7(String text) {
        return gsm7Septets(text) >= 0;
    }

    /** The number of septets in GSM-7, or -1 when a character needs UCS-2. */
    private static int gsm7Septets(String text) {
        int septets = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (GSM7_BASIC.indexOf(c) >= 0) {
                septets++;
            } else if (GSM7_EXTENSION.indexOf(c) >= 0) {
                septets += 2;
            } else {
                return -1;
            }
        }
        return septets;
    }
}
