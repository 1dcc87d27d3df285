package org.childalert.notifications.replies;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.childalert.kit.web.NotFoundException;
import org.childalert.notifications.security.AlertRecipientsAccess;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The replies to an alert, newest first, with their senders' names and numbers: for coordinators and admins, and
 * for police officers whose zone the alert reached ({@link AlertRecipientsAccess}); others get 404.
 */
@RestController
class ReplyController {

    record AlertReplies(UUID alertId, List<ReplyView> replies) {
    }

    private final Replies replies;
    private final AlertRecipientsAccess access;

    ReplyController(Replies replies, AlertRecipientsAccess access) {
        this.replies = replies;
        this.access = access;
    }

    @GetMapping(path = "/api/alerts/{alertId}/replies", produces = MediaType.APPLICATION_JSON_VALUE)
    AlertReplies replies(@PathVariable UUID alertId,
                         @RequestParam(defaultValue = "500") @Min(1) @Max(5000) int limit,
                         Authentication caller) {
        access.check(alertId, caller);
        if (!replies.alertExists(alertId)) {
            throw new NotFoundException("Alert", alertId);
        }
        return new AlertReplies(alertId, replies.ofAlert(alertId, limit));
    }
}
