package org.childalert.notifications.limits;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.childalert.notifications.web.TooManyRequestsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Limits on the messages a member of the public can make the platform send, each of which costs money or can be
 * used to pester someone: per destination (number or mailbox), per account, per client address and overall, over
 * a sliding window ({@link SendLimitProperties}). The counts are rows in PostgreSQL, so that every instance sees
 * the same counts and a restart forgets nothing; they hold keyed hashes only, and an erasure leaves them, so that
 * erasing and signing up again does not start the count afresh. Checks of one kind of message are serialised by a
 * transaction-scoped advisory lock, so that concurrent requests cannot all slip under a limit; a message counts
 * only if the transaction that asks for it commits. Each refusal counts in
 * {@code childalert_send_limit_refusals_total{limit}}, limit {@code number} or {@code address} (the destination),
 * {@code account}, {@code client} or {@code overall}.
 */
@Component
public class SendLimits {

    private static final Logger log = LoggerFactory.getLogger(SendLimits.class);

    /** The messages limited; the words say what was sent and to what, for the 429's detail. */
    public enum Action {
        VERIFICATION_SMS("confirmation codes by SMS", "number"),
        VERIFICATION_EMAIL("confirmation links by email", "address"),
        SMS_ANSWER("answers by SMS", "number");

        private final String what;
        private final String destination;

        Action(String what, String destination) {
            this.what = what;
            this.destination = destination;
        }
    }

    /** Who asks: the account (Keycloak subject) and the client address; either may be null (no request, a webhook). */
    public record Requester(String account, String clientAddress) {

        /** The caller of the current HTTP request, as authenticated and as Tomcat saw its address. */
        public static Requester current() {
            String account = null;
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication instanceof JwtAuthenticationToken token) {
                account = token.getToken().getSubject();
            }
            String client = null;
            if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
                client = attributes.getRequest().getRemoteAddr(); // forward-headers-strategy native: the real client
            }
            return new Requester(account, client);
        }
    }

    private final JdbcClient jdbc;
    private final SendLimitProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Map<String, Counter> refusals = new ConcurrentHashMap<>();

    @Autowired
    SendLimits(JdbcClient jdbc, SendLimitProperties properties, MeterRegistry meters) {
        this(jdbc, properties, Clock.systemUTC(), meters);
    }

    /** Limits whose refusals are counted nowhere, for a test that builds them by hand. */
    public SendLimits(JdbcClient jdbc, SendLimitProperties properties, Clock clock) {
        this(jdbc, properties, clock, new SimpleMeterRegistry());
    }

    public SendLimits(JdbcClient jdbc, SendLimitProperties properties, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        for (String limit : new String[] {"number", "address", "account", "client", "overall"}) {
            refusals(limit); // present from the start, at 0, so that increase() sees the first refusal
        }
    }

    /** Counts one message to {@code destination} for the current request's caller, or throws a 429. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void take(Action action, String destination) {
        take(action, destination, Requester.current());
    }

    /** Counts one message to {@code destination} asked for by {@code requester}, or throws a 429 naming the limit. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void take(Action action, String destination, Requester requester) {
        Instant now = clock.instant();
        Instant since = now.minus(properties.window());
        jdbc.sql("select pg_advisory_xact_lock(hashtext(:lock))").param("lock", "send-limits:" + action.name())
                .query((rs, n) -> 1).list();
        String destinationHash = hash("destination", destination.trim().toLowerCase(Locale.ROOT));
        String accountHash = requester.account() == null ? null : hash("account", requester.account());
        String clientHash = requester.clientAddress() == null ? null : hash("client", requester.clientAddress());

        check(action, action.destination, "destination_hash", destinationHash, since, properties.perDestination(), now,
                "This " + action.destination + " was sent %d " + action.what + " in the last %s");
        if (accountHash != null) {
            check(action, "account", "account_hash", accountHash, since, properties.perAccount(), now,
                    "Your account asked for %d " + action.what + " in the last %s");
        }
        if (clientHash != null) {
            check(action, "client", "client_hash", clientHash, since, properties.perClient(), now,
                    "%d " + action.what + " were asked for from your network address in the last %s");
        }
        check(action, "overall", null, null, since, properties.overall(), now,
                "The platform sent %d " + action.what + " in the last %s, as many as it sends in that time");
        jdbc.sql("""
                insert into send_limit_event (action, at, destination_hash, account_hash, client_hash)
                values (:action, :at, :destination, :account, :client)
                """)
                .param("action", action.name()).param("at", Timestamp.from(now)).param("destination", destinationHash)
                .param("account", accountHash).param("client", clientHash)
                .update();
    }

    /**
     * Like {@link #take(Action, String, Requester)} in a transaction of its own, for a message that is simply not
     * sent when over a limit (an automatic answer): false then.
     */
    @Transactional
    public boolean tryTake(Action action, String destination, Requester requester) {
        try {
            take(action, destination, requester);
            return true;
        } catch (TooManyRequestsException e) {
            return false;
        }
    }

    /** Deletes the counts that no longer count (older than the window): the table holds one window of messages. */
    @Scheduled(cron = "${childalert.limits.purge-schedule:0 15 * * * *}")
    void purgeScheduled() {
        int purged = purgeAt(clock.instant());
        if (purged > 0) {
            log.info("Purged {} send-limit record(s) older than {}", purged, properties.window());
        }
    }

    /** Deletes the records older than the window at {@code now}, in batches; says how many went. */
    public int purgeAt(Instant now) {
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.sql("""
                    delete from send_limit_event where ctid in (
                        select ctid from send_limit_event where at < :cutoff limit 5000)
                    """)
                    .param("cutoff", Timestamp.from(now.minus(properties.window())))
                    .update();
            total += deleted;
        } while (deleted == 5000);
        return total;
    }

    private void check(Action action, String limitName, String column, String hash, Instant since, int limit, Instant now,
                       String detail) {
        String where = column == null ? "" : " and " + column + " = :hash";
        JdbcClient.StatementSpec statement = jdbc.sql("select count(*) as n, min(at) as oldest from send_limit_event"
                        + " where action = :action and at > :since" + where)
                .param("action", action.name()).param("since", Timestamp.from(since));
        if (column != null) {
            statement = statement.param("hash", hash);
        }
        Object[] counted = statement.query((rs, n) -> new Object[] {rs.getLong("n"), rs.getTimestamp("oldest")})
                .single();
        long count = (long) counted[0];
        if (count >= limit) {
            refusals(limitName).increment();
            Instant oldest = ((Timestamp) counted[1]).toInstant();
            Duration retryAfter = Duration.between(now, oldest.plus(properties.window()));
            throw new TooManyRequestsException(detail.formatted(count, describe(properties.window()))
                    + "; try again in " + describe(retryAfter) + ".", retryAfter.isNegative() ? Duration.ofSeconds(1) : retryAfter);
        }
    }

    private Counter refusals(String limit) {
        return refusals.computeIfAbsent(limit, name -> Counter.builder("childalert.send.limit.refusals")
                .description("Costly messages refused by a send limit (429 to the caller)")
                .tag("limit", name)
                .register(meters));
    }

    private static String describe(Duration duration) {
        long minutes = Math.max(1, (duration.toSeconds() + 59) / 60);
        return minutes % 60 == 0 ? (minutes / 60) + (minutes == 60 ? " hour" : " hours") : minutes + (minutes == 1 ? " minute" : " minutes");
    }

    private String hash(String scope, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(properties.hashKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal((scope + ":" + value).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
