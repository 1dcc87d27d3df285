package org.childalert.benchmarks.fanout;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Date;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * A WireMock extension for the Twilio fake of the fan-out benchmark and the crash test: notes the time and the
 * {@code To} of every message the fake accepted (HTTP 201 to a POST on {@code Messages.json}), in the file named
 * by the system property {@value #LOG_PROPERTY}. Loaded with {@code --extensions} and run with
 * {@code --no-request-journal}, so that 100,000 requests are counted without being kept in memory.
 */
public final class TwilioHandOverRecorder implements ServeEventListener {

    static final String LOG_PROPERTY = "fanout.hand-over-log";
    private static final int CREATED = 201;

    private final HandOverLog log = HandOverLog.fromSystemProperty(LOG_PROPERTY);

    @Override
    public String getName() {
        return "fan-out-hand-over-recorder";
    }

    @Override
    public void afterComplete(ServeEvent serveEvent, Parameters parameters) {
        LoggedRequest request = serveEvent.getRequest();
        if (serveEvent.getResponse() == null || serveEvent.getResponse().getStatus() != CREATED
                || !RequestMethod.POST.equals(request.getMethod()) || !request.getUrl().endsWith("/Messages.json")) {
            return;
        }
        String to = formValue(request.getBodyAsString(), "To");
        if (to != null) {
            Date received = request.getLoggedDate();
            log.record(received != null ? received.getTime() : System.currentTimeMillis(), to);
        }
    }

    /** The value of one field of a form-encoded body; null when it is absent. */
    static String formValue(String body, String name) {
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8).equals(name)) {
                return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
