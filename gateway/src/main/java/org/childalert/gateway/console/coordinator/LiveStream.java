package org.childalert.gateway.console.coordinator;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.childalert.gateway.console.ServiceProblem;
import org.childalert.gateway.console.coordinator.AlertProgressReads.ServiceUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import static org.childalert.gateway.console.coordinator.LiveFragments.BADGE;
import static org.childalert.gateway.console.coordinator.LiveFragments.COUNTS;
import static org.childalert.gateway.console.coordinator.LiveFragments.RECIPIENTS;
import static org.childalert.gateway.console.coordinator.LiveFragments.REPLIES;
import static org.childalert.gateway.console.coordinator.LiveFragments.STATUS;
import static org.childalert.gateway.console.coordinator.LiveFragments.SUMMARY;

/**
 * One open alert page's subscription: its scheduled reads and end, what it was last sent (only what changed is
 * pushed again), the heartbeat, and how it ends, from our side ({@link #finish}) or the browser's ({@link #close}).
 */
final class LiveStream {

    private static final Logger log = LoggerFactory.getLogger(LiveStream.class);

    private final UUID alertId;
    private final AlertProgressReads reads;
    private final LiveFragments fragments;
    private final LiveUpdateProperties properties;
    private final Clock clock;
    private final Locale locale;
    private final SseEmitter emitter;
    /** Told once the stream is closed, so that the registry forgets it. */
    private final Consumer<LiveStream> onClose;
    /** Written only by this stream's ticks, which never overlap (fixed delay). */
    private final Map<String, String> lastSent = new HashMap<>();
    /** False once notification-service refused this user the replies: the page has no place for them. */
    private boolean repliesShown = true;
    private volatile boolean closed;
    private volatile ScheduledFuture<?> ticks;
    private volatile ScheduledFuture<?> end;
    private Instant lastWrite;

    LiveStream(UUID alertId, AlertProgressReads reads, LiveFragments fragments, LiveUpdateProperties properties,
               Clock clock, Locale locale, SseEmitter emitter, Consumer<LiveStream> onClose) {
        this.alertId = alertId;
        this.reads = reads;
        this.fragments = fragments;
        this.properties = properties;
        this.clock = clock;
        this.locale = locale;
        this.emitter = emitter;
        this.onClose = onClose;
        this.lastWrite = clock.instant();
        this.lastSent.put(STATUS, ""); // the page starts without a note
    }

    /** Reads now and then every interval, and ends the stream after its lifetime. */
    void start(ScheduledExecutorService threads, Duration lifetime) {
        ticks = threads.scheduleWithFixedDelay(this::tick, 0, properties.interval().toMillis(),
                TimeUnit.MILLISECONDS);
        end = threads.schedule(this::finish, lifetime.toMillis(), TimeUnit.MILLISECONDS);
        if (closed) {
            cancelSchedules();
        }
    }

    /** Reads the alert's state and pushes each fragment that differs from what this page was last sent. */
    void tick() {
        if (closed) {
            return;
        }
        LocaleContextHolder.setLocale(locale);
        try {
            Optional<String> state = reads.alertState();
            if (state.isPresent()) {
                push(BADGE, Map.of("status", state.get()));
            }
            AlertReport report = reads.report();
            boolean progressChanged = push(SUMMARY, Map.of("report", report))
                    | push(COUNTS, Map.of("report", report));
            if (progressChanged || !lastSent.containsKey(RECIPIENTS)) {
                push(RECIPIENTS, Map.of("deliveries", reads.deliveries()));
            }
            if (repliesShown) {
                Optional<AlertReplies> replies = reads.replies();
                repliesShown = replies.isPresent();
                if (repliesShown) {
                    push(REPLIES, Map.of("replies", replies.get()));
                }
            }
            push(STATUS, Map.of("unreachable", false));
            keepAlive();
        }
        catch (ResourceAccessException | ServiceUnavailable unreachable) {
            sayUnreachable();
        }
        catch (ServiceProblem refused) {
            // 401/403: the user may no longer read this alert; the browser's reconnection meets the
            // session check again. Anything else is the service's trouble: say so and keep trying.
            if (refused.status() == 401 || refused.status() == 403) {
                finish();
            }
            else {
                sayUnreachable();
            }
        }
        catch (IOException | IllegalStateException browserGone) {
            close();
        }
        catch (RuntimeException unexpected) {
            log.warn("Live updates of alert {} stopped", alertId, unexpected);
            finish();
        }
        finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }

    private void sayUnreachable() {
        try {
            push(STATUS, Map.of("unreachable", true));
            keepAlive();
        }
        catch (IOException | IllegalStateException browserGone) {
            close();
        }
    }

    private boolean push(String fragment, Map<String, Object> variables) throws IOException {
        String html = fragments.render(fragment, alertId, locale, variables);
        if (html.equals(lastSent.get(fragment))) {
            return false;
        }
        emitter.send(SseEmitter.event().name(fragment).data(html));
        lastSent.put(fragment, html);
        lastWrite = clock.instant();
        return true;
    }

    private void keepAlive() throws IOException {
        Instant now = clock.instant();
        if (Duration.between(lastWrite, now).compareTo(properties.heartbeat()) >= 0) {
            emitter.send(SseEmitter.event().comment("still here"));
            lastWrite = now;
        }
    }

    /** Ends the stream from our side (its time is up, or the server stops). */
    void finish() {
        close();
        try {
            emitter.complete();
        }
        catch (RuntimeException alreadyComplete) {
            // the browser went away first
        }
    }

    /** Forgets the stream: no more reads for it. Called once the response is complete, whoever ended it. */
    void close() {
        closed = true;
        onClose.accept(this);
        cancelSchedules();
    }

    private void cancelSchedules() {
        ScheduledFuture<?> ticking = ticks;
        ScheduledFuture<?> ending = end;
        if (ticking != null) {
            ticking.cancel(false);
        }
        if (ending != null) {
            ending.cancel(false);
        }
    }
}
