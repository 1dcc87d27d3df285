package org.childalert.benchmarks.ceilings;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;

/**
 * Creates messages through the Twilio SDK as notification-service does: one shared {@link TwilioRestClient} whose
 * HTTP client (the SDK's own, with its default pool of 20 connections per host) sends what it addresses to
 * https://api.twilio.com to the fake instead.
 */
final class SdkTwilioSenders implements ClosedLoopLoad.SenderFactory {

    private static final URI STATUS_CALLBACK = URI.create(AlertSms.STATUS_CALLBACK);

    private final TwilioRestClient twilio;

    SdkTwilioSenders(URI fakeBaseUrl) {
        this.twilio = new TwilioRestClient.Builder(AlertSms.ACCOUNT_SID, AlertSms.AUTH_TOKEN)
                .httpClient(new RebasingHttpClient(fakeBaseUrl.toString()))
                .build();
    }

    @Override
    public ClosedLoopLoad.Sender open() {
        return sequence -> Message.creator(new PhoneNumber(AlertSms.recipient(sequence)),
                        new PhoneNumber(AlertSms.FROM), AlertSms.BODY)
                .setStatusCallback(STATUS_CALLBACK)
                .create(twilio);
    }

    /** The SDK's HTTP client, rebased from https://api.twilio.com to the fake; one attempt per request. */
    private static final class RebasingHttpClient extends NetworkHttpClient {

        private static final String TWILIO_API = "https://api.twilio.com";

        private final String baseUrl;

        RebasingHttpClient(String baseUrl) {
            this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        }

        @Override
        public Response reliableRequest(Request request) {
            return makeRequest(request);
        }

        @Override
        public Response makeRequest(Request original) {
            if (!original.getUrl().startsWith(TWILIO_API)) {
                return super.makeRequest(original);
            }
            Request request = new Request(original.getMethod(),
                    baseUrl + original.getUrl().substring(TWILIO_API.length()));
            copy(original.getQueryParams(), request::addQueryParam);
            copy(original.getPostParams(), request::addPostParam);
            copy(original.getHeaderParams(), request::addHeaderParam);
            if (original.getAuthStrategy() != null) {
                request.setAuth(original.getAuthStrategy());
            } else {
                request.setAuth(original.getUsername(), original.getPassword());
            }
            request.setContentType(original.getContentType());
            return super.makeRequest(request);
        }

        private static void copy(Map<String, List<String>> params, BiConsumer<String, String> add) {
            params.forEach((name, values) -> values.forEach(value -> add.accept(name, value)));
        }
    }
}
