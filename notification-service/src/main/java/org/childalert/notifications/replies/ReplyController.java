package org.childalert.notifications.replies;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.childalert.notifications.web.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The replies to an alert, newest first, for the coordinators who follow it and the police (roles in
 * {@code SecurityConfiguration}); every coordinator and police officer may follow every alert, as with its
 * deliveries, so there is no further ownership to check.
 */
@RestController
class ReplyController {

    record AlertReplies(UUID alertId, List<ReplyView> replies) {
    }

    private final Replies replies;

    ReplyController(Replies replies) {
        this.replies = replies;
    }

    @GetMapping(path = "/api/alerts/{alertId}/replies", produces = MediaType.APPLICATION_JSON_VALUE)
    AlertReplies replies(@PathVariable UUID alertId,
                         @RequestParam(defaultValue = "500") @Min(1) @Max(5000) int limit) {
        if (!replies.alertExists(alertId)) {
            throw new NotFoundException("Alert", alertId);
        }
        return new AlertReplies(alertId, replies.ofAlert(alertId, limit));
    }
}
