package org.childalert.notifications.optout;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.childalert.kit.web.InvalidRequestException;
import org.childalert.notifications.contacts.UnsubscribeLinks;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * One-click unsubscribe (RFC 8058): the mailbox provider POSTs {@code List-Unsubscribe=One-Click} to the
 * signed link of the email's {@code List-Unsubscribe} header, without login. A person who opens the link in a
 * browser (GET) gets a page whose button does the same; a GET alone changes nothing.
 */
@RestController
class EmailUnsubscribeController {

    private final UnsubscribeLinks links;
    private final OptOuts optOuts;

    EmailUnsubscribeController(UnsubscribeLinks links, OptOuts optOuts) {
        this.links = links;
        this.optOuts = optOuts;
    }

    @PostMapping(path = "/api/webhooks/email/unsubscribe", produces = MediaType.TEXT_PLAIN_VALUE)
    String unsubscribe(@RequestParam String token) {
        UnsubscribeLinks.Verdict verdict = links.verify(token);
        if (verdict instanceof UnsubscribeLinks.Expired expired) {
            throw new InvalidRequestException("token", expiredReason(expired));
        }
        if (!(verdict instanceof UnsubscribeLinks.Valid valid)) {
            throw new InvalidRequestException("token", "is not a valid unsubscribe link");
        }
        optOuts.email(valid.subscriber().kind(), valid.subscriber().id());
        return "You will receive no more Child Alert emails.";
    }

    @GetMapping(path = "/api/webhooks/email/unsubscribe", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@RequestParam String token) {
        UnsubscribeLinks.Verdict verdict = links.verify(token);
        if (verdict instanceof UnsubscribeLinks.Expired expired) {
            return ResponseEntity.badRequest().contentType(MediaType.TEXT_HTML)
                    .body(page("This unsubscribe link has expired", "<p>This link " + HtmlUtils.htmlEscape(expiredReason(expired))
                            + ".</p>"));
        }
        if (!(verdict instanceof UnsubscribeLinks.Valid)) {
            return ResponseEntity.badRequest().contentType(MediaType.TEXT_HTML)
                    .body(page("This unsubscribe link is not valid", "<p>Use the unsubscribe link of a recent Child Alert "
                            + "email, or reply STOP to a Child Alert SMS.</p>"));
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(page("Stop Child Alert emails?",
                "<form method=\"post\"><input type=\"hidden\" name=\"token\" value=\""
                + HtmlUtils.htmlEscape(token) + "\"><button type=\"submit\">Unsubscribe</button></form>"));
    }

    private static String expiredReason(UnsubscribeLinks.Expired expired) {
        return "expired on " + DateTimeFormatter.ISO_LOCAL_DATE.format(expired.expiredAt().atZone(ZoneOffset.UTC))
                + ": use the unsubscribe link of a more recent Child Alert email, or reply STOP to a Child Alert SMS";
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body><h1>"
                + title + "</h1>" + body + "</body></html>";
    }
}
