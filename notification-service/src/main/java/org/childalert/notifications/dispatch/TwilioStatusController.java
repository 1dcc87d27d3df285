package org.childalert.notifications.dispatch;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.childalert.kit.web.InvalidRequestException;
import org.childalert.notifications.sms.TwilioProperties;
import org.childalert.notifications.sms.TwilioRequestSignatures;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio's status callback ({@code StatusCallback} of every SMS we send): advances the delivery with that
 * MessageSid. The request must carry Twilio's signature over the public URL we gave Twilio
 * ({@code childalert.twilio.status-callback-url}) and the form parameters; else 403, and nothing changes.
 * A SID we do not know (a message sent by another system on the account) is answered 200 and ignored, so
 * that Twilio does not retry it.
 */
@RestController
class TwilioStatusController {

    private final TwilioRequestSignatures signatures;
    private final TwilioProperties twilio;
    private final DeliveryStatuses statuses;

    TwilioStatusController(TwilioRequestSignatures signatures, TwilioProperties twilio, DeliveryStatuses statuses) {
        this.signatures = signatures;
        this.twilio = twilio;
        this.statuses = statuses;
    }

    @PostMapping(path = "/api/webhooks/twilio/status", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<?> status(HttpServletRequest request,
                             @RequestHeader(name = "X-Twilio-Signature", required = false) String signature) {
        Map<String, String> form = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> form.put(name, values[0]));
        String url = twilio.statusCallbackUrl() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        if (!signatures.isValidForUrl(url, form, signature)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                    "The X-Twilio-Signature header is missing or does not match this request: only Twilio may report statuses.");
            problem.setTitle("Invalid signature");
            return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        String sid = form.get("MessageSid");
        String status = form.get("MessageStatus");
        if (sid == null || sid.isBlank()) {
            throw new InvalidRequestException("MessageSid", "is missing");
        }
        if (status == null || status.isBlank()) {
            throw new InvalidRequestException("MessageStatus", "is missing");
        }
        statuses.apply(sid, status, form.get("ErrorCode"));
        return ResponseEntity.ok().build();
    }
}
