package org.childalert.notifications.optout;

import org.childalert.notifications.contacts.UnsubscribeLinks;
import org.childalert.notifications.web.InvalidRequestException;
import org.springframework.http.MediaType;
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
        UnsubscribeLinks.Subscriber subscriber = links.verify(token)
                .orElseThrow(() -> new InvalidRequestException("token", "is not a valid unsubscribe link"));
        optOuts.email(subscriber.kind(), subscriber.id());
        return "You will receive no more Child Alert emails.";
    }

    @GetMapping(path = "/api/webhooks/email/unsubscribe", produces = MediaType.TEXT_HTML_VALUE)
    String page(@RequestParam String token) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Unsubscribe</title></head><body>"
                + "<h1>Stop Child Alert emails?</h1><form method=\"post\"><input type=\"hidden\" name=\"token\" value=\""
                + HtmlUtils.htmlEscape(token) + "\"><button type=\"submit\">Unsubscribe</button></form></body></html>";
    }
}
