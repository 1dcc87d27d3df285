package org.childalert.notifications.reports;

import java.util.UUID;

import org.childalert.notifications.Callers;
import org.childalert.notifications.NotificationServiceTest;
import org.childalert.notifications.dispatch.QueuedDeliveries;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** An alert's report: every state counted overall, per channel and per notice, and the per-minute timeline. */
@NotificationServiceTest
class AlertReportIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void countsEveryStatePerChannelAndNoticeWithZeroesAndAPerMinuteTimeline() throws Exception {
        UUID alertId = new QueuedDeliveries(jdbc).alert("Red cap.");
        row(alertId, "SMS", "ISSUED", "ACCEPTED", "2026-11-28T14:05:10Z", null, null);
        row(alertId, "SMS", "ISSUED", "DELIVERED", "2026-11-28T14:05:20Z", "2026-11-28T14:06:01Z", null);
        row(alertId, "SMS", "FOUND", "UNDELIVERED", "2026-11-28T14:05:40Z", null, "2026-11-28T14:07:00Z");
        row(alertId, "EMAIL", "ISSUED", "FAILED", null, null, "2026-11-28T14:05:30Z");
        row(alertId, "EMAIL", "ISSUED", "PENDING", null, null, null);

        mvc.perform(get("/api/alerts/" + alertId + "/report").with(Callers.alice()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.alertId").value(alertId.toString()))
                .andExpect(jsonPath("$.generatedAt").isString())
                .andExpect(jsonPath("$.total").value(5))
                .andExpect(jsonPath("$.byState.PENDING").value(1))
                .andExpect(jsonPath("$.byState.SENDING").value(0))
                .andExpect(jsonPath("$.byState.ACCEPTED").value(1))
                .andExpect(jsonPath("$.byState.DELIVERED").value(1))
                .andExpect(jsonPath("$.byState.UNDELIVERED").value(1))
                .andExpect(jsonPath("$.byState.FAILED").value(1))
                .andExpect(jsonPath("$.byChannel.SMS.ACCEPTED").value(1))
                .andExpect(jsonPath("$.byChannel.SMS.DELIVERED").value(1))
                .andExpect(jsonPath("$.byChannel.SMS.UNDELIVERED").value(1))
                .andExpect(jsonPath("$.byChannel.SMS.PENDING").value(0))
                .andExpect(jsonPath("$.byChannel.EMAIL.FAILED").value(1))
                .andExpect(jsonPath("$.byChannel.EMAIL.PENDING").value(1))
                .andExpect(jsonPath("$.byChannel.EMAIL.DELIVERED").value(0))
                .andExpect(jsonPath("$.byNotice.ISSUED.ACCEPTED").value(1))
                .andExpect(jsonPath("$.byNotice.ISSUED.PENDING").value(1))
                .andExpect(jsonPath("$.byNotice.FOUND.UNDELIVERED").value(1))
                .andExpect(jsonPath("$.byNotice.UPDATED.PENDING").value(0))
                .andExpect(jsonPath("$.byNotice.WIDENED.FAILED").value(0))
                .andExpect(jsonPath("$.timeline", hasSize(3)))
                .andExpect(jsonPath("$.timeline[0].minute").value("2026-11-28T14:05:00Z"))
                .andExpect(jsonPath("$.timeline[0].handedOver").value(3))
                .andExpect(jsonPath("$.timeline[0].delivered").value(0))
                .andExpect(jsonPath("$.timeline[0].failed").value(1))
                .andExpect(jsonPath("$.timeline[1].minute").value("2026-11-28T14:06:00Z"))
                .andExpect(jsonPath("$.timeline[1].delivered").value(1))
                .andExpect(jsonPath("$.timeline[2].minute").value("2026-11-28T14:07:00Z"))
                .andExpect(jsonPath("$.timeline[2].failed").value(1))
                .andExpect(jsonPath("$.timeline[2].handedOver").value(0));
    }

    @Test
    void theReportOfAnUnknownAlertIsNotFound() throws Exception {
        mvc.perform(get("/api/alerts/" + UUID.randomUUID() + "/report").with(Callers.bob()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void theLiveReportOfAnUnknownAlertIsNotFoundEvenForAnEventStreamClient() throws Exception {
        mvc.perform(get("/api/alerts/" + UUID.randomUUID() + "/report/stream").with(Callers.alice())
                        .accept(MediaType.TEXT_EVENT_STREAM))
                .andExpect(status().isNotFound());
    }

    @Test
    void volunteersMayNotReadReports() throws Exception {
        UUID alertId = new QueuedDeliveries(jdbc).alert("Red cap.");

        mvc.perform(get("/api/alerts/" + alertId + "/report").with(Callers.carol()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/alerts/" + alertId + "/report/stream").with(Callers.carol()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/alerts/" + alertId + "/report"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void theDeliveriesEndpointCountsTheNewStatesToo() throws Exception {
        UUID alertId = new QueuedDeliveries(jdbc).alert("Red cap.");
        row(alertId, "SMS", "ISSUED", "UNDELIVERED", "2026-11-28T14:05:40Z", null, "2026-11-28T14:07:00Z");

        mvc.perform(get("/api/alerts/" + alertId + "/deliveries").with(Callers.admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.counts.byState.UNDELIVERED").value(1))
                .andExpect(jsonPath("$.counts.byState.PENDING").value(0));
    }

    /** A delivery as the engine leaves it, with its times; a pending one is not due for an hour. */
    private void row(UUID alertId, String channel, String notice, String state, String acceptedAt, String deliveredAt,
                     String failedAt) {
        jdbc.sql("""
                insert into delivery (id, alert_id, recipient_kind, recipient_id, channel, notice, address, language,
                                      state, accepted_at, delivered_at, failed_at, next_attempt_at)
                values (:id, :alertId, 'VOLUNTEER', :recipientId, :channel, :notice, :address, 'en', :state,
                        cast(:acceptedAt as timestamptz), cast(:deliveredAt as timestamptz), cast(:failedAt as timestamptz),
                        now() + interval '1 hour')
                """)
                .param("id", UUID.randomUUID()).param("alertId", alertId).param("recipientId", UUID.randomUUID())
                .param("channel", channel).param("notice", notice)
                .param("address", "SMS".equals(channel) ? QueuedDeliveries.randomMobile("+32479") : UUID.randomUUID() + "@example.org")
                .param("state", state).param("acceptedAt", acceptedAt).param("deliveredAt", deliveredAt)
                .param("failedAt", failedAt)
                .update();
    }
}
