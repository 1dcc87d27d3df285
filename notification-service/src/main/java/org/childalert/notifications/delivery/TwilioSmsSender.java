package org.childalert.notifications.delivery;

import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import org.springframework.stereotype.Component;

/**
 * Sends SMS through Twilio's Programmable Messaging API with the official SDK, through the Messaging Service
 * when one is configured, asking Twilio to report the message's status to our callback.
 */
@Component
class TwilioSmsSender {

    private static final int TOO_MANY_REQUESTS = 20429;

    private final TwilioProperties properties;
    private final TwilioRestClient client;

    TwilioSmsSender(TwilioProperties properties) {
        this.properties = properties;
        this.client = new TwilioRestClient.Builder(properties.accountSid(), properties.authToken())
                .httpClient(new TwilioApiRebasingHttpClient(properties.apiBaseUrl()))
                .build();
    }

    /** Hands the message to Twilio; returns its message SID. */
    String send(String toE164, String body) {
        MessageCreator creator = properties.hasMessagingService()
                ? Message.creator(new PhoneNumber(toE164), properties.messagingServiceSid(), body)
                : Message.creator(new PhoneNumber(toE164), new PhoneNumber(properties.fromNumber()), body);
        creator.setStatusCallback(properties.statusCallbackUrl());
        try {
            return creator.create(client).getSid();
        } catch (ApiException e) {
            String code = e.getCode() != null ? String.valueOf(e.getCode()) : "HTTP_" + e.getStatusCode();
            String message = "Twilio refused the message: " + e.getMessage();
            throw isWorthRetrying(e)
                    ? DeliveryFailedException.temporary(code, message, e)
                    : DeliveryFailedException.permanent(code, message, e);
        } catch (TwilioException e) {
            throw DeliveryFailedException.temporary("TWILIO_UNREACHABLE", "Twilio could not be reached: " + e.getMessage(), e);
        }
    }

    /**
     * Throttling (HTTP 429, error 20429) and Twilio's own outages (5xx) pass; everything else Twilio refuses
     * (21610: the recipient texted STOP, 21211: not a valid number, ...) will be refused again.
     */
    private static boolean isWorthRetrying(ApiException e) {
        Integer status = e.getStatusCode();
        return Integer.valueOf(TOO_MANY_REQUESTS).equals(e.getCode())
                || (status != null && (status == 429 || status >= 500));
    }
}
