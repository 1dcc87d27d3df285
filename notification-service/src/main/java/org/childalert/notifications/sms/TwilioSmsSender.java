package org.childalert.notifications.sms;

import java.util.Set;

import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.HttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.Account;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import org.childalert.notifications.contacts.SmsCountries;
import org.childalert.notifications.observability.SmsSegmentCounter;
import org.childalert.notifications.providers.DeliveryFailedException;
import org.childalert.notifications.providers.SendingProperties;
import org.childalert.notifications.templates.SmsSegments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Sends SMS through Twilio's Programmable Messaging API with the official SDK, through the Messaging Service
 * when one is configured (else from the sender number), asking Twilio to report the message's status to our
 * callback. Every message first waits for its turn in the sender's {@link SmsThrottle}, so that the sender's
 * segments per second stay within the limit, whoever sends (alerts, verification codes, any instance).
 */
@Component
public class TwilioSmsSender {

    private static final Logger log = LoggerFactory.getLogger(TwilioSmsSender.class);

    private static final int TOO_MANY_REQUESTS = 20429;

    /**
     * Twilio errors after which the number must not be texted again: 21610 the recipient texted STOP, 21211 not a
     * valid phone number, 21614 not a mobile number, 21612 cannot be routed to, 30005 unknown or inactive number,
     * 30006 a landline or unreachable carrier. The person's SMS channel is marked opted out, and their email, if
     * any, is used instead.
     */
    public static final Set<String> NUMBER_UNREACHABLE = Set.of("21610", "21211", "21614", "21612", "30005", "30006");

    private final TwilioProperties properties;
    private final SmsThrottle throttle;
    private final TwilioRestClient client;
    private final SmsCountries countries;
    private final SmsSegmentCounter segments;

    /** A sender whose segments are counted nowhere, for a test that builds one by hand. */
    public TwilioSmsSender(TwilioProperties properties, SendingProperties sending, SmsThrottle throttle, SmsCountries countries) {
        this(properties, sending, throttle, countries, SmsSegmentCounter.unregistered());
    }

    @Autowired
    public TwilioSmsSender(TwilioProperties properties, SendingProperties sending, SmsThrottle throttle, SmsCountries countries,
                           SmsSegmentCounter segments) {
        this.properties = properties;
        this.segments = segments;
        this.countries = countries;
        this.throttle = throttle;
        this.client = new TwilioRestClient.Builder(properties.accountSid(), properties.authToken())
                .httpClient(new TwilioApiRebasingHttpClient(properties.apiBaseUrl(), sending.smsWorkers(),
                        properties.connectTimeout(), properties.readTimeout()))
                .build();
        TwilioDates.rememberLastDate(client.getObjectMapper());
    }

    /** Hands an alert's message to Twilio once the sender's throttle lets it go; returns its message SID. */
    public String send(String toE164, String body) {
        return send(toE164, body, SmsSegmentCounter.Kind.ALERT);
    }

    /**
     * Hands the message to Twilio once the sender's throttle lets it go; returns its message SID. Its segments count
     * in {@code childalert_sms_segments_total} under {@code kind} once Twilio accepted it.
     */
    public String send(String toE164, String body, SmsSegmentCounter.Kind kind) {
        if (!countries.allows(toE164)) {
            // checked when the number was given too; here whatever path a number came by (defence in depth)
            throw DeliveryFailedException.permanent("COUNTRY_NOT_ALLOWED",
                    "SMS go only to numbers of " + String.join(", ", countries.allowed()), null);
        }
        MessageCreator creator = creator(toE164, body);
        int segmentsOfBody = SmsSegments.count(body);
        try {
            throttle.awaitTurn(properties.sender(), segmentsOfBody);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Stopped while waiting for the SMS throttle", e);
        }
        try {
            String sid = creator.create(client).getSid();
            segments.sent(kind, segmentsOfBody);
            return sid;
        } catch (ApiException e) {
            Integer status = e.getStatusCode();
            if (status == null) {
                // the SDK reports a read timeout as an ApiException without a status: Twilio did not answer
                throw DeliveryFailedException.providerUnwell("TWILIO_UNREACHABLE", "Twilio did not answer: " + e.getMessage(), e);
            }
            String code = e.getCode() != null ? String.valueOf(e.getCode()) : "HTTP_" + status;
            String message = "Twilio refused the message: " + e.getMessage();
            if (status >= 500) {
                throw DeliveryFailedException.providerUnwell(code, message, e);
            }
            throw isThrottled(e)
                    ? DeliveryFailedException.temporary(code, message, e)
                    : DeliveryFailedException.permanent(code, message, e);
        } catch (TwilioException e) {
            // no answer: connection refused, or no response within the read timeout
            throw DeliveryFailedException.providerUnwell("TWILIO_UNREACHABLE", "Twilio could not be reached: " + e.getMessage(), e);
        }
    }

    private MessageCreator creator(String toE164, String body) {
        MessageCreator creator = properties.hasMessagingService()
                ? Message.creator(new PhoneNumber(toE164), properties.messagingServiceSid(), body)
                : Message.creator(new PhoneNumber(toE164), new PhoneNumber(properties.fromNumber()), body);
        creator.setStatusCallback(properties.statusCallbackUrl());
        return creator;
    }

    /**
     * Takes the SDK once through a message like {@code body}, without sending it: the request is built as for
     * Twilio and answered in memory with what Twilio answers, which the SDK reads into a {@link Message}. Then the
     * HTTP client connects to Twilio for real by reading our own account (which also tells at start whether the
     * credentials are good), leaving a connection in the pool. The throttle goes through a reservation it rolls
     * back ({@link SmsThrottle#warmUp}): no slot is taken. No breaker is told.
     */
    public void warmUp(String body) {
        TwilioRestClient inMemory = new TwilioRestClient.Builder(properties.accountSid(), properties.authToken())
                .httpClient(new AnsweredInMemory(properties.accountSid()))
                .build();
        TwilioDates.rememberLastDate(inMemory.getObjectMapper());
        creator("+32470000000", body).create(inMemory);
        countries.allows("+32470000000"); // libphonenumber reads its metadata of the allowed countries
        SmsSegments.count(body);
        throttle.warmUp(properties.sender());
        try {
            Account account = Account.fetcher(properties.accountSid()).fetch(client);
            log.info("Twilio account {} is {}", properties.accountSid(), account.getStatus());
        } catch (ApiException e) {
            if (Integer.valueOf(401).equals(e.getStatusCode())) {
                log.error("Twilio refused our credentials for account {}: no SMS can be sent until they are fixed",
                        properties.accountSid());
            } else {
                log.warn("Twilio answered the account check with {}: {}", e.getStatusCode(), e.getMessage());
            }
        } catch (TwilioException e) {
            log.warn("Twilio could not be reached at start: {}", e.getMessage());
        }
    }

    /** Answers every request as Twilio answers a message it accepted. */
    private static final class AnsweredInMemory extends HttpClient {

        private final String accountSid;

        AnsweredInMemory(String accountSid) {
            this.accountSid = accountSid;
        }

        @Override
        public Response makeRequest(Request request) {
            createHttpUriRequestBase(request); // what the network client does with the SDK's request first
            String sid = "SM" + "0".repeat(32);
            return new Response("""
                    {"account_sid": "%1$s", "api_version": "2010-04-01", "body": "", "date_created": "Thu, 01 Jan 2026 12:00:00 +0000",
                     "date_sent": null, "date_updated": "Thu, 01 Jan 2026 12:00:00 +0000", "direction": "outbound-api",
                     "error_code": null, "error_message": null, "from": "+32460000000", "messaging_service_sid": null,
                     "num_media": "0", "num_segments": "1", "price": null, "price_unit": "USD", "sid": "%2$s",
                     "status": "queued", "subresource_uris": {"media": "/2010-04-01/Accounts/%1$s/Messages/%2$s/Media.json"},
                     "to": "+32470000000", "uri": "/2010-04-01/Accounts/%1$s/Messages/%2$s.json"}
                    """.formatted(accountSid, sid), 201);
        }
    }

    /**
     * Throttling (HTTP 429, error 20429) passes; everything else Twilio refuses with a 4xx (21610: the recipient
     * texted STOP, 21211: not a valid number, ...) will be refused again.
     */
    private static boolean isThrottled(ApiException e) {
        Integer status = e.getStatusCode();
        return Integer.valueOf(TOO_MANY_REQUESTS).equals(e.getCode()) || (status != null && status == 429);
    }
}
