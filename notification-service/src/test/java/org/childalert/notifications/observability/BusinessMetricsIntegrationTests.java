package org.childalert.notifications.observability;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.micrometer.core.instrument.MeterRegistry;
import org.childalert.notifications.FakeProviders;
import org.childalert.notifications.NotificationServiceTest;
import org.childalert.notifications.limits.SendLimitProperties;
import org.childalert.notifications.limits.SendLimits;
import org.childalert.notifications.sms.TwilioSmsSender;
import org.childalert.notifications.templates.SmsSegments;
import org.childalert.notifications.web.TooManyRequestsException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The business metrics of infra/observability/metrics.md, read from the service's MeterRegistry (what
 * /actuator/prometheus shows) after rows were written or messages sent: the queues, the SMS segments, the refusals.
 */
@NotificationServiceTest
class BusinessMetricsIntegrationTests {

    private static final String INBOUND = "http://localhost:8080/api/webhooks/twilio/inbound";

    @Autowired
    MeterRegistry meters;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    TwilioSmsSender sms;

    @Autowired
    MockMvc mvc;

    private final UUID alertId = UUID.randomUUID();

    @AfterEach
    void removeTheRows() {
        jdbc.sql("delete from delivery where alert_id = :alertId").param("alertId", alertId).update();
        jdbc.sql("delete from fanout_job where alert_id = :alertId").param("alertId", alertId).update();
        jdbc.sql("delete from alert_notice where alert_id = :alertId").param("alertId", alertId).update();
    }

    @Test
    void theDeliveriesWaitingPerChannelAndTheAgeOfTheOldest() {
        double smsBefore = gauge("childalert.deliveries.pending", "SMS");
        double emailBefore = gauge("childalert.deliveries.pending", "EMAIL");
        anAlert();
        queued("SMS", "PENDING", "40 days");
        queued("SMS", "SENDING", "1 minute");
        queued("EMAIL", "PENDING", "2 minutes");

        // the gauges read a snapshot at most a few seconds old
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(gauge("childalert.deliveries.pending", "SMS")).isEqualTo(smsBefore + 2);
            assertThat(gauge("childalert.deliveries.pending", "EMAIL")).isEqualTo(emailBefore + 1);
        });
        assertThat(gauge("childalert.deliveries.oldest.pending.age", "SMS"))
                .isBetween(40 * 86400.0, 40 * 86400.0 + 120);
        assertThat(gauge("childalert.deliveries.oldest.pending.age", "EMAIL")).isGreaterThanOrEqualTo(120.0);
    }

    @Test
    void theUnfinishedFanOutJobsAndTheAgeOfTheOldest() {
        double before = meters.get("childalert.fanout.jobs.unfinished").gauge().value();
        anAlert();
        fanOutJob("RUNNING", "30 days");
        fanOutJob("DONE", "31 days");

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(meters.get("childalert.fanout.jobs.unfinished").gauge().value()).isEqualTo(before + 1));
        assertThat(meters.get("childalert.fanout.oldest.job.age").gauge().value())
                .isBetween(30 * 86400.0, 30 * 86400.0 + 120);
    }

    @Test
    void theSmsSegmentsHandedToTwilioPerKind() throws Exception {
        double alerts = segments("alert");
        double verifications = segments("verification");
        double replies = segments("reply");
        String longAlert = "CHILD ALERT: ".repeat(20);

        sms.send(aBelgianNumber(), longAlert);
        sms.send(aBelgianNumber(), "CHILD ALERT: your confirmation code is 123456.", SmsSegmentCounter.Kind.VERIFICATION);
        Map<String, String> help = Map.of("From", aBelgianNumber(), "Body", "HELP", "MessageSid", "SM" + UUID.randomUUID());
        var request = post("/api/webhooks/twilio/inbound").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .header("X-Twilio-Signature", sign(help));
        help.forEach(request::param);
        mvc.perform(request).andExpect(status().isOk());

        assertThat(SmsSegments.count(longAlert)).isGreaterThan(1);
        assertThat(segments("alert")).isEqualTo(alerts + SmsSegments.count(longAlert));
        assertThat(segments("verification")).isEqualTo(verifications + 1);
        assertThat(segments("reply")).isEqualTo(replies + 1);
    }

    @Test
    void eachRefusalCountsUnderTheLimitThatRefused() {
        double overall = refusals("overall");
        double number = refusals("number");
        // limits of its own (1 per number, 1 overall) in a year of its own, counting into the service's registry
        SendLimits limits = new SendLimits(jdbc, new SendLimitProperties(Duration.ofHours(1), 1, 5, 5, 1,
                "test-limits-hash-key-of-the-test-profile"),
                Clock.fixed(Instant.parse("2300-01-01T00:00:00Z").plusSeconds(ThreadLocalRandom.current().nextInt(1_000_000_000)),
                        ZoneOffset.UTC), meters);
        String once = aBelgianNumber();
        transactions.executeWithoutResult(tx -> {
            tx.setRollbackOnly();
            limits.take(SendLimits.Action.VERIFICATION_SMS, once, new SendLimits.Requester(null, null));
            assertThatThrownBy(() -> limits.take(SendLimits.Action.VERIFICATION_SMS, once, new SendLimits.Requester(null, null)))
                    .isInstanceOf(TooManyRequestsException.class);
            assertThatThrownBy(() -> limits.take(SendLimits.Action.VERIFICATION_SMS, aBelgianNumber(),
                    new SendLimits.Requester(null, null)))
                    .isInstanceOf(TooManyRequestsException.class);
        });

        assertThat(refusals("number")).isEqualTo(number + 1);
        assertThat(refusals("overall")).isEqualTo(overall + 1);
    }

    private double gauge(String name, String channel) {
        return meters.get(name).tag("channel", channel).gauge().value();
    }

    private double segments(String kind) {
        return meters.get("childalert.sms.segments").tag("kind", kind).counter().count();
    }

    private double refusals(String limit) {
        return meters.get("childalert.send.limit.refusals").tag("limit", limit).counter().count();
    }

    private void anAlert() {
        jdbc.sql("""
                insert into alert_notice (alert_id, case_id, level, child_first_name, child_age, issued_at)
                values (:alertId, :caseId, 'TARGETED', 'Test', 8, now())
                """).param("alertId", alertId).param("caseId", UUID.randomUUID()).update();
    }

    /** A delivery queued {@code ago}, not due for a day (no dispatcher takes it meanwhile). */
    private void queued(String channel, String state, String ago) {
        jdbc.sql("""
                insert into delivery (id, alert_id, recipient_kind, recipient_id, channel, notice, address, language, state,
                                      created_at, updated_at, next_attempt_at)
                values (:id, :alertId, 'VOLUNTEER', :recipient, :channel, 'ISSUED', cast(:recipient as text), 'en', :state,
                        now() - cast(:ago as interval), now(), now() + interval '1 day')
                """)
                .param("id", UUID.randomUUID()).param("alertId", alertId).param("recipient", UUID.randomUUID())
                .param("channel", channel).param("state", state).param("ago", ago).update();
    }

    /** A fan-out job created {@code ago}, its lease held for an hour by a worker of no instance. */
    private void fanOutJob(String state, String ago) {
        jdbc.sql("""
                insert into fanout_job (id, alert_id, notice, level, latitude, longitude, radius_km, state, lease_owner,
                                        lease_until, attempts, queued, created_at)
                values (:id, :alertId, 'ISSUED', 'TARGETED', 50.8, 4.3, 10, :state, :owner, now() + interval '1 hour', 1, 0,
                        now() - cast(:ago as interval))
                """)
                .param("id", UUID.randomUUID()).param("alertId", alertId).param("state", state)
                .param("owner", UUID.randomUUID()).param("ago", ago).update();
    }

    private static String aBelgianNumber() {
        return "+32470" + (100000 + ThreadLocalRandom.current().nextInt(900000));
    }

    /** As Twilio signs: HMAC-SHA1 with the auth token over the URL and each parameter name and value, sorted. */
    private static String sign(Map<String, String> form) throws Exception {
        StringBuilder data = new StringBuilder(INBOUND);
        new TreeMap<>(form).forEach((name, value) -> data.append(name).append(value));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(FakeProviders.AUTH_TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
