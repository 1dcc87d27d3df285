package org.childalert.notifications.verification;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.childalert.events.DeliveryChannel;
import org.childalert.notifications.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * A volunteer confirms their phone with the SMS code, and their mailbox with the emailed link (a page whose
 * button confirms: link scanners that fetch every URL do not confirm anything); they can ask for a new code.
 */
@RestController
class VerificationController {

    record CodeConfirmation(@NotBlank String code) {
    }

    private final ChannelVerifications verifications;

    VerificationController(ChannelVerifications verifications) {
        this.verifications = verifications;
    }

    @PostMapping("/api/volunteers/{id}/verifications/{channel}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ChannelVerifications.Pending resend(@PathVariable UUID id, @PathVariable DeliveryChannel channel, Authentication token) {
        return verifications.resend(id, channel, Caller.from(token));
    }

    @PostMapping("/api/volunteers/{id}/verifications/SMS/confirmation")
    ChannelVerifications.Verified confirmCode(@PathVariable UUID id, @Valid @RequestBody CodeConfirmation confirmation,
                                              Authentication token) {
        return verifications.confirmCode(id, confirmation.code(), Caller.from(token));
    }

    @GetMapping(path = "/api/webhooks/email/verification", produces = MediaType.TEXT_HTML_VALUE)
    String confirmationPage(@RequestParam String token) {
        return page("Confirm your email address", "<form method=\"post\"><input type=\"hidden\" name=\"token\" value=\""
                + HtmlUtils.htmlEscape(token) + "\"><button type=\"submit\">Confirm</button></form>");
    }

    @PostMapping(path = "/api/webhooks/email/verification", produces = MediaType.TEXT_HTML_VALUE)
    String confirmLink(@RequestParam String token) {
        verifications.confirmLink(token);
        return page("Email address confirmed", "<p>Thank you: Child Alert messages can now reach you at this address.</p>");
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body><h1>"
                + title + "</h1>" + body + "</body></html>";
    }
}
