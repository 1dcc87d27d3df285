package org.childalert.twiliofake;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * A WireMock extension for the local Twilio fake: after the fake created a message (HTTP 201 to a POST on
 * {@code /2010-04-01/Accounts/{AccountSid}/Messages.json}), it POSTs the status callbacks Twilio would to the
 * request's {@code StatusCallback}, in order, each signed with {@code X-Twilio-Signature} as Twilio signs it:
 * <ul>
 * <li>delivered: {@code queued}, {@code sent}, {@code delivered};</li>
 * <li>undelivered (a share {@code TWILIO_FAKE_UNDELIVERED_PERCENT}, and always {@code To=+32499030003} or
 * {@code +32499030005}): {@code queued}, {@code sent}, {@code undelivered} with {@code ErrorCode} 30003 or 30005;</li>
 * <li>failed (a share {@code TWILIO_FAKE_FAILED_PERCENT}, and always {@code To=+32499030008}): {@code queued},
 * {@code failed} with {@code ErrorCode} 30008.</li>
 * </ul>
 * Settings: {@link CallbackSettings#fromEnvironment}. A message without {@code StatusCallback} gets none, as at
 * Twilio; a callback the receiver refuses or cannot take is logged and not retried (Twilio does not retry them either).
 */
public final class StatusCallbacks implements ServeEventListener {

    static final String ALWAYS_UNDELIVERED_30003 = "+32499030003";
    static final String ALWAYS_UNDELIVERED_30005 = "+32499030005";
    static final String ALWAYS_FAILED_30008 = "+32499030008";

    private static final Pattern MESSAGES_PATH = Pattern.compile("^/2010-04-01/Accounts/(AC[0-9a-fA-F]{32})/Messages\\.json$");
    private static final Pattern SID = Pattern.compile("\"sid\"\\s*:\\s*\"(SM[0-9a-fA-F]{32})\"");
    private static final DateTimeFormatter RAW_DLR_DONE_DATE = DateTimeFormatter.ofPattern("yyMMddHHmm");

    private final CallbackSettings settings;
    private final Random draws;
    private final HttpClient http;
    private final ScheduledExecutorService scheduler;

    /** What WireMock instantiates ({@code --extensions org.childalert.twiliofake.StatusCallbacks}). */
    public StatusCallbacks() {
        this(CallbackSettings.fromEnvironment(System.getenv()));
    }

    public StatusCallbacks(CallbackSettings settings) {
        this.settings = settings;
        this.draws = settings.seed() == null ? new Random() : new Random(settings.seed());
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        this.scheduler = Executors.newScheduledThreadPool(4, task -> {
            Thread thread = new Thread(task, "twilio-fake-status-callbacks");
            thread.setDaemon(true);
            return thread;
        });
        log("status callbacks on: %s after %d ms, %s after %d ms, final after %d ms; undelivered %d%%, failed %d%%%s",
                "queued", settings.queuedAfter().toMillis(), "sent", settings.sentAfter().toMillis(),
                settings.finalAfter().toMillis(), settings.undeliveredPercent(), settings.failedPercent(),
                settings.seed() == null ? "" : ", seed " + settings.seed());
    }

    @Override
    public String getName() {
        return "twilio-status-callbacks";
    }

    @Override
    public void afterComplete(ServeEvent serveEvent, Parameters parameters) {
        LoggedRequest request = serveEvent.getRequest();
        if (serveEvent.getResponse() == null || serveEvent.getResponse().getStatus() != 201
                || !RequestMethod.POST.equals(request.getMethod())) {
            return;
        }
        Matcher path = MESSAGES_PATH.matcher(URI.create(request.getUrl()).getPath());
        Matcher sid = SID.matcher(serveEvent.getResponse().getBodyAsString());
        if (!path.matches() || !sid.find()) {
            return;
        }
        Map<String, String> form = form(request.getBodyAsString());
        String callback = form.get("StatusCallback");
        if (callback == null || callback.isBlank()) {
            return;
        }
        Map<String, String> message = new LinkedHashMap<>();
        message.put("AccountSid", path.group(1));
        message.put("ApiVersion", "2010-04-01");
        message.put("MessageSid", sid.group(1));
        message.put("SmsSid", sid.group(1));
        if (form.get("From") != null) {
            message.put("From", form.get("From"));
        }
        if (form.get("MessagingServiceSid") != null) {
            message.put("MessagingServiceSid", form.get("MessagingServiceSid"));
        }
        message.put("To", form.getOrDefault("To", ""));
        List<Step> steps = plan(form.getOrDefault("To", ""));
        schedule(callback, message, steps, 0, System.nanoTime());
    }

    /** The callbacks of one message, in order, each with its time from the create request. */
    List<Step> plan(String to) {
        Outcome outcome = outcome(to);
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("queued", null, settings.queuedAfter()));
        switch (outcome.status()) {
            case "failed" -> steps.add(new Step("failed", outcome.errorCode(), settings.sentAfter()));
            default -> {
                steps.add(new Step("sent", null, settings.sentAfter()));
                steps.add(new Step(outcome.status(), outcome.errorCode(), settings.finalAfter()));
            }
        }
        return steps;
    }

    private Outcome outcome(String to) {
        switch (to) {
            case ALWAYS_UNDELIVERED_30003 -> {
                return new Outcome("undelivered", "30003");
            }
            case ALWAYS_UNDELIVERED_30005 -> {
                return new Outcome("undelivered", "30005");
            }
            case ALWAYS_FAILED_30008 -> {
                return new Outcome("failed", "30008");
            }
            default -> {
                int draw;
                boolean unreachable;
                synchronized (draws) {
                    draw = draws.nextInt(100);
                    unreachable = draws.nextBoolean();
                }
                if (draw < settings.failedPercent()) {
                    return new Outcome("failed", "30008");
                }
                if (draw < settings.failedPercent() + settings.undeliveredPercent()) {
                    // 30003 unreachable destination handset, 30005 unknown destination handset
                    return new Outcome("undelivered", unreachable ? "30003" : "30005");
                }
                return new Outcome("delivered", null);
            }
        }
    }

    private void schedule(String url, Map<String, String> message, List<Step> steps, int index, long createdAt) {
        if (index >= steps.size()) {
            return;
        }
        Step step = steps.get(index);
        long delay = Math.max(0, step.after().toNanos() - (System.nanoTime() - createdAt));
        scheduler.schedule(() -> {
            try {
                post(url, message, step);
            } finally {
                // the next status only after this one was posted: the receiver sees them in order
                schedule(url, message, steps, index + 1, createdAt);
            }
        }, delay, TimeUnit.NANOSECONDS);
    }

    private void post(String url, Map<String, String> message, Step step) {
        Map<String, String> parameters = new LinkedHashMap<>(message);
        parameters.put("MessageStatus", step.status());
        parameters.put("SmsStatus", step.status());
        if (step.errorCode() != null) {
            parameters.put("ErrorCode", step.errorCode());
        }
        if ("delivered".equals(step.status()) || "undelivered".equals(step.status())) {
            parameters.put("RawDlrDoneDate", ZonedDateTime.now(ZoneOffset.UTC).format(RAW_DLR_DONE_DATE));
        }
        String body = parameters.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                    .header("User-Agent", "TwilioProxy/1.1")
                    .header("I-Twilio-Idempotency-Token", UUID.randomUUID().toString())
                    .header("X-Twilio-Signature", TwilioSignature.of(settings.authToken(), url, parameters))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                log("callback %s %s to %s: HTTP %d %s", message.get("MessageSid"), step.status(), url,
                        response.statusCode(), response.body().replaceAll("\\s+", " "));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log("callback %s %s to %s failed: %s", message.get("MessageSid"), step.status(), url, e);
        }
    }

    static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return form;
        }
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.putIfAbsent(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void log(String format, Object... arguments) {
        System.out.println("[twilio-fake] " + String.format(java.util.Locale.ROOT, format, arguments));
    }

    /** One callback: the status, Twilio's error code (or null), and when it is sent after the create request. */
    record Step(String status, String errorCode, Duration after) {
    }

    private record Outcome(String status, String errorCode) {
    }
}
