package org.childalert.notifications.reports;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.childalert.notifications.web.TooManyRequestsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live reports as server-sent events: an event named {@code report} with the {@link AlertReport} at once, then
 * again whenever its figures change (checked every {@code checkInterval}), a comment as heartbeat when nothing was
 * sent for {@code heartbeatInterval}. A stream ends by itself once the alert has ended and none of its messages is
 * pending or being sent any more, or after {@code maxDuration}. All streams share two scheduler threads: a
 * stream costs a query per check, not a thread.
 */
@Component
class AlertReportStreams implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AlertReportStreams.class);

    private final AlertReports reports;
    private final ReportStreamProperties properties;
    private final AtomicInteger open = new AtomicInteger();
    private final ScheduledExecutorService checks = Executors.newScheduledThreadPool(2, r -> {
        Thread thread = new Thread(r, "report-streams");
        thread.setDaemon(true);
        return thread;
    });

    AlertReportStreams(AlertReports reports, ReportStreamProperties properties) {
        this.reports = reports;
        this.properties = properties;
    }

    /** Starts the stream with the first report; the caller has checked the alert exists. */
    SseEmitter open(UUID alertId, AlertReport first) {
        if (open.incrementAndGet() > properties.maxStreams()) {
            open.decrementAndGet();
            throw new TooManyRequestsException("This instance already serves " + properties.maxStreams()
                    + " live reports; poll GET /api/alerts/" + alertId + "/report instead", Duration.ofSeconds(30));
        }
        // the emitter's own timeout a little later than ours, so that ours ends the stream cleanly
        SseEmitter emitter = new SseEmitter(properties.maxDuration().plusSeconds(5).toMillis());
        Stream stream = new Stream(alertId, emitter, first);
        emitter.onCompletion(stream::stop);
        emitter.onTimeout(stream::stop);
        emitter.onError(error -> stream.stop());
        try {
            stream.send(first);
        } catch (IOException e) {
            stream.stop();
            return emitter;
        }
        long every = properties.checkInterval().toMillis();
        stream.schedule(checks.scheduleWithFixedDelay(stream::check, every, every, TimeUnit.MILLISECONDS));
        return emitter;
    }

    private final class Stream {

        private final UUID alertId;
        private final SseEmitter emitter;
        private final long endNanos;
        private final AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
        private AlertReport last;
        private long lastSentNanos;
        private boolean stopped;

        Stream(UUID alertId, SseEmitter emitter, AlertReport first) {
            this.alertId = alertId;
            this.emitter = emitter;
            this.last = first;
            this.endNanos = System.nanoTime() + properties.maxDuration().toNanos();
        }

        void schedule(ScheduledFuture<?> future) {
            task.set(future);
            if (isStopped()) {
                future.cancel(false);
            }
        }

        synchronized void send(AlertReport report) throws IOException {
            emitter.send(SseEmitter.event().name("report").data(report, MediaType.APPLICATION_JSON));
            last = report;
            lastSentNanos = System.nanoTime();
        }

        synchronized void check() {
            if (stopped) {
                return;
            }
            try {
                AlertReport now = reports.of(alertId).orElse(null);
                if (now == null) {
                    emitter.complete(); // the alert's data was removed meanwhile
                    return;
                }
                if (!now.sameFiguresAs(last)) {
                    send(now);
                } else if (System.nanoTime() - lastSentNanos >= properties.heartbeatInterval().toNanos()) {
                    emitter.send(SseEmitter.event().comment("heartbeat"));
                    lastSentNanos = System.nanoTime();
                }
                boolean settled = now.unsettled() == 0 && reports.hasEnded(alertId).orElse(true);
                if (settled || System.nanoTime() - endNanos >= 0) {
                    emitter.complete();
                }
            } catch (IOException | IllegalStateException e) {
                // the client went away (or the emitter completed meanwhile)
                emitter.completeWithError(e);
                stop();
            } catch (RuntimeException e) {
                // the database is unreachable for now: keep the stream, try again at the next check
                log.warn("Live report of alert {} not computed: {}", alertId, e.toString());
            }
        }

        synchronized boolean isStopped() {
            return stopped;
        }

        synchronized void stop() {
            if (!stopped) {
                stopped = true;
                open.decrementAndGet();
                ScheduledFuture<?> future = task.get();
                if (future != null) {
                    future.cancel(false);
                }
            }
        }
    }

    @Override
    public void destroy() {
        checks.shutdownNow();
    }
}
