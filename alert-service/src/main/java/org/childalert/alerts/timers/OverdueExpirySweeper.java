package org.childalert.alerts.timers;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The second path to an alert's end: an active alert past its expiry by more than
 * {@code childalert.timers.supervision.expiry-grace} is expired here, whatever became of its expiry timer (given up
 * after five failures, lost, claimed by an instance that died). The child's description and photo must not stay
 * published because a timer could not fire. It expires the alert as the timer would have (the same handler: the
 * withdrawal receipt, the Cancel CAP message, {@code AlertExpired}), each alert in a transaction of its own and
 * locked, so it never expires an alert twice, even beside the timer or another instance.
 */
@Component
class OverdueExpirySweeper {

    private static final Logger log = LoggerFactory.getLogger(OverdueExpirySweeper.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final TimerHandler expiry;
    private final TimerSupervision supervision;

    OverdueExpirySweeper(JdbcClient jdbc, TransactionTemplate transactions, Clock clock, List<TimerHandler> handlers,
                         TimerSupervision supervision) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.expiry = handlers.stream().filter(handler -> handler.kind() == TimerKind.EXPIRY).findFirst()
                .orElseThrow(() -> new IllegalStateException("No handler for timers of kind EXPIRY"));
        this.supervision = supervision;
    }

    @Scheduled(fixedDelayString = "${childalert.timers.supervision.expiry-sweep-interval:1m}")
    void sweep() {
        expireOverdue();
    }

    /** Expires every active alert overdue by more than the grace; returns how many it expired. */
    int expireOverdue() {
        Instant cutoff = clock.instant().minus(supervision.expiryGrace());
        List<OverdueAlert> overdue = jdbc.sql("""
                select id, expires_at from alert where status = 'ACTIVE' and expires_at <= :cutoff
                order by expires_at limit 100
                """)
                .param("cutoff", Timestamp.from(cutoff))
                .query((rs, n) -> new OverdueAlert(rs.getObject("id", UUID.class),
                        rs.getTimestamp("expires_at").toInstant()))
                .list();
        int expired = 0;
        for (OverdueAlert alert : overdue) {
            try {
                String outcome = transactions.execute(status -> expiry.fire(
                        new DueTimer(0, alert.id(), TimerKind.EXPIRY, "", alert.expiresAt())));
                log.warn("Alert {} was still active {} after its expiry ({}); the sweeper expired it: {}", alert.id(),
                        supervision.expiryGrace(), alert.expiresAt(), outcome);
                expired++;
            } catch (RuntimeException e) {
                log.error("Alert {} is past its expiry ({}) and could not be expired by the sweeper either; "
                        + "its child's data is still published: {}", alert.id(), alert.expiresAt(), e.toString());
            }
        }
        return expired;
    }

    private record OverdueAlert(UUID id, Instant expiresAt) {
    }
}
