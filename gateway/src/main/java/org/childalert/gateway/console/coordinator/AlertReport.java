package org.childalert.gateway.console.coordinator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Where an alert's messages stand, as notification-service counts them ({@code GET /api/alerts/{id}/report}):
 * per delivery state, per channel and per notice, and minute by minute.
 *
 * @param generatedAt when the service counted (not shown: it changes on every read, the counts may not)
 * @param byChannel   per channel ({@code SMS}, {@code EMAIL}), the count per state
 * @param byNotice    per notice ({@code ISSUED}, {@code UPDATED}, {@code WIDENED}, {@code FOUND}), the count per state
 * @param timeline    one entry per minute with activity, oldest first
 */
record AlertReport(UUID alertId, Instant generatedAt, long total, Map<String, Long> byState,
                   Map<String, Map<String, Long>> byChannel, Map<String, Map<String, Long>> byNotice,
                   List<Minute> timeline) {

    /** The delivery states in the order a message goes through them; the last two are dead ends. */
    static final List<String> STATES = List.of("PENDING", "SENDING", "ACCEPTED", "DELIVERED", "UNDELIVERED", "FAILED");

    /** How many minutes of the timeline the page shows, most recent first. */
    static final int RECENT_MINUTES = 15;

    AlertReport {
        byState = byState == null ? Map.of() : byState;
        byChannel = byChannel == null ? Map.of() : byChannel;
        byNotice = byNotice == null ? Map.of() : byNotice;
        timeline = timeline == null ? List.of() : timeline;
    }

    /** notification-service knows an alert only once police approved it: nothing to count before. */
    static AlertReport noneYet(UUID alertId) {
        return new AlertReport(alertId, null, 0, Map.of(), Map.of(), Map.of(), List.of());
    }

    public List<String> states() {
        return STATES;
    }

    /**
     * Messages handed over: the provider accepted them, whatever it reported after (delivered, not delivered).
     * Accepted is not arrived: only a delivery receipt says a message reached the phone.
     */
    public long handedOver() {
        return handedOverOf(byState);
    }

    /** Messages the provider confirmed delivered (SMS only: email has no delivery receipt). */
    public long delivered() {
        return count("DELIVERED");
    }

    /** Messages that will not arrive on that channel. */
    public long lost() {
        return count("UNDELIVERED") + count("FAILED");
    }

    public long count(String state) {
        return byState.getOrDefault(state, 0L);
    }

    /** The rows of a per-channel or per-notice table: those with at least one message. */
    public static List<Row> rowsOf(Map<String, Map<String, Long>> countsByName) {
        return countsByName.entrySet().stream()
                .map(entry -> new Row(entry.getKey(), entry.getValue() == null ? Map.of() : entry.getValue()))
                .filter(row -> row.total() > 0)
                .toList();
    }

    public List<Row> channelRows() {
        return rowsOf(byChannel);
    }

    public List<Row> noticeRows() {
        return rowsOf(byNotice);
    }

    /** The last {@value #RECENT_MINUTES} minutes with activity, most recent first. */
    public List<Minute> recentMinutes() {
        List<Minute> recent = new ArrayList<>(timeline.subList(Math.max(0, timeline.size() - RECENT_MINUTES),
                timeline.size()));
        Collections.reverse(recent);
        return recent;
    }

    /** The largest number in the recent minutes, to scale the bars of the chart. */
    public long recentPeak() {
        return recentMinutes().stream()
                .mapToLong(minute -> Math.max(minute.handedOver(), Math.max(minute.delivered(), minute.failed())))
                .max().orElse(0);
    }

    private static long handedOverOf(Map<String, Long> byState) {
        return byState.getOrDefault("ACCEPTED", 0L) + byState.getOrDefault("DELIVERED", 0L)
                + byState.getOrDefault("UNDELIVERED", 0L);
    }

    /** One row of a counts table: a channel or a notice and its count per state. */
    record Row(String name, Map<String, Long> byState) {

        /** Channels whose provider reports delivery: email ends at "accepted", it has no delivery receipt. */
        private static final List<String> WITHOUT_RECEIPTS = List.of("EMAIL");

        public long count(String state) {
            return byState.getOrDefault(state, 0L);
        }

        /** Accepted by the provider: still accepted, delivered since, or reported not delivered. */
        public long handedOver() {
            return handedOverOf(byState);
        }

        /** Whether this channel's provider ever confirms delivery. */
        public boolean hasDeliveryReceipts() {
            return !WITHOUT_RECEIPTS.contains(name);
        }

        public long total() {
            return byState.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * @param handedOver messages handed to a provider in that minute
     * @param delivered  delivery confirmations received in that minute
     * @param failed     messages that failed for good in that minute
     */
    record Minute(Instant minute, long handedOver, long delivered, long failed) {
    }
}
