package org.childalert.notifications.observability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.childalert.events.DeliveryChannel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What an operator watches of the queues of notification-service, read from PostgreSQL (so every instance reports
 * the same and a restart forgets nothing):
 * <ul>
 *   <li>{@code childalert_deliveries_pending{channel}}: deliveries PENDING or SENDING, queued and not yet handed to
 *   the provider;</li>
 *   <li>{@code childalert_deliveries_oldest_pending_age_seconds{channel}}: how long the oldest of them has waited
 *   since it was queued (0 when none);</li>
 *   <li>{@code childalert_fanout_jobs_unfinished}: fan-out jobs PENDING or RUNNING;</li>
 *   <li>{@code childalert_fanout_oldest_job_age_seconds}: how long the oldest of them has run (0 when none). How
 *   many recipients a job has still to queue is not known: the resolver streams them.</li>
 * </ul>
 * Two queries on the partial indexes ({@code delivery_due_per_channel}, {@code delivery_sending},
 * {@code fanout_job_open}), made at most once per {@link #MAX_AGE} whoever scrapes and however often: the gauges
 * read the last snapshot.
 */
@Component
public class QueueMetrics implements MeterBinder {

    static final Duration MAX_AGE = Duration.ofSeconds(5);

    /** One reading of the queues. */
    record Snapshot(Instant at, Map<DeliveryChannel, Long> pending, Map<DeliveryChannel, Double> oldestPendingSeconds,
                    long unfinishedFanOuts, double oldestFanOutSeconds) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private Snapshot snapshot;

    @Autowired
    QueueMetrics(JdbcClient jdbc) {
        this(jdbc, Clock.systemUTC());
    }

    QueueMetrics(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (DeliveryChannel channel : DeliveryChannel.values()) {
            Gauge.builder("childalert.deliveries.pending", this, metrics -> metrics.snapshot().pending().get(channel))
                    .description("Deliveries PENDING or SENDING: queued and not yet handed to the provider")
                    .tag("channel", channel.name())
                    .register(registry);
            Gauge.builder("childalert.deliveries.oldest.pending.age", this,
                            metrics -> metrics.snapshot().oldestPendingSeconds().get(channel))
                    .description("How long the oldest delivery PENDING or SENDING has waited since it was queued")
                    .baseUnit("seconds")
                    .tag("channel", channel.name())
                    .register(registry);
        }
        Gauge.builder("childalert.fanout.jobs.unfinished", this, metrics -> metrics.snapshot().unfinishedFanOuts())
                .description("Fan-out jobs PENDING or RUNNING: recipients of an alert still being resolved and queued")
                .register(registry);
        Gauge.builder("childalert.fanout.oldest.job.age", this, metrics -> metrics.snapshot().oldestFanOutSeconds())
                .description("How long the oldest unfinished fan-out job has existed")
                .baseUnit("seconds")
                .register(registry);
    }

    /** The last reading, or a new one when it is older than {@link #MAX_AGE}. */
    synchronized Snapshot snapshot() {
        Instant now = clock.instant();
        if (snapshot == null || !snapshot.at().plus(MAX_AGE).isAfter(now)) {
            snapshot = read(now);
        }
        return snapshot;
    }

    private Snapshot read(Instant now) {
        Map<DeliveryChannel, Long> pending = new EnumMap<>(DeliveryChannel.class);
        Map<DeliveryChannel, Double> oldest = new EnumMap<>(DeliveryChannel.class);
        for (DeliveryChannel channel : DeliveryChannel.values()) {
            pending.put(channel, 0L);
            oldest.put(channel, 0.0);
        }
        jdbc.sql("""
                select channel, count(*) as waiting, extract(epoch from now() - min(created_at)) as oldest from (
                    select channel, created_at from delivery where state = 'PENDING'
                    union all
                    select channel, created_at from delivery where state = 'SENDING') queued
                group by channel
                """)
                .query((rs, n) -> {
                    DeliveryChannel channel = DeliveryChannel.valueOf(rs.getString("channel"));
                    pending.put(channel, rs.getLong("waiting"));
                    oldest.put(channel, Math.max(0, rs.getDouble("oldest")));
                    return channel;
                })
                .list();
        double[] fanOuts = jdbc.sql("""
                select count(*), coalesce(extract(epoch from now() - min(created_at)), 0) from fanout_job
                where state in ('PENDING', 'RUNNING')
                """)
                .query((rs, n) -> new double[] {rs.getLong(1), Math.max(0, rs.getDouble(2))})
                .single();
        return new Snapshot(now, pending, oldest, (long) fanOuts[0], fanOuts[1]);
    }
}
