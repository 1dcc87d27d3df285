package org.childalert.gateway.console.coordinator;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the people reached answered to an alert ({@code GET /api/alerts/{id}/replies}), newest first. */
record AlertReplies(UUID alertId, List<Reply> replies) {

    AlertReplies {
        replies = replies == null ? List.of() : replies;
    }

    static AlertReplies noneYet(UUID alertId) {
        return new AlertReplies(alertId, List.of());
    }

    /**
     * @param kind          {@code SEEN}, {@code SIGHTING}, {@code ACK} or {@code OTHER}
     * @param recipientKind {@code VOLUNTEER} or {@code POLICE}
     * @param phone         the number the reply came from (E.164), for the coordinator to call back
     */
    record Reply(UUID id, Instant receivedAt, String kind, String text, String recipientKind, String recipientName,
                 String phone) {
    }
}
