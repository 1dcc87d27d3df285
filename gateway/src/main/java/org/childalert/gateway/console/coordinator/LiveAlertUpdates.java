package org.childalert.gateway.console.coordinator;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.childalert.gateway.console.ServiceClients;
import org.childalert.gateway.console.ServiceProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.convert.ConversionService;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

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
 */
@Component
class LiveAlertUpdates implements SmartLifecycle {

    /** The names of the events, and of the fragments of {@code coordinator/live.html} they carry. */
    static final String SUMMARY = "summary";
    static final String COUNTS = "counts";
    static final String RECIPIENTS = "recipients";
    static final String REPLIES = "replies";
    static final String STATUS = "status";
    /** The alert's own state (waiting, active, rejected, ended), read from alert-service. */
    static final String BADGE = "badge";

    private static final String TEMPLATE = "coordinator/live";
    /** A stream stops this long before its access token expires, so that no read is refused halfway. */
    private static final Duration TOKEN_MARGIN = Duration.ofSeconds(15);
    /** The shortest stream worth opening: the session's token is refreshed when it has less than a minute. */
    private static final Duration SHORTEST = Duration.ofSeconds(5);
    /** How soon the browser reconnects after a stream ends. */
    private static final Duration RECONNECT = Duration.ofSeconds(1);
    private static final Pattern LINE_BREAKS = Pattern.compile("\\s*\\R\\s*");
    private static final Logger log = LoggerFactory.getLogger(LiveAlertUpdates.class);

    private final ServiceClients services;
    private final LiveUpdateProperties properties;
    private final ITemplateEngine templates;
    private final ThymeleafEvaluationContext beans;
    private final Clock clock;
    /** Made at start and shut down at stop: a context can be stopped and started again (tests pause them). */
    private volatile ScheduledThreadPoolExecutor scheduler;
    private final Set<LiveStream> open = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    LiveAlertUpdates(ServiceClients services, LiveUpdateProperties properties, ITemplateEngine templates,
                     ApplicationContext application,
                     @Qualifier("mvcConversionService") ConversionService conversions) {
        this.services = services;
        this.properties = properties;
        this.templates = templates;
        this.beans = new ThymeleafEvaluationContext(application, conversions);
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
        LiveStream stream = new LiveStream(alertId, services.notificationsWith(accessToken),
                services.alertsWith(accessToken), locale, emitter);
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
            stream.start(lifetime);
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

    /** One open page: what it was last sent, and the scheduled reads. */
    private final class LiveStream {

        private final UUID alertId;
        private final RestClient notifications;
        private final RestClient alerts;
        private final Locale locale;
        private final SseEmitter emitter;
        /** Written only by this stream's ticks, which never overlap (fixed delay). */
        private final Map<String, String> lastSent = new HashMap<>();
        /** False once notification-service refused this user the replies: the page has no place for them. */
        private boolean repliesShown = true;
        private volatile boolean closed;
        private volatile ScheduledFuture<?> ticks;
        private volatile ScheduledFuture<?> end;
        private Instant lastWrite;

        LiveStream(UUID alertId, RestClient notifications, RestClient alerts, Locale locale, SseEmitter emitter) {
            this.alertId = alertId;
            this.notifications = notifications;
            this.alerts = alerts;
            this.locale = locale;
            this.emitter = emitter;
            this.lastWrite = clock.instant();
            this.lastSent.put(STATUS, ""); // the page starts without a note
        }

        void start(Duration lifetime) {
            ScheduledThreadPoolExecutor threads = scheduler;
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
                Optional<String> state = alertState();
                if (state.isPresent()) {
                    push(BADGE, Map.of("status", state.get()));
                }
                AlertReport report = report();
                boolean progressChanged = push(SUMMARY, Map.of("report", report))
                        | push(COUNTS, Map.of("report", report));
                if (progressChanged || !lastSent.containsKey(RECIPIENTS)) {
                    push(RECIPIENTS, Map.of("deliveries", deliveries()));
                }
                if (repliesShown) {
                    Optional<AlertReplies> replies = replies();
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
            String html = render(fragment, variables);
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

        /** The fragment in one line: an event's data may not hold line breaks, and HTML does not need them. */
        private String render(String fragment, Map<String, Object> variables) {
            Context context = new Context(locale, variables);
            context.setVariable("alertId", alertId);
            context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME, beans);
            return LINE_BREAKS.matcher(templates.process(TEMPLATE, Set.of(fragment), context)).replaceAll(" ").strip();
        }

        /**
         * The alert's state as alert-service has it now; empty when it cannot say (the badge then keeps what it
         * shows, and the deliveries go on updating).
         */
        private Optional<String> alertState() {
            try {
                AlertDetails alert = alerts.get().uri("/api/alerts/{id}", alertId).retrieve().body(AlertDetails.class);
                return Optional.ofNullable(alert).map(AlertDetails::status);
            }
            catch (ServiceProblem | ResourceAccessException unavailable) {
                return Optional.empty();
            }
        }

        private AlertReport report() {
            return readOr(() -> notifications.get().uri("/api/alerts/{id}/report", alertId).retrieve()
                    .body(AlertReport.class), AlertReport.noneYet(alertId));
        }

        private DeliveryReport deliveries() {
            return readOr(() -> notifications.get().uri("/api/alerts/{id}/deliveries", alertId).retrieve()
                    .body(DeliveryReport.class), DeliveryReport.noneYet(alertId));
        }

        /** Empty when notification-service does not show this user the replies (403): stop asking then. */
        private Optional<AlertReplies> replies() {
            try {
                return Optional.of(readOr(() -> notifications.get().uri("/api/alerts/{id}/replies", alertId)
                        .retrieve().body(AlertReplies.class), AlertReplies.noneYet(alertId)));
            }
            catch (ServiceProblem problem) {
                if (problem.status() == 403) {
                    return Optional.empty();
                }
                throw problem;
            }
        }

        /** notification-service knows an alert only once police approved it: a 404 means "nothing yet". */
        private <T> T readOr(Supplier<T> read, T nothingYet) {
            try {
                T answer = read.get();
                return answer == null ? nothingYet : answer;
            }
            catch (ServiceProblem problem) {
                if (problem.isNotFound()) {
                    return nothingYet;
                }
                if (problem.status() == 502 || problem.status() == 503 || problem.status() == 504) {
                    throw new ServiceUnavailable();
                }
                throw problem;
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
            open.remove(this);
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

    /** notification-service answered that it cannot serve now (502/503/504). */
    private static final class ServiceUnavailable extends RuntimeException {
        ServiceUnavailable() {
            super(null, null, false, false);
        }
    }
}
