package org.childalert.notifications.verification;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.childalert.events.DeliveryChannel;
import org.childalert.kit.web.ConflictException;
import org.childalert.kit.web.InvalidRequestException;
import org.childalert.kit.web.NotFoundException;
import org.childalert.notifications.limits.SendLimits;
import org.childalert.notifications.security.Caller;
import org.childalert.notifications.templates.Language;
import org.childalert.notifications.verification.VerificationMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Double opt-in: a channel is used only once its owner proved they hold it, with a 6-digit code sent by SMS
 * or a link sent by email. Codes and links expire (the link's token is random, stored only as a hash with its
 * expiry, and refused after it), a code allows a few attempts, and {@link SendLimits} bounds how many are sent per
 * number or mailbox, account, client address and overall. Only hashes are stored. Messages leave after the transaction commits.
 */
@Service
public class ChannelVerifications {

    private static final Logger log = LoggerFactory.getLogger(ChannelVerifications.class);
    private static final SecureRandom random = new SecureRandom();

    public record Pending(String channel, Instant expiresAt) {
    }

    public record Verified(String channel, Instant verifiedAt) {
    }

    private record Target(String phone, String email, Language language, String owner) {
    }

    private final JdbcClient jdbc;
    private final VerificationMessages messages;
    private final VerificationProperties properties;
    private final SendLimits limits;
    private final Clock clock;

    ChannelVerifications(JdbcClient jdbc, VerificationMessages messages, VerificationProperties properties,
                         SendLimits limits) {
        this.jdbc = jdbc;
        this.limits = limits;
        this.messages = messages;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    /** Sends the proof for each channel of a new volunteer, in the sign-up's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void start(UUID volunteerId, Iterable<DeliveryChannel> channels) {
        Target target = target(volunteerId).orElseThrow();
        for (DeliveryChannel channel : channels) {
            issue(volunteerId, channel, target);
        }
    }

    /** A new code or link for an unverified channel, replacing the previous one. */
    @Transactional
    public Pending resend(UUID volunteerId, DeliveryChannel channel, Caller caller) {
        Target target = ownedTarget(volunteerId, caller);
        Boolean verified = jdbc.sql("""
                select verified_at is not null from volunteer_channel where volunteer_id = :id and channel = :channel
                """).param("id", volunteerId).param("channel", channel.name()).query(Boolean.class).optional()
                .orElseThrow(() -> new ConflictException("The volunteer has not chosen the " + channel + " channel."));
        if (verified) {
            throw new ConflictException("The " + channel + " channel is already confirmed.");
        }
        return issue(volunteerId, channel, target);
    }

    /** Confirms the phone with the code sent by SMS; a wrong code counts as an attempt. */
    @Transactional(noRollbackFor = InvalidRequestException.class)
    public Verified confirmCode(UUID volunteerId, String code, Caller caller) {
        ownedTarget(volunteerId, caller);
        var pending = jdbc.sql("""
                select secret_hash, expires_at, attempts from channel_verification
                where volunteer_id = :id and channel = 'SMS' for update
                """).param("id", volunteerId)
                .query((rs, n) -> new Object[] {rs.getString("secret_hash"), rs.getTimestamp("expires_at").toInstant(), rs.getInt("attempts")})
                .optional()
                .orElseThrow(() -> new ConflictException("No code is waiting for confirmation: ask for a new one."));
        if (((Instant) pending[1]).isBefore(clock.instant())) {
            throw new ConflictException("The code has expired: ask for a new one.");
        }
        if ((int) pending[2] >= properties.maxAttempts()) {
            throw new ConflictException("Too many wrong codes: ask for a new one.");
        }
        if (code == null || !hash("SMS:" + volunteerId + ":" + code.trim()).equals(pending[0])) {
            jdbc.sql("update channel_verification set attempts = attempts + 1 where volunteer_id = :id and channel = 'SMS'")
                    .param("id", volunteerId).update();
            throw new InvalidRequestException("code", "is not the code we sent");
        }
        return verify(volunteerId, DeliveryChannel.SMS);
    }

    /** Confirms the mailbox with the token of the link sent by email; the link is the proof, no login needed. */
    @Transactional
    public Verified confirmLink(String token) {
        UUID volunteerId = jdbc.sql("""
                select volunteer_id from channel_verification
                where channel = 'EMAIL' and secret_hash = :hash and expires_at > :now
                """).param("hash", hash("EMAIL:" + token)).param("now", Timestamp.from(clock.instant()))
                .query(UUID.class).optional()
                .orElseThrow(() -> new NotFoundException("Confirmation link", "(unknown, used or expired)"));
        return verify(volunteerId, DeliveryChannel.EMAIL);
    }

    /**
     * Deletes the confirmations that expired more than a day ago (a code or link nobody used): at most one per
     * volunteer and channel waits, and this keeps abandoned ones from staying forever.
     */
    @Scheduled(cron = "${childalert.verification.purge-schedule:0 20 * * * *}")
    void purgeScheduled() {
        int purged = purgeExpiredAt(clock.instant());
        if (purged > 0) {
            log.info("Purged {} confirmation(s) that expired over a day ago", purged);
        }
    }

    @Transactional
    public int purgeExpiredAt(Instant now) {
        return jdbc.sql("delete from channel_verification where expires_at < :cutoff")
                .param("cutoff", Timestamp.from(now.minus(Duration.ofDays(1))))
                .update();
    }

    private Verified verify(UUID volunteerId, DeliveryChannel channel) {
        Instant now = clock.instant();
        jdbc.sql("update volunteer_channel set verified_at = :now where volunteer_id = :id and channel = :channel")
                .param("now", Timestamp.from(now)).param("id", volunteerId).param("channel", channel.name()).update();
        jdbc.sql("delete from channel_verification where volunteer_id = :id and channel = :channel")
                .param("id", volunteerId).param("channel", channel.name()).update();
        return new Verified(channel.name(), now);
    }

    private Pending issue(UUID volunteerId, DeliveryChannel channel, Target target) {
        String address = channel == DeliveryChannel.SMS ? target.phone() : target.email();
        if (address == null) {
            throw new ConflictException("The volunteer has no address for the " + channel + " channel.");
        }
        // counted per number or mailbox, account, client address and overall; the counts outlive an erasure
        limits.take(channel == DeliveryChannel.SMS ? SendLimits.Action.VERIFICATION_SMS : SendLimits.Action.VERIFICATION_EMAIL,
                address);
        Instant now = clock.instant();
        String secret = channel == DeliveryChannel.SMS ? "%06d".formatted(random.nextInt(1_000_000)) : token();
        Duration validity = channel == DeliveryChannel.SMS ? properties.codeValidity() : properties.linkValidity();
        String hash = channel == DeliveryChannel.SMS ? hash("SMS:" + volunteerId + ":" + secret) : hash("EMAIL:" + secret);
        jdbc.sql("""
                insert into channel_verification (volunteer_id, channel, secret_hash, expires_at, attempts, sent_at)
                values (:id, :channel, :hash, :expiresAt, 0, :now)
                on conflict (volunteer_id, channel) do update
                set secret_hash = excluded.secret_hash, expires_at = excluded.expires_at, attempts = 0, sent_at = excluded.sent_at
                """)
                .param("id", volunteerId).param("channel", channel.name()).param("hash", hash)
                .param("expiresAt", Timestamp.from(now.plus(validity))).param("now", Timestamp.from(now))
                .update();
        afterCommit(() -> {
            if (channel == DeliveryChannel.SMS) {
                messages.sendCode(address, secret, validity.toMinutes(), target.language());
            } else {
                messages.sendLink(address, properties.linkUrl() + "?token=" + URLEncoder.encode(secret, StandardCharsets.UTF_8),
                        volunteerId, target.language());
            }
        });
        return new Pending(channel.name(), now.plus(validity));
    }

    private Target ownedTarget(UUID volunteerId, Caller caller) {
        Optional<Target> target = target(volunteerId);
        if (target.isEmpty() || !(caller.hasRole("ADMIN") || caller.subject().equals(target.get().owner()))) {
            throw new NotFoundException("Volunteer", volunteerId); // someone else's record: as if it did not exist
        }
        return target.get();
    }

    private Optional<Target> target(UUID volunteerId) {
        return jdbc.sql("select phone, email, language, owner_subject from volunteer where id = :id")
                .param("id", volunteerId)
                .query((rs, n) -> new Target(rs.getString("phone"), rs.getString("email"),
                        Language.fromCode(rs.getString("language")), rs.getString("owner_subject")))
                .optional();
    }

    private String hash(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(properties.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void afterCommit(Runnable send) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    send.run();
                } catch (RuntimeException e) {
                    log.warn("A confirmation could not be sent; the volunteer can ask for another: {}", e.toString());
                }
            }
        });
    }
}
