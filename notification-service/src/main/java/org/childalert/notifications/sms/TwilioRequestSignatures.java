package org.childalert.notifications.sms;

import java.util.Map;

import com.twilio.security.RequestValidator;
import org.springframework.stereotype.Component;

/**
 * Checks the {@code X-Twilio-Signature} of a webhook request, as Twilio computes it: an HMAC-SHA1 with the
 * account's auth token over the public URL Twilio called and the sorted form parameters. Never switched off.
 */
@Component
public class TwilioRequestSignatures {

    private final RequestValidator validator;
    private final String webhookBaseUrl;

    TwilioRequestSignatures(TwilioProperties properties) {
        this.validator = new RequestValidator(properties.authToken());
        String base = properties.webhookBaseUrl();
        this.webhookBaseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** Whether Twilio signed this request to {@code pathAndQuery} (as the service received it) with these parameters. */
    public boolean isValid(String pathAndQuery, Map<String, String> formParameters, String signature) {
        return signature != null && validator.validate(webhookBaseUrl + pathAndQuery, formParameters, signature);
    }

    /** Whether Twilio signed this request to exactly that public URL (the one we told it to call) with these parameters. */
    public boolean isValidForUrl(String url, Map<String, String> formParameters, String signature) {
        return signature != null && validator.validate(url, formParameters, signature);
    }
}
