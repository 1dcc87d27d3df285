package org.childalert.gateway.console.coordinator;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import org.childalert.gateway.console.ServiceClients;
import org.springframework.context.SmartLifecycle;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live part of a coordinator's alert page: for each open page, a server-sent event stream that pushes a
 * rendered HTML fragment (htmx swaps it in) whenever the alert's state (approved, rejected, ended), delivery counts,
 * per-recipient list or replies change.
 *
 * <p>Why the gateway reads notification-service every second rather than relaying its
 * {@code /report/stream}: the page needs the replies and the per-recipient list too, which that stream does
 * not carry, so a subscription would still need polling beside it; one short read per second per open page
 * is small next to what the services answer, survives a notification-service restart without reconnection
 * logic, and renders exactly what changed.
 *
 * <p>Bounded on every side: the work runs on a small shared scheduler (no thread waits for one browser); a
 * stream ends after {@link LiveUpdateProperties#maxDuration()} and before the access token it reads with
 * expires (the browser's EventSource reconnects, through the session check, with a fresh token); a browser
 * that went away is noticed by the container or by the next write (a comment at least every
 * {@link LiveUpdateProperties#heartbeat()}); at most {@link LiveUpdateProperties#maxStreams()} at once.
 *
 * <p>This class keeps the open streams and their scheduler, and opens and ends them; each stream's reads are
 * {@link AlertProgressReads}, its fragments {@link LiveFragments}, its ticks and end {@link LiveStream}.
 */
@Component
class LiveAlertUpdates implements SmartLifecycle {

    /** A stream stops this long before its access token expires, so that no read is refused halfway. */
    private static final Duration TOKEN_MARGIN = Duration.ofSeconds(15);
    /** The shortest stream worth opening: the session's token is refreshed when it has less than a minute. */
    private static final Duration SHORTEST = Duration.ofSeconds(5);
    /** How soon the browser reconnects after a stream ends. */
    private static final Duration RECONNECT = Duration.ofSeconds(1);

    private final ServiceClients services;
    private final LiveUpdateProperties properties;
    private final LiveFragments fragments;
    private final Clock clock;
    /** Made at start and shut down at stop: a context can be stopped and started again (tests pause them). */
    private volatile ScheduledThreadPoolExecutor scheduler;
    private final Set<LiveStream> open = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    LiveAlertUpdates(ServiceClients services, LiveUpdateProperties properties, LiveFragments fragments) {
        this.services = services;
        this.properties = properties;
        this.fragments = fragments;
        this.clock = Clock.systemUTC();
    }

    /**
     * Opens a stream for the alert, read with this access token (the session's, taken on the request thread)
     * and rendered in this language; empty when as many streams as allowed are open already.
     */
    Optional<SseEmitter> open(UUID alertId, OAuth2AccessToken accessToken, Locale locale) {
        if (!running || open.size() >= properties.maxStreams()) {
            return Optional.empty();
        }
        Duration lifetime = lifetimeFor(accessToken);
        // the container's own timeout only backs up the scheduled end
        SseEmitter emitter = new SseEmitter(lifetime.plusSeconds(30).toMillis());
        LiveStream stream = new LiveStream(alertId, new AlertProgressReads(alertId, services, accessToken),
                fragments, properties, clock, locale, emitter, open::remove);
        emitter.onCompletion(stream::close);
        emitter.onTimeout(stream::close);
        emitter.onError(error -> stream.close());
        open.add(stream);
        try {
            emitter.send(SseEmitter.event().reconnectTime(RECONNECT.toMillis()).comment("live updates of " + alertId));
        }
        catch (IOException | IllegalStateException gone) {
            stream.close();
            return Optional.of(emitter);
        }
        try {
            stream.start(scheduler, lifetime);
        }
        catch (RejectedExecutionException stopping) {
            stream.finish();
            return Optional.empty();
        }
        return Optional.of(emitter);
    }

    /** How many pages are live now on this instance. */
    int openStreams() {
        return open.size();
    }

    private Duration lifetimeFor(OAuth2AccessToken accessToken) {
        if (accessToken.getExpiresAt() == null) {
            return properties.maxDuration();
        }
        Duration tokenLeft = Duration.between(clock.instant(), accessToken.getExpiresAt()).minus(TOKEN_MARGIN);
        if (tokenLeft.compareTo(SHORTEST) < 0) {
            tokenLeft = SHORTEST;
        }
        return tokenLeft.compareTo(properties.maxDuration()) < 0 ? tokenLeft : properties.maxDuration();
    }

    @Override
    public void start() {
        ScheduledThreadPoolExecutor threads = new ScheduledThreadPoolExecutor(properties.threads(), namedDaemonThreads());
        threads.setRemoveOnCancelPolicy(true);
        scheduler = threads;
        running = true;
    }

    /** Ends every stream before the web server's graceful shutdown, which would otherwise wait for them. */
    @Override
    public void stop() {
        running = false;
        finishAll();
        ScheduledThreadPoolExecutor threads = scheduler;
        if (threads != null) {
            threads.shutdownNow();
        }
    }

    /** Ends every open stream now; the browsers reconnect. */
    void finishAll() {
        open.forEach(LiveStream::finish);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static ThreadFactory namedDaemonThreads() {
        AtomicInteger number = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "console-live-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
