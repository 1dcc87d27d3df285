package org.childalert.notifications.contacts;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable tokens for the one-click unsubscribe link of every message (RFC 8058). */
public final class UnsubscribeTokens {

    private static final SecureRandom random = new SecureRandom();

    private UnsubscribeTokens() {
    }

    public static String next() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
