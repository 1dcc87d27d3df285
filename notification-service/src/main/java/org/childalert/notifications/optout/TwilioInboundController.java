package org.childalert.notifications.optout;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.childalert.notifications.contacts.PhoneNumbers;
import org.childalert.notifications.contacts.SmsCountries;
import org.childalert.notifications.limits.SendLimits;
import org.childalert.notifications.observability.SmsSegmentCounter;
import org.childalert.notifications.templates.SmsSegments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.childalert.notifications.sms.TwilioRequestSignatures;
import org.childalert.notifications.replies.SmsReplies;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * Twilio's inbound SMS webhook: a reply STOP (or another opt-out word) stops SMS to that number, START brings
 * them back, HELP explains; these words come first. Anything else is a reply to an alert ({@link SmsReplies}:
 * seen, a sighting, a police acknowledgement), answered in the sender's language. The request must carry
 * Twilio's signature over our public URL; else 403 and nothing is done. Answers in TwiML.
 */
@RestController
class TwilioInboundController {

    private static final Logger log = LoggerFactory.getLogger(TwilioInboundController.class);
    private static final MediaType TWIML = new MediaType("application", "xml", StandardCharsets.UTF_8);
    static final String STOPPED = "CHILD ALERT: you will receive no more SMS from us. Reply START to receive them again.";
    static final String STARTED = "CHILD ALERT: you will receive alerts by SMS again. Reply STOP to stop.";
    static final String HELP = "CHILD ALERT: missing-child alerts near you. Reply STOP to stop, START to resume. Emergencies: 112.";

    private final TwilioRequestSignatures signatures;
    private final OptOuts optOuts;
    private final SmsReplies replies;
    private final SendLimits limits;
    private final SmsCountries countries;
    private final SmsSegmentCounter segments;

    TwilioInboundController(TwilioRequestSignatures signatures, OptOuts optOuts, SmsReplies replies, SendLimits limits,
                            SmsCountries countries, SmsSegmentCounter segments) {
        this.signatures = signatures;
        this.segments = segments;
        this.limits = limits;
        this.countries = countries;
        this.optOuts = optOuts;
        this.replies = replies;
    }

    @PostMapping(path = "/api/webhooks/twilio/inbound", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.APPLICATION_XML_VALUE)
    ResponseEntity<String> inbound(HttpServletRequest request,
                                   @RequestHeader(name = "X-Twilio-Signature", required = false) String signature) {
        Map<String, String> form = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> form.put(name, values[0]));
        String pathAndQuery = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        if (!signatures.isValid(pathAndQuery, form, signature)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(TWIML)
                    .body("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>");
        }
        String from = PhoneNumbers.toE164(form.get("From")).orElse(form.get("From"));
        String reply = SmsKeywords.of(form.get("Body")).map(keyword -> {
            if (keyword == SmsKeywords.OPT_OUT) {
                optOuts.smsFrom(from, true);
                return STOPPED;
            }
            if (keyword == SmsKeywords.OPT_IN) {
                optOuts.smsFrom(from, false);
                return STARTED;
            }
            return HELP;
        }).orElseGet(() -> replies.receive(from, form.get("Body"), form.get("MessageSid")));
        if (reply != null && !(countries.allows(from)
                && limits.tryTake(SendLimits.Action.SMS_ANSWER, from, new SendLimits.Requester(null, null)))) {
            // the opt-out or reply is recorded all the same; only the automatic answer is not sent
            log.info("No automatic answer to an inbound SMS: its number is outside the SMS countries or over its limits");
            reply = null;
        }
        if (reply != null) {
            // Twilio sends the answer of our TwiML, and bills it like any other SMS
            segments.sent(SmsSegmentCounter.Kind.REPLY, SmsSegments.count(reply));
        }
        return ResponseEntity.ok().contentType(TWIML).body(twiml(reply));
    }

    /**
     * Escapes only what XML needs: HTML's named entities (&amp;eacute;) are not XML, and the answers in French
     * and German have accents, which travel as they are in UTF-8.
     */
    private static String twiml(String message) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>"
                + (message == null ? "" : "<Message>" + HtmlUtils.htmlEscape(message, "UTF-8") + "</Message>")
                + "</Response>";
    }
}
