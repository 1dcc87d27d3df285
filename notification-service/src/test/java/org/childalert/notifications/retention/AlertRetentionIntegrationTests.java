package org.childalert.notifications.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

import org.childalert.events.Actor;
import org.childalert.events.AlertIssued;
import org.childalert.events.DisclosureLevel;
import org.childalert.events.EventType;
import org.childalert.events.GeoCircle;
import org.childalert.kit.test.TestBroker;
import org.childalert.notifications.Callers;
import org.childalert.notifications.NotificationServiceTest;
import org.childalert.notifications.TestPeople;
import org.childalert.notifications.TestPeople.Person;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The retention of what alerts leave behind, against the real PostgreSQL: alerts are written as they would stand
 * days ago (issued, ended), and a pass runs at the real now with the production periods (90 days for recipient
 * rows, 730 for notices, 120 for an alert that never ended, a day for finished fan-outs) and batches of two rows,
 * so that every delete takes several. Other test classes' alerts are issued now, and so never due. Deliveries are
 * not due for an hour and fan-outs are leased to nobody here, so that the running service leaves them alone.
 */
@NotificationServiceTest
class AlertRetentionIntegrationTests {

    private static final RetentionProperties PRODUCTION = new RetentionProperties(Duration.ofDays(90),
            Duration.ofDays(730), Duration.ofDays(120), Duration.ofDays(1), "-", 2);
    private static final JsonMapper json = JsonMapper.builder().build();
    @RegisterExtension
    static final TestBroker broker = new TestBroker();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MockMvc mvc;

    private final Instant now = Instant.now();

    private AlertRetention retention() {
        return new AlertRetention(jdbc, transactions, PRODUCTION, Clock.systemUTC());
    }

    @Test
    void anEndedAlertsRecipientRowsGoAQuarterAfterItEndedAndItsCountsStayAsItsReport() throws Exception {
        UUID alertId = alert(daysAgo(92), daysAgo(91), null);
        delivery(alertId, "SMS", "ISSUED", "DELIVERED");
        delivery(alertId, "SMS", "ISSUED", "DELIVERED");
        delivery(alertId, "SMS", "FOUND", "UNDELIVERED");
        delivery(alertId, "EMAIL", "ISSUED", "FAILED");
        delivery(alertId, "EMAIL", "FOUND", "ACCEPTED");
        reply(alertId);
        reply(alertId);
        reply(alertId);
        zone(alertId);
        fanOut(alertId, "DONE", daysAgo(92));

        AlertRetention.Purged purged = retention().purgeAt(now);

        assertThat(purged.deliveries()).isGreaterThanOrEqualTo(5);
        assertThat(rowsOf(alertId)).containsOnly(
                Map.entry("delivery", 0L), Map.entry("reply", 0L), Map.entry("police_zone_alert", 0L),
                Map.entry("fanout_job", 0L));
        Map<String, Object> notice = jdbc.sql("""
                select purged_at is not null as purged, child_first_name, child_age, last_seen_place, traceparent,
                       cancelled_at is not null as cancelled
                from alert_notice where alert_id = :alertId
                """).param("alertId", alertId).query().singleRow();
        assertThat(notice).containsEntry("purged", true).containsEntry("child_first_name", null)
                .containsEntry("child_age", null).containsEntry("last_seen_place", null)
                .containsEntry("traceparent", null).containsEntry("cancelled", true);

        mvc.perform(get("/api/alerts/" + alertId + "/report").with(Callers.alice()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(5))
                .andExpect(jsonPath("$.byState.DELIVERED").value(2))
                .andExpect(jsonPath("$.byState.PENDING").value(0))
                .andExpect(jsonPath("$.byChannel.SMS.DELIVERED").value(2))
                .andExpect(jsonPath("$.byChannel.SMS.UNDELIVERED").value(1))
                .andExpect(jsonPath("$.byChannel.EMAIL.FAILED").value(1))
                .andExpect(jsonPath("$.byChannel.EMAIL.ACCEPTED").value(1))
                .andExpect(jsonPath("$.byNotice.FOUND.UNDELIVERED").value(1))
                .andExpect(jsonPath("$.byNotice.ISSUED.FAILED").value(1))
                .andExpect(jsonPath("$.timeline").isEmpty());

        retention().purgeAt(now.plusSeconds(60));
        mvc.perform(get("/api/alerts/" + alertId + "/report").with(Callers.alice()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(5));
    }

    @Test
    void anAlertThatExpiredGoesLikeOneCancelled() {
        UUID alertId = alert(daysAgo(100), null, daysAgo(95));
        delivery(alertId, "SMS", "ISSUED", "ACCEPTED");

        retention().purgeAt(now);

        assertThat(rowsOf(alertId)).containsEntry("delivery", 0L);
        assertThat(summary(alertId)).containsExactly(Map.entry("SMS ISSUED ACCEPTED", 1L));
    }

    @Test
    void recentlyEndedAndRunningAlertsKeepEverythingEvenTheirPendingDeliveries() {
        UUID recentlyEnded = alert(daysAgo(90), daysAgo(89), null);
        delivery(recentlyEnded, "SMS", "ISSUED", "DELIVERED");
        reply(recentlyEnded);
        zone(recentlyEnded);
        UUID running = alert(daysAgo(119), null, null);
        delivery(running, "SMS", "ISSUED", "PENDING");
        delivery(running, "EMAIL", "ISSUED", "SENDING");
        reply(running);
        zone(running);
        fanOut(running, "RUNNING", null);

        retention().purgeAt(now);

        assertThat(rowsOf(recentlyEnded)).containsOnly(
                Map.entry("delivery", 1L), Map.entry("reply", 1L), Map.entry("police_zone_alert", 1L),
                Map.entry("fanout_job", 0L));
        assertThat(rowsOf(running)).containsOnly(
                Map.entry("delivery", 2L), Map.entry("reply", 1L), Map.entry("police_zone_alert", 1L),
                Map.entry("fanout_job", 1L));
        for (UUID alertId : new UUID[] {recentlyEnded, running}) {
            assertThat(jdbc.sql("select child_first_name from alert_notice where alert_id = :id and purged_at is null")
                    .param("id", alertId).query(String.class).optional()).contains("Lena");
            assertThat(summary(alertId)).isEmpty();
        }
        assertThat(jdbc.sql("select expired_at is null from alert_notice where alert_id = :id").param("id", running)
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void anAlertThatNeverEndedHereGoesAfterTheLongerBoundFromItsIssueAndIsNoLongerActive() {
        UUID stuck = alert(daysAgo(121), null, null);
        delivery(stuck, "SMS", "ISSUED", "PENDING");
        delivery(stuck, "SMS", "ISSUED", "ACCEPTED");
        delivery(stuck, "EMAIL", "ISSUED", "SENDING");
        zone(stuck);
        fanOut(stuck, "RUNNING", null);

        AlertRetention.Purged purged = retention().purgeAt(now);

        assertThat(purged.stuckAlertsClosed()).isGreaterThanOrEqualTo(1);
        assertThat(rowsOf(stuck)).containsOnly(
                Map.entry("delivery", 0L), Map.entry("reply", 0L), Map.entry("police_zone_alert", 0L),
                Map.entry("fanout_job", 0L));
        assertThat(summary(stuck)).containsOnly(Map.entry("SMS ISSUED PENDING", 1L),
                Map.entry("SMS ISSUED ACCEPTED", 1L), Map.entry("EMAIL ISSUED SENDING", 1L));
        assertThat(jdbc.sql("""
                select expired_at is not null and purged_at is not null and child_first_name is null
                from alert_notice where alert_id = :id
                """).param("id", stuck).query(Boolean.class).single()).isTrue();
    }

    @Test
    void theNoticeAndItsCountsGoOnlyAfterTheEndedAlertsPeriod() {
        UUID longAgo = alert(daysAgo(735), daysAgo(731), null);
        delivery(longAgo, "SMS", "ISSUED", "DELIVERED");
        reply(longAgo);
        UUID lastYear = alert(daysAgo(400), daysAgo(399), null);
        delivery(lastYear, "SMS", "ISSUED", "DELIVERED");

        AlertRetention.Purged purged = retention().purgeAt(now);

        assertThat(purged.notices()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("select count(*) from alert_notice where alert_id = :id").param("id", longAgo)
                .query(Long.class).single()).isZero();
        assertThat(summary(longAgo)).isEmpty();
        assertThat(rowsOf(longAgo)).containsEntry("delivery", 0L).containsEntry("reply", 0L);
        assertThat(jdbc.sql("select count(*) from alert_notice where alert_id = :id and purged_at is not null")
                .param("id", lastYear).query(Long.class).single()).isOne();
        assertThat(summary(lastYear)).containsExactly(Map.entry("SMS ISSUED DELIVERED", 1L));
    }

    @Test
    void finishedFanOutJobsGoADayAfterTheyFinishedWhateverTheirAlert() {
        UUID running = alert(now, null, null);
        UUID doneYesterday = fanOut(running, "DONE", now.minus(Duration.ofHours(25)));
        UUID stoppedYesterday = fanOut(running, "STOPPED", now.minus(Duration.ofHours(26)));
        UUID doneToday = fanOut(running, "DONE", now.minus(Duration.ofHours(23)));
        UUID open = fanOut(running, "RUNNING", null);

        AlertRetention.Purged purged = retention().purgeAt(now);

        assertThat(purged.finishedFanOutJobs()).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.sql("select id from fanout_job where alert_id = :id").param("id", running).query(UUID.class)
                .list()).containsExactlyInAnyOrder(doneToday, open).doesNotContain(doneYesterday, stoppedYesterday);
    }

    @Test
    void twoInstancesPurgingAtOnceCountAnAlertOnceAndDeleteEverything() {
        UUID alertId = alert(daysAgo(95), daysAgo(94), null);
        for (int i = 0; i < 7; i++) {
            delivery(alertId, "SMS", "ISSUED", "DELIVERED");
        }
        reply(alertId);

        CompletableFuture<AlertRetention.Purged> one = CompletableFuture.supplyAsync(() -> retention().purgeAt(now));
        CompletableFuture<AlertRetention.Purged> other = CompletableFuture.supplyAsync(() -> retention().purgeAt(now));
        AlertRetention.Purged first = one.join();
        AlertRetention.Purged second = other.join();

        assertThat(summary(alertId)).containsExactly(Map.entry("SMS ISSUED DELIVERED", 7L));
        assertThat(rowsOf(alertId)).containsEntry("delivery", 0L).containsEntry("reply", 0L);
        assertThat(first.deliveries() + second.deliveries()).isGreaterThanOrEqualTo(7);
    }

    /** The stripped notice is the record that the alert ended: an AlertIssued of it replayed later tells nobody. */
    @Test
    void anAlertIssuedReplayedAfterItsAlertWasClosedTellsNobodyNear() throws Exception {
        double latitude = ThreadLocalRandom.current().nextDouble(-60, 60);
        double longitude = ThreadLocalRandom.current().nextDouble(-170, 170);
        Person near = new TestPeople(mvc).volunteer("en", latitude + TestPeople.kmNorth(1), longitude, 20);
        UUID alertId = alert(daysAgo(93), daysAgo(92), null);
        delivery(alertId, "SMS", "ISSUED", "DELIVERED");
        retention().purgeAt(now);

        AlertIssued replayed = new AlertIssued(UUID.randomUUID(), Instant.now(), alertId, UUID.randomUUID(),
                DisclosureLevel.TARGETED, new GeoCircle(latitude, longitude, 10), Instant.now().plus(Duration.ofHours(6)),
                new AlertIssued.Notice("Lena", 9, "Red coat", "Ghent", Instant.now()), new Actor("bob", "bob"));
        broker.publish("alerts.events", EventType.of(replayed).typeName(), replayed.eventId(),
                json.writeValueAsString(replayed));

        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql(
                        "select exists (select 1 from processed_event where event_id = :id)")
                .param("id", replayed.eventId()).query(Boolean.class).single());
        assertThat(rowsOf(alertId)).containsEntry("delivery", 0L).containsEntry("fanout_job", 0L);
        assertThat(jdbc.sql("""
                select count(*) from alert_notice
                where alert_id = :id and purged_at is not null and child_first_name is null and cancelled_at is not null
                """).param("id", alertId).query(Long.class).single()).isOne();
        assertThat(TestPeople.smsTo(near)).isEmpty();
    }

    @Test
    void aScheduleOfADashRunsNothingAndACronExpressionRunsThePurge() {
        var disabled = new ScheduledTaskRegistrar();
        RetentionConfiguration.schedule(disabled, retention(), PRODUCTION);
        assertThat(disabled.getCronTaskList()).isEmpty();

        var daily = new ScheduledTaskRegistrar();
        RetentionConfiguration.schedule(daily, retention(), new RetentionProperties(Duration.ofDays(90),
                Duration.ofDays(730), Duration.ofDays(120), Duration.ofDays(1), "0 40 3 * * *", 5000));
        assertThat(daily.getCronTaskList()).singleElement()
                .satisfies(task -> assertThat(task.getExpression()).isEqualTo("0 40 3 * * *"));
    }

    @Test
    void periodsThatWouldKeepNoticesShorterThanTheirRowsOrCatchRunningAlertsAreRefused() {
        assertThatThrownBy(() -> new RetentionProperties(Duration.ofDays(90),
                        Duration.ofDays(30), Duration.ofDays(120), Duration.ofDays(1), "-", 5000))
                .hasMessageContaining("ended-alerts");
        assertThatThrownBy(() -> new RetentionProperties(Duration.ofDays(90),
                        Duration.ofDays(730), Duration.ofDays(60), Duration.ofDays(1), "-", 5000))
                .hasMessageContaining("stuck-alerts");
    }

    @Test
    void anApprovalRequestOfAnAlertNeverIssuedGoesWithItsMessagesAQuarterAfterItWasReceived() {
        UUID refused = UUID.randomUUID();
        approvalRequest(refused, 1, daysAgo(91));
        UUID recent = UUID.randomUUID();
        approvalRequest(recent, 1, daysAgo(2));

        AlertRetention.Purged purged = retention().purgeAt(now);

        assertThat(purged.approvalRequests()).isGreaterThanOrEqualTo(1);
        assertThat(count("approval_request", refused)).isZero();
        assertThat(count("delivery", refused)).isZero();
        assertThat(count("approval_request", recent)).isEqualTo(1);
        assertThat(count("delivery", recent)).isEqualTo(1);
    }

    /** A request as ApprovalRequests records it (its number is its messages' revision), with one message sent. */
    private void approvalRequest(UUID alertId, int seq, Instant receivedAt) {
        jdbc.sql("""
                insert into approval_request (alert_id, seq, kind, requested_at, event_id, received_at)
                values (:alertId, :seq, 'NEW_ALERT', :at, :eventId, :at)
                """)
                .param("alertId", alertId).param("seq", seq).param("at", Timestamp.from(receivedAt))
                .param("eventId", UUID.randomUUID()).update();
        jdbc.sql("""
                insert into delivery (id, alert_id, recipient_kind, recipient_id, channel, notice, revision, address,
                                      language, state)
                values (:id, :alertId, 'POLICE', :recipientId, 'SMS', 'APPROVAL_REQUESTED', :seq, '+32470123456', 'nl',
                        'DELIVERED')
                """)
                .param("id", UUID.randomUUID()).param("alertId", alertId).param("recipientId", UUID.randomUUID())
                .param("seq", seq).update();
    }

    private Instant daysAgo(int days) {
        return now.minus(Duration.ofDays(days));
    }

    private UUID alert(Instant issuedAt, Instant cancelledAt, Instant expiredAt) {
        UUID alertId = UUID.randomUUID();
        jdbc.sql("""
                insert into alert_notice (alert_id, case_id, level, child_first_name, child_age, last_seen_place,
                                          issued_at, expires_at, cancelled_at, expired_at, traceparent)
                values (:alertId, :caseId, 'TARGETED', 'Lena', 9, 'Ghent', :issuedAt, :expiresAt, :cancelledAt,
                        :expiredAt, '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01')
                """)
                .param("alertId", alertId).param("caseId", UUID.randomUUID())
                .param("issuedAt", Timestamp.from(issuedAt))
                .param("expiresAt", Timestamp.from(issuedAt.plus(Duration.ofHours(12))))
                .param("cancelledAt", cancelledAt == null ? null : Timestamp.from(cancelledAt))
                .param("expiredAt", expiredAt == null ? null : Timestamp.from(expiredAt))
                .update();
        return alertId;
    }

    private void delivery(UUID alertId, String channel, String notice, String state) {
        jdbc.sql("""
                insert into delivery (id, alert_id, recipient_kind, recipient_id, channel, notice, address, language,
                                      state, next_attempt_at)
                values (:id, :alertId, 'VOLUNTEER', :recipientId, :channel, :notice, :address, 'en', :state,
                        now() + interval '1 hour')
                """)
                .param("id", UUID.randomUUID()).param("alertId", alertId).param("recipientId", UUID.randomUUID())
                .param("channel", channel).param("notice", notice).param("state", state)
                .param("address", "SMS".equals(channel) ? "+3247" + (10_000_000 + (int) (Math.random() * 89_999_999))
                        : UUID.randomUUID() + "@example.org")
                .update();
    }

    private void reply(UUID alertId) {
        jdbc.sql("""
                insert into reply (id, alert_id, recipient_kind, recipient_id, phone, kind, text, language, message_sid)
                values (:id, :alertId, 'VOLUNTEER', :recipientId, '+32470000000', 'SIGHTING', 'Seen near the station',
                        'en', :sid)
                """)
                .param("id", UUID.randomUUID()).param("alertId", alertId).param("recipientId", UUID.randomUUID())
                .param("sid", "SM" + UUID.randomUUID().toString().replace("-", ""))
                .update();
    }

    private void zone(UUID alertId) {
        jdbc.sql("insert into police_zone_alert (alert_id, zone_code, zone_name) values (:alertId, '5339', 'Ghent')")
                .param("alertId", alertId).update();
    }

    /** A fan-out job; an open one is leased to a worker that is not this service's, for an hour. */
    private UUID fanOut(UUID alertId, String state, Instant finishedAt) {
        UUID id = UUID.randomUUID();
        boolean open = finishedAt == null;
        jdbc.sql("""
                insert into fanout_job (id, alert_id, notice, level, latitude, longitude, radius_km, state,
                                        lease_owner, lease_until, finished_at)
                values (:id, :alertId, 'ISSUED', 'TARGETED', 51.05, 3.72, 10, :state, :owner,
                        case when :open then now() + interval '1 hour' end, :finishedAt)
                """)
                .param("id", id).param("alertId", alertId).param("state", state)
                .param("owner", open ? UUID.randomUUID() : null).param("open", open)
                .param("finishedAt", finishedAt == null ? null : Timestamp.from(finishedAt))
                .update();
        return id;
    }

    private Map<String, Long> rowsOf(UUID alertId) {
        return Map.of(
                "delivery", count("delivery", alertId),
                "reply", count("reply", alertId),
                "police_zone_alert", count("police_zone_alert", alertId),
                "fanout_job", count("fanout_job", alertId));
    }

    private long count(String table, UUID alertId) {
        return jdbc.sql("select count(*) from " + table + " where alert_id = :id").param("id", alertId)
                .query(Long.class).single();
    }

    private Map<String, Long> summary(UUID alertId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("select channel, notice, state, deliveries from alert_delivery_summary where alert_id = :id")
                .param("id", alertId)
                .query(rs -> {
                    counts.put(rs.getString("channel") + " " + rs.getString("notice") + " " + rs.getString("state"),
                            rs.getLong("deliveries"));
                });
        return counts;
    }
}
