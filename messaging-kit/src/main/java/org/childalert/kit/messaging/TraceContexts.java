package org.childalert.kit.messaging;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * Carries a trace across the outbox table: the W3C {@code traceparent} of the span that recorded an event is
 * stored with its row ({@link Outbox}), and the relay publishes the row in a span that is that span's child
 * ({@link OutboxRelay}), with the child's {@code traceparent} in the message headers. Whoever consumes the message
 * continues the same trace, although the relay published it later, from another thread, maybe after a restart.
 *
 * <p>Without a tracer (a service without Micrometer Tracing, or tracing turned off) every method does nothing:
 * no trace context is stored and no header is added.
 */
public final class TraceContexts {

    /** The W3C Trace Context header, and what the outbox keeps of a trace. */
    public static final String TRACEPARENT = "traceparent";
    static final String EVENT_TYPE_TAG = "childalert.event_type";

    private final Tracer tracer;
    private final Propagator propagator;
    private final TracingProperties settings;

    TraceContexts(Tracer tracer, Propagator propagator, TracingProperties settings) {
        this.tracer = tracer;
        this.propagator = propagator;
        this.settings = settings;
    }

    /**
     * The {@code traceparent} of the span current in this thread, or null when there is none: what a service stores
     * with work it hands to another thread through a table (as the outbox does), to continue the trace there.
     */
    public String currentTraceparent() {
        Span current = tracer.currentSpan();
        return current == null ? null : headersOf(current).get(TRACEPARENT);
    }

    /**
     * Starts the span that publishes an outbox row: a child of the trace the row was recorded in, or a trace of its
     * own for a row recorded outside any (a timer, a row older than tracing).
     */
    Span startPublication(String traceparent, String typeName, UUID subjectId) {
        Span publication = startContinuing(traceparent, "publish " + typeName, Span.Kind.PRODUCER);
        publication.tag(EVENT_TYPE_TAG, typeName);
        publication.tag(settings.subjectTagOf(typeName), String.valueOf(subjectId));
        return publication;
    }

    /**
     * Starts a span that continues a stored {@code traceparent} (null: a trace of its own), e.g. a delivery worker
     * sending what an event handler recorded. End it; make it current with {@link #inScope}.
     */
    public Span startContinuing(String traceparent, String name, Span.Kind kind) {
        Span.Builder builder = traceparent == null
                ? tracer.spanBuilder().setNoParent()
                : propagator.extract(Map.of(TRACEPARENT, traceparent), Map::get);
        return builder.name(name).kind(kind).start();
    }

    public Tracer.SpanInScope inScope(Span span) {
        return tracer.withSpan(span);
    }

    /** The trace headers ({@code traceparent}, maybe {@code tracestate}) that continue the span elsewhere. */
    Map<String, String> headersOf(Span span) {
        Map<String, String> headers = new HashMap<>();
        propagator.inject(span.context(), headers, Map::put);
        return headers;
    }

    /** Names the event's type and subject on the span that handles it (the binder's receive span). */
    void tagCurrentSpan(EventFacts facts) {
        Span current = tracer.currentSpan();
        if (current != null) {
            current.tag(EVENT_TYPE_TAG, facts.typeName());
            current.tag(settings.subjectTagOf(facts.typeName()), String.valueOf(facts.subjectId()));
        }
    }
}
