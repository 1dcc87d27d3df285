package org.childalert.alerts.timers;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fires due timers, each exactly once however many instances of the service poll the same database: an
 * instance claims one due timer with {@code FOR UPDATE SKIP LOCKED} and, in that same transaction, marks it
 * fired and runs its handler (whose state change and outbox record commit with the mark). If the handler
 * fails, the transaction rolls back and the timer is retried later with a growing delay, then given up: marked
 * FAILED, logged as an error and counted ({@code childalert.timers.failed}); {@link TimerTroubles} keeps it in the
 * health report, and {@link OverdueExpirySweeper} still ends an alert whose expiry timer was given up.
 */
@Component
class TimerPoller {

    private static final Logger log = LoggerFactory.getLogger(TimerPoller.class);
    static final int MAX_ATTEMPTS = 5;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Map<TimerKind, TimerHandler> handlers = new EnumMap<>(TimerKind.class);
    private final String instance;
    private final int batchSize;
    private final Map<TimerKind, Counter> givenUp = new EnumMap<>(TimerKind.class);

    TimerPoller(JdbcClient jdbc, TransactionTemplate transactions, Clock clock, List<TimerHandler> handlers,
                @Value("${spring.application.name}") String applicationName,
                @Value("${childalert.timers.batch-size:100}") int batchSize, MeterRegistry meters) {
        this.jdbc = jdbc;
        for (TimerKind kind : TimerKind.values()) {
            givenUp.put(kind, Counter.builder("childalert.timers.failed")
                    .description("Timers given up after their last attempt (marked FAILED)")
                    .tag("kind", kind.name())
                    .register(meters));
        }
        this.transactions = transactions;
        this.clock = clock;
        handlers.forEach(handler -> this.handlers.put(handler.kind(), handler));
        for (TimerKind kind : TimerKind.values()) {
            if (!this.handlers.containsKey(kind)) {
                throw new IllegalStateException("No handler for timers of kind " + kind);
            }
        }
        this.instance = applicationName + "-" + UUID.randomUUID();
        this.batchSize = batchSize;
    }

    @Scheduled(fixedDelayString = "${childalert.timers.poll-interval:5s}")
    void poll() {
        fireDue();
    }

    /** Fires due timers one by one (at most a batch per pass); returns how many fired. */
    int fireDue() {
        int fired = 0;
        while (fired < batchSize) {
            AtomicReference<DueTimer> claimed = new AtomicReference<>();
            try {
                Boolean any = transactions.execute(status -> fireOne(claimed));
                if (!Boolean.TRUE.equals(any)) {
                    return fired;
                }
                fired++;
            } catch (RuntimeException e) {
                if (claimed.get() == null) {
                    log.warn("Could not claim due timers, will retry: {}", e.toString());
                    return fired;
                }
                postpone(claimed.get(), e);
            }
        }
        return fired;
    }

    private boolean fireOne(AtomicReference<DueTimer> claimed) {
        Instant now = clock.instant();
        Optional<DueTimer> due = jdbc.sql("""
                update alert_timer set claimed_by = :instance, fired_at = :now, attempts = attempts + 1
                where id = (select id from alert_timer where fired_at is null and due_at <= :now
                            order by due_at, id limit 1 for update skip locked)
                returning id, alert_id, kind, detail, due_at
                """)
                .param("instance", instance)
                .param("now", Timestamp.from(now))
                .query((rs, row) -> new DueTimer(rs.getLong("id"), rs.getObject("alert_id", UUID.class),
                        TimerKind.valueOf(rs.getString("kind")), rs.getString("detail"),
                        rs.getTimestamp("due_at").toInstant()))
                .optional();
        if (due.isEmpty()) {
            return false;
        }
        DueTimer timer = due.get();
        claimed.set(timer);
        String outcome = handlers.get(timer.kind()).fire(timer);
        jdbc.sql("update alert_timer set outcome = :outcome where id = :id")
                .param("outcome", outcome)
                .param("id", timer.id())
                .update();
        log.info("Timer {} ({} of alert {}, due {}) fired: {}", timer.id(), timer.kind(), timer.alertId(),
                timer.dueAt(), outcome);
        return true;
    }

    /** The handler failed: try again later, a minute more each time, and give up after the last attempt. */
    private void postpone(DueTimer timer, RuntimeException failure) {
        log.warn("Timer {} ({} of alert {}) failed: {}", timer.id(), timer.kind(), timer.alertId(), failure.toString());
        Instant now = clock.instant();
        String outcome = transactions.execute(status -> jdbc.sql("""
                update alert_timer set attempts = attempts + 1, last_error = :error,
                    due_at = case when attempts + 1 >= :maxAttempts then due_at
                                  else cast(:now as timestamptz) + (attempts + 1) * interval '1 minute' end,
                    fired_at = case when attempts + 1 >= :maxAttempts then cast(:now as timestamptz) end,
                    outcome = case when attempts + 1 >= :maxAttempts then 'FAILED' end,
                    claimed_by = case when attempts + 1 >= :maxAttempts then :instance end
                where id = :id and fired_at is null
                returning coalesce(outcome, 'RETRY')
                """)
                .param("error", failure.toString())
                .param("maxAttempts", MAX_ATTEMPTS)
                .param("now", Timestamp.from(now))
                .param("instance", instance)
                .param("id", timer.id())
                .query(String.class)
                .optional()
                .orElse(null));
        if ("FAILED".equals(outcome)) {
            // nothing will try it again: an operator must (the health report lists it; an expiry is swept)
            log.error("Timer {} ({} of alert {}, due {}) given up after {} attempts, marked FAILED: {}", timer.id(),
                    timer.kind(), timer.alertId(), timer.dueAt(), MAX_ATTEMPTS, failure.toString());
            givenUp.get(timer.kind()).increment();
        }
    }
}
