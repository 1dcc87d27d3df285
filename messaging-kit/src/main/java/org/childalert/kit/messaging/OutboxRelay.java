package org.childalert.kit.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.support.AmqpHeaders;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes recorded events to RabbitMQ, oldest first, through the output binding
 * {@code childalert.outbox.binding}, and marks them published only once the broker has confirmed them (publisher
 * confirms) and routed them to at least one queue (mandatory publishing). The confirmed events of a batch are
 * marked published in one statement: one by one, the relay fell minutes behind a 100,000-recipient alert.
 *
 * <p>It runs right after a transaction that recorded events commits, and every {@code childalert.outbox.poll-interval}
 * as a safety net (broker back after an outage, service restarted). Rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so several instances of a service can relay side by side without publishing an
 * event twice. Delivery to consumers is at least once; consumers de-duplicate by event id ({@link InboundEvents}).
 */
public final class OutboxRelay implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** The failure that is the event's own and comes back on every pass: no queue takes its type. */
    private static final String UNROUTABLE = "unroutable: ";

    private final JdbcClient jdbc;
    private final StreamBridge streamBridge;
    private final TransactionTemplate transactions;
    private final String binding;
    private final String source;
    private final int batchSize;
    private final Duration confirmTimeout;
    private final int parkAfterAttempts;
    private final Set<String> unsubscribedTypes;
    /** Leaves parked events out of the claim; nothing for a service that does not park (no such column). */
    private final String notParked;
    private final TraceContexts traces;
    private final ReentrantLock publishing = new ReentrantLock();
    private final ExecutorService trigger = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "outbox-relay");
        thread.setDaemon(true);
        return thread;
    });

    OutboxRelay(JdbcClient jdbc, StreamBridge streamBridge, TransactionTemplate transactions, String source,
                MessagingProperties.Outbox settings, TraceContexts traces) {
        this.jdbc = jdbc;
        this.traces = traces;
        this.streamBridge = streamBridge;
        this.transactions = transactions;
        this.binding = settings.binding();
        this.source = source;
        this.batchSize = settings.batchSize();
        this.confirmTimeout = settings.confirmTimeout();
        this.parkAfterAttempts = settings.parkAfterAttempts();
        this.unsubscribedTypes = settings.unsubscribedTypes();
        this.notParked = settings.parks() ? "and parked_at is null" : "";
    }

    /** Asks for a publication pass without making the caller wait for the broker. */
    public void publishSoon() {
        trigger.execute(this::publishPending);
    }

    /** Publishes everything pending; returns how many events were confirmed. */
    public int publishPending() {
        if (!publishing.tryLock()) {
            return 0;
        }
        try {
            int total = 0;
            int published;
            do {
                Integer batch = transactions.execute(status -> publishBatch());
                published = batch == null ? 0 : batch;
                total += published;
            } while (published == batchSize);
            return total;
        } catch (RuntimeException e) {
            log.warn("Outbox relay pass failed, will retry: {}", e.toString());
            return 0;
        } finally {
            publishing.unlock();
        }
    }

    private int publishBatch() {
        List<PendingEvent> pending = jdbc.sql("""
                select event_id, type_name, subject_id, payload::text as payload, occurred_at, traceparent
                from outbox_event
                where published_at is null %s
                order by recorded_at, event_id
                limit :limit
                for update skip locked
                """.formatted(notParked))
                .param("limit", batchSize)
                .query((rs, n) -> new PendingEvent(rs.getObject("event_id", UUID.class), rs.getString("type_name"),
                        rs.getObject("subject_id", UUID.class), rs.getString("payload"),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getString("traceparent")))
                .list();
        if (pending.isEmpty()) {
            return 0;
        }
        List<InFlight> inFlight = new ArrayList<>();
        for (PendingEvent event : pending) {
            CorrelationData correlation = new CorrelationData(event.eventId().toString());
            // a child of the span that recorded the event, current while the binder sends (its own send span,
            // if observation is on, is a child of this one and writes its traceparent over ours)
            Span publication = traces.startPublication(event.traceparent(), event.typeName(), event.subjectId());
            try (Tracer.SpanInScope scope = traces.inScope(publication)) {
                streamBridge.send(binding, toMessage(event, correlation, traces.headersOf(publication)));
                inFlight.add(new InFlight(event, correlation));
            } catch (RuntimeException e) {
                publication.error(e);
                recordFailure(event, e.toString());
                break; // keep the order: do not publish later events before this one
            } finally {
                publication.end();
            }
        }
        List<UUID> confirmed = new ArrayList<>(inFlight.size());
        for (InFlight sent : inFlight) {
            String failure = awaitConfirm(sent.correlation());
            if (failure == null || deliveredToNobodyByDesign(sent.event(), failure)) {
                confirmed.add(sent.event().eventId());
            } else {
                recordFailure(sent.event(), failure);
            }
        }
        if (!confirmed.isEmpty()) {
            jdbc.sql("update outbox_event set published_at = now(), attempts = attempts + 1 where event_id in (:ids)")
                    .param("ids", confirmed)
                    .update();
        }
        if (confirmed.size() < pending.size()) {
            log.warn("Outbox relay published {} of {} pending events; the rest will be retried",
                    confirmed.size(), pending.size());
        }
        return confirmed.size();
    }

    /** An event of a type no consumer binds today, which the broker routed to no queue: that is its delivery. */
    private boolean deliveredToNobodyByDesign(PendingEvent event, String failure) {
        return failure.startsWith(UNROUTABLE) && unsubscribedTypes.contains(event.typeName());
    }

    private String awaitConfirm(CorrelationData correlation) {
        try {
            CorrelationData.Confirm confirm = correlation.getFuture().get(confirmTimeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!confirm.ack()) {
                return "nacked by broker: " + confirm.reason();
            }
            if (correlation.getReturned() != null) {
                return UNROUTABLE + "no queue bound for " + correlation.getReturned().getRoutingKey();
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while waiting for the broker's confirm";
        } catch (Exception e) {
            return "no confirm from broker: " + e;
        }
    }

    /**
     * Counts a failed attempt. An event no queue takes is parked once it has had {@code park-after-attempts}
     * attempts: it would otherwise come back at the head of every pass and, with a batch of them, hold every newer
     * event back. A broker that is down, nacks or does not confirm in time is no fault of the event: never parked.
     */
    private void recordFailure(PendingEvent event, String error) {
        if (parkAfterAttempts == 0 || !error.startsWith(UNROUTABLE)) {
            jdbc.sql("update outbox_event set attempts = attempts + 1, last_error = :error where event_id = :id")
                    .param("error", error)
                    .param("id", event.eventId())
                    .update();
            return;
        }
        boolean parked = jdbc.sql("""
                update outbox_event
                set attempts = attempts + 1, last_error = :error,
                    parked_at = case when attempts + 1 >= :parkAfter then now() end
                where event_id = :id
                returning parked_at is not null
                """)
                .param("error", error)
                .param("parkAfter", parkAfterAttempts)
                .param("id", event.eventId())
                .query(Boolean.class)
                .single();
        if (parked) {
            log.error("Outbox event {} ({}) parked after {} attempts, the last {}; it is no longer published. "
                            + "Once its cause is fixed, set parked_at to null to publish it again",
                    event.eventId(), event.typeName(), parkAfterAttempts, error);
        }
    }

    /**
     * The one place an outbox row becomes a message: its CloudEvents headers. What {@link Outbox} stored with the
     * row beyond the event (a trace context such as {@code traceparent}) is selected in {@link #publishBatch} and
     * restored as a header here: the trace headers of the publication span, a child of the recorded one.
     */
    private Message<byte[]> toMessage(PendingEvent event, CorrelationData correlation, Map<String, String> traceHeaders) {
        return MessageBuilder.withPayload(event.payload().getBytes(StandardCharsets.UTF_8))
                .copyHeaders(traceHeaders)
                .setHeader(MessageHeaders.CONTENT_TYPE, "application/json")
                .setHeader(CloudEventHeaders.SPEC_VERSION, "1.0")
                .setHeader(CloudEventHeaders.ID, event.eventId().toString())
                .setHeader(CloudEventHeaders.TYPE, event.typeName())
                .setHeader(CloudEventHeaders.SOURCE, source)
                .setHeader(CloudEventHeaders.TIME, event.occurredAt().toString())
                .setHeader(CloudEventHeaders.SUBJECT, event.subjectId().toString())
                .setHeader(AmqpHeaders.MESSAGE_ID, event.eventId().toString())
                .setHeader(AmqpHeaders.PUBLISH_CONFIRM_CORRELATION, correlation)
                .build();
    }

    @Override
    public void destroy() {
        trigger.shutdownNow();
    }

    private record PendingEvent(UUID eventId, String typeName, UUID subjectId, String payload, Instant occurredAt,
                                String traceparent) {
    }

    private record InFlight(PendingEvent event, CorrelationData correlation) {
    }
}
