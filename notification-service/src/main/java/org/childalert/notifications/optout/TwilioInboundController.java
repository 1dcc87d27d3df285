package org.childalert.notifications.optout;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.childalert.notifications.contacts.PhoneNumbers;
import org.childalert.notifications.delivery.TwilioRequestSignatures;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * Twilio's inbound SMS webhook: a reply STOP (or another opt-out word) stops SMS to that number, START brings
 * them back, HELP explains. The request must carry Twilio's signature over our public URL; else 403.
 * Answers in TwiML.
 */
@RestController
class TwilioInboundController {

    static final String STOPPED = "CHILD ALERT: you will receive no more SMS from us. Reply START to receive them again.";
    static final String STARTED = "CHILD ALERT: you will receive alerts by SMS again. Reply STOP to stop.";
    static final String HELP = "CHILD ALERT: missing-child alerts near you. Reply STOP to stop, START to resume. Emergencies: 112.";

    private final TwilioRequestSignatures signatures;
    private final OptOuts optOuts;

    TwilioInboundController(TwilioRequestSignatures signatures, OptOuts optOuts) {
        this.signatures = signatures;
        this.optOuts = optOuts;
    }

    @PostMapping(path = "/api/webhooks/twilio/inbound", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.APPLICATION_XML_VALUE)
    ResponseEntity<String> inbound(HttpServletRequest request,
                                   @RequestHeader(name = "X-Twilio-Signature", required = false) String signature) {
        Map<String, String> form = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> form.put(name, values[0]));
        String pathAndQuery = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        if (!signatures.isValid(pathAndQuery, form, signature)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_XML)
                    .body("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>");
        }
        String reply = SmsKeywords.of(form.get("Body")).map(keyword -> {
            String from = PhoneNumbers.toE164(form.get("From")).orElse(form.get("From"));
            if (keyword == SmsKeywords.OPT_OUT) {
                optOuts.smsFrom(from, true);
                return STOPPED;
            }
            if (keyword == SmsKeywords.OPT_IN) {
                optOuts.smsFrom(from, false);
                return STARTED;
            }
            return HELP;
        }).orElse(null);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(twiml(reply));
    }

    private static String twiml(String message) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>"
                + (message == null ? "" : "<Message>" + HtmlUtils.htmlEscape(message) + "</Message>") + "</Response>";
    }
}
