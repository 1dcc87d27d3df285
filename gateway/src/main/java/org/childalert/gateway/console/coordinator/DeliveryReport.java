package org.childalert.gateway.console.coordinator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Where an alert's messages stand, as notification-service reports it ({@code GET /api/alerts/{id}/deliveries}):
 * the counts over all of them and one page of the messages, in the order they were sent.
 */
record DeliveryReport(UUID alertId, Counts counts, List<Line> deliveries) {

    /**
     * How many messages the alert page lists, the newest first. An alert reaches hundreds of people: listed in full,
     * its messages pushed the replies, the police zones and "End the alert" thousands of pixels down (issue 15
     * review, finding 2); the others are on the alert's pages of messages.
     */
    static final int LATEST = 20;
    /** How many messages a page of all of an alert's messages lists. */
    static final int PAGE_SIZE = 50;

    DeliveryReport {
        counts = counts == null ? new Counts(0, Map.of(), Map.of()) : counts;
        deliveries = deliveries == null ? List.of() : deliveries;
    }

    static DeliveryReport noneYet(UUID alertId) {
        return new DeliveryReport(alertId, new Counts(0, Map.of(), Map.of()), List.of());
    }

    /** All of the alert's messages, not only those listed. */
    public long total() {
        return counts.total();
    }

    /** Whether the alert has more messages than this report lists. */
    public boolean hasMore() {
        return total() > deliveries.size();
    }

    /**
     * The alert's {@code count} most recent messages, the newest first: notification-service lists them in the order
     * they were sent, page by page, so they are its last page, with the one before when that is not full.
     * The newest rather than the first: what is going out now (an update, "found") and whether it arrives is what a
     * coordinator watches; the counts above the list already say how many of all failed.
     */
    static DeliveryReport latest(int count, Pages pages) {
        DeliveryReport first = pages.read(0, count);
        List<Line> lines = new ArrayList<>();
        if (first.total() > count) {
            int last = (int) ((first.total() - 1) / count);
            DeliveryReport lastPage = pages.read(last, count);
            if (lastPage.deliveries().size() < count) {
                lines.addAll(last == 1 ? first.deliveries() : pages.read(last - 1, count).deliveries());
            }
            lines.addAll(lastPage.deliveries());
        }
        else {
            lines.addAll(first.deliveries());
        }
        List<Line> newestFirst = new ArrayList<>(lines.subList(Math.max(0, lines.size() - count), lines.size()));
        java.util.Collections.reverse(newestFirst);
        return new DeliveryReport(first.alertId(), first.counts(), List.copyOf(newestFirst));
    }

    /** Reads one page of an alert's messages (page from 0, size per page). */
    @FunctionalInterface
    interface Pages {
        DeliveryReport read(int page, int size);
    }

    record Counts(long total, Map<String, Long> byState, Map<String, Long> byChannel) {
    }

    record Line(UUID id, String recipientKind, String channel, String notice, String state, String address,
                int attempts, String errorCode, Instant updatedAt) {
    }
}
