package org.childalert.notifications.contacts;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.childalert.events.RecipientKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The one-click unsubscribe links of every email (RFC 8058): {@code <url>?token=<kind>.<id>.<expiry>.<signature>},
 * the expiry in epoch seconds, the signature an HMAC-SHA256 of the rest with the secret from configuration, so
 * that a link works without login, cannot be forged for someone else, and stops working after
 * {@code childalert.mail.unsubscribe-validity}.
 */
@Component
public class UnsubscribeLinks {

    /** Whose email the link unsubscribes. */
    public record Subscriber(RecipientKind kind, UUID id) {
    }

    /** What a token turned out to be: {@link Valid}, {@link Expired} (signed by us, too old) or {@link Invalid}. */
    public sealed interface Verdict permits Valid, Expired, Invalid {
    }

    public record Valid(Subscriber subscriber) implements Verdict {
    }

    public record Expired(Instant expiredAt) implements Verdict {
    }

    public record Invalid() implements Verdict {
    }

    private final UnsubscribeProperties properties;
    private final Clock clock;

    @Autowired
    public UnsubscribeLinks(UnsubscribeProperties properties) {
        this(properties, Clock.systemUTC());
    }

    public UnsubscribeLinks(UnsubscribeProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    public String url(RecipientKind kind, UUID id) {
        return properties.unsubscribeUrl() + "?token=" + URLEncoder.encode(token(kind, id), StandardCharsets.UTF_8);
    }

    public String token(RecipientKind kind, UUID id) {
        long expiry = clock.instant().plus(properties.unsubscribeValidity()).getEpochSecond();
        String signed = kind.name() + "." + id + "." + expiry;
        return signed + "." + signature(signed);
    }

    /** Whom the token unsubscribes, if it is well formed, signed with our secret and not expired. */
    public Verdict verify(String token) {
        if (token == null) {
            return new Invalid();
        }
        String[] parts = token.trim().split("\\.");
        if (parts.length != 4) {
            return new Invalid(); // links of before the expiry (three parts) never expire: refused
        }
        String signed = parts[0] + "." + parts[1] + "." + parts[2];
        if (!MessageDigest.isEqual(signature(signed).getBytes(StandardCharsets.US_ASCII),
                parts[3].getBytes(StandardCharsets.US_ASCII))) {
            return new Invalid();
        }
        try {
            Instant expiry = Instant.ofEpochSecond(Long.parseLong(parts[2]));
            if (!expiry.isAfter(clock.instant())) {
                return new Expired(expiry);
            }
            return new Valid(new Subscriber(RecipientKind.valueOf(parts[0]), UUID.fromString(parts[1])));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            return new Invalid();
        }
    }

    private String signature(String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(properties.unsubscribeSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
