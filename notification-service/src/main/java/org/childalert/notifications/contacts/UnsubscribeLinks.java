package org.childalert.notifications.contacts;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.childalert.events.RecipientKind;
import org.springframework.stereotype.Component;

/**
 * The one-click unsubscribe links of every email (RFC 8058): {@code <url>?token=<kind>.<id>.<signature>}, the
 * signature an HMAC-SHA256 of the recipient with the secret from configuration, so that a link works without
 * login and cannot be forged for someone else.
 */
@Component
public class UnsubscribeLinks {

    /** Whose email the link unsubscribes. */
    public record Subscriber(RecipientKind kind, UUID id) {
    }

    private final UnsubscribeProperties properties;

    public UnsubscribeLinks(UnsubscribeProperties properties) {
        this.properties = properties;
    }

    public String url(RecipientKind kind, UUID id) {
        return properties.unsubscribeUrl() + "?token=" + URLEncoder.encode(token(kind, id), StandardCharsets.UTF_8);
    }

    public String token(RecipientKind kind, UUID id) {
        String subject = kind.name() + "." + id;
        return subject + "." + signature(subject);
    }

    /** The subscriber the token was signed for; empty if it is malformed or its signature does not match. */
    public Optional<Subscriber> verify(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        String subject = parts[0] + "." + parts[1];
        if (!MessageDigest.isEqual(signature(subject).getBytes(StandardCharsets.US_ASCII),
                parts[2].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Subscriber(RecipientKind.valueOf(parts[0]), UUID.fromString(parts[1])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String signature(String subject) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(properties.unsubscribeSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(subject.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
