package org.childalert.notifications.dispatch;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.StringValuePattern;
import org.childalert.notifications.FakeProviders;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * Test data for the delivery engine, written straight into the queue as the fan-out would: an alert's notice,
 * deliveries due now, volunteers with verified channels. And Twilio's answers for chosen numbers.
 */
public final class QueuedDeliveries {

    private final JdbcClient jdbc;

    public QueuedDeliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public UUID alert(String description) {
        UUID alertId = UUID.randomUUID();
        jdbc.sql("""
                insert into alert_notice (alert_id, case_id, level, child_first_name, child_age, description, issued_at,
                                          expires_at)
                values (:alertId, :caseId, 'TARGETED', 'Lena', 9, :description, now(), now() + interval '6 hours')
                """).param("alertId", alertId).param("caseId", UUID.randomUUID()).param("description", description).update();
        return alertId;
    }

    /** A volunteer with both channels verified; {@code emailOptedOut} if they unsubscribed from emails. */
    public UUID volunteer(String phone, String email, boolean emailOptedOut) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into volunteer (id, name, phone, email, language, home_latitude, home_longitude, radius_km,
                                       unsubscribe_token, registered_by)
                values (:id, 'Test volunteer', :phone, :email, 'en', 50.85, 4.35, 5, :token, 'test')
                """).param("id", id).param("phone", phone).param("email", email).param("token", UUID.randomUUID().toString())
                .update();
        jdbc.sql("""
                insert into volunteer_channel (volunteer_id, channel, verified_at, opted_out_at)
                values (:id, 'SMS', now(), null), (:id, 'EMAIL', now(), case when :optedOut then now() end)
                """).param("id", id).param("optedOut", emailOptedOut).update();
        return id;
    }

    public UUID sms(UUID alertId, String phone) {
        return delivery(alertId, UUID.randomUUID(), "SMS", phone, "PENDING", null);
    }

    public UUID sms(UUID alertId, UUID volunteerId, String phone) {
        return delivery(alertId, volunteerId, "SMS", phone, "PENDING", null);
    }

    /** A delivery in any state, as the engine would have left it. */
    public UUID delivery(UUID alertId, UUID recipientId, String channel, String address, String state, String providerMessageId) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into delivery (id, alert_id, recipient_kind, recipient_id, channel, notice, address, language,
                                      state, provider_message_id, accepted_at)
                values (:id, :alertId, 'VOLUNTEER', :recipientId, :channel, 'ISSUED', :address, 'en', :state, :providerId,
                        case when :state in ('ACCEPTED', 'DELIVERED', 'UNDELIVERED') then now() end)
                """)
                .param("id", id).param("alertId", alertId).param("recipientId", recipientId).param("channel", channel)
                .param("address", address).param("state", state).param("providerId", providerMessageId)
                .update();
        return id;
    }

    public String state(UUID delivery) {
        return jdbc.sql("select state from delivery where id = :id").param("id", delivery).query(String.class).single();
    }

    public int attempts(UUID delivery) {
        return jdbc.sql("select attempts from delivery where id = :id").param("id", delivery).query(Integer.class).single();
    }

    public String errorCode(UUID delivery) {
        return jdbc.sql("select error_code from delivery where id = :id").param("id", delivery).query(String.class).optional()
                .orElse(null);
    }

    public boolean optedOut(UUID volunteerId, String channel) {
        return jdbc.sql("select opted_out_at is not null from volunteer_channel where volunteer_id = :id and channel = :channel")
                .param("id", volunteerId).param("channel", channel).query(Boolean.class).single();
    }

    public static String randomMobile(String prefix) {
        return prefix + (100000 + ThreadLocalRandom.current().nextInt(900000));
    }

    /** Twilio's answer to messages whose To matches, ahead of the fake's default 201. */
    public static MappingBuilder twilioAnswer(StringValuePattern to, ResponseDefinitionBuilder answer) {
        return post(urlEqualTo(FakeProviders.MESSAGES_PATH)).atPriority(1).withFormParam("To", to).willReturn(answer);
    }

    /** Twilio's error body, as its REST API answers. */
    public static ResponseDefinitionBuilder twilioError(int status, int code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("""
                        {"code": %d, "message": "%s", "more_info": "https://www.twilio.com/docs/errors/%d", "status": %d}
                        """.formatted(code, message, code, status));
    }
}
