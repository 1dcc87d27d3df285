package org.childalert.notifications.dispatch;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.mail.Message.RecipientType;
import org.childalert.notifications.FakeProviders;
import org.childalert.notifications.NotificationServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.childalert.notifications.dispatch.QueuedDeliveries.randomMobile;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Twilio's status callbacks, signed exactly as Twilio signs them, over the public URL we gave Twilio. */
@NotificationServiceTest
class TwilioStatusCallbackIntegrationTests {

    private static final String CALLBACK_URL = "http://localhost:8080/api/webhooks/twilio/status";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void sentIsStillOnlyAcceptedAndDeliveredMakesTheDeliveryDeliveredWithoutAnEventPerRecipient() throws Exception {
        QueuedDeliveries queue = new QueuedDeliveries(jdbc);
        String sid = messageSid();
        UUID delivery = queue.delivery(queue.alert("Red cap."), UUID.randomUUID(), "SMS", randomMobile("+32477"), "ACCEPTED", sid);

        // a carrier took the message: not yet a delivery receipt
        callback(sid, "sent", null).andExpect(status().isOk());
        assertThat(queue.state(delivery)).isEqualTo("ACCEPTED");
        assertThat(providerStatus(delivery)).isEqualTo("sent");
        assertThat(deliveredAt(delivery)).isFalse();
        assertThat(eventsAbout(delivery)).isZero();

        callback(sid, "delivered", null).andExpect(status().isOk());
        assertThat(deliveredAt(delivery)).isTrue();

        assertThat(queue.state(delivery)).isEqualTo("DELIVERED");
        assertThat(providerStatus(delivery)).isEqualTo("delivered");
        assertThat(eventsAbout(delivery)).isZero();
    }

    @Test
    void aLateCallbackNeverMovesADeliveryBackwards() throws Exception {
        QueuedDeliveries queue = new QueuedDeliveries(jdbc);
        String sid = messageSid();
        UUID delivery = queue.delivery(queue.alert("Red cap."), UUID.randomUUID(), "SMS", randomMobile("+32477"), "ACCEPTED", sid);

        callback(sid, "delivered", null).andExpect(status().isOk());
        callback(sid, "sent", null).andExpect(status().isOk());
        callback(sid, "queued", null).andExpect(status().isOk());
        callback(sid, "undelivered", "30003").andExpect(status().isOk());

        assertThat(queue.state(delivery)).isEqualTo("DELIVERED");
        assertThat(providerStatus(delivery)).isEqualTo("delivered");
        assertThat(queue.errorCode(delivery)).isNull();
        assertThat(eventsAbout(delivery)).isZero();
    }

    @Test
    void aBadSignatureIsRefusedAndChangesNothing() throws Exception {
        QueuedDeliveries queue = new QueuedDeliveries(jdbc);
        String sid = messageSid();
        UUID delivery = queue.delivery(queue.alert("Red cap."), UUID.randomUUID(), "SMS", randomMobile("+32477"), "ACCEPTED", sid);
        Map<String, String> form = form(sid, "delivered", null);
        String signedForOtherValues = sign(CALLBACK_URL, form(sid, "queued", null));

        mvc.perform(request(form, signedForOtherValues))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("X-Twilio-Signature")));
        mvc.perform(request(form, null)).andExpect(status().isForbidden());
        // signed over another URL than the one we gave Twilio
        mvc.perform(request(form, sign("http://localhost:8083/api/webhooks/twilio/status", form))).andExpect(status().isForbidden());

        assertThat(queue.state(delivery)).isEqualTo("ACCEPTED");
        assertThat(eventsAbout(delivery)).isZero();
    }

    @Test
    void anUnknownMessageIsAcknowledgedAndIgnored() throws Exception {
        long deliveredBefore = jdbc.sql("select count(*) from delivery where state = 'DELIVERED'").query(Long.class).single();

        callback(messageSid(), "delivered", null).andExpect(status().isOk());

        assertThat(jdbc.sql("select count(*) from delivery where state = 'DELIVERED'").query(Long.class).single())
                .isEqualTo(deliveredBefore);
    }

    @Test
    void undeliveredToAnUnknownNumberOptsTheNumberOutAndSendsTheNoticeByEmail() throws Exception {
        QueuedDeliveries queue = new QueuedDeliveries(jdbc);
        String phone = randomMobile("+32478");
        String email = "undelivered-" + UUID.randomUUID() + "@example.org";
        UUID volunteer = queue.volunteer(phone, email, false);
        UUID alertId = queue.alert("Red cap.");
        String sid = messageSid();
        UUID delivery = queue.delivery(alertId, volunteer, "SMS", phone, "ACCEPTED", sid);

        callback(sid, "undelivered", "30005").andExpect(status().isOk());

        assertThat(queue.state(delivery)).isEqualTo("UNDELIVERED");
        assertThat(queue.errorCode(delivery)).isEqualTo("30005");
        assertThat(queue.optedOut(volunteer, "SMS")).isTrue();
        assertThat(jdbc.sql("""
                select count(*) from outbox_event where type_name = 'notifications.NotificationFailed.v1'
                  and payload ->> 'deliveryId' = :id and payload ->> 'errorCode' = '30005'
                """).param("id", delivery.toString()).query(Long.class).single()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(15)).until(() -> Arrays.stream(FakeProviders.smtp().getReceivedMessages())
                .anyMatch(message -> {
                    try {
                        return Arrays.stream(message.getRecipients(RecipientType.TO)).anyMatch(to -> to.toString().equals(email));
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                }));
    }

    @Test
    void aCallbackWithoutMessageSidIsABadRequest() throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageStatus", "delivered");

        mvc.perform(request(form, sign(CALLBACK_URL, form)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    private org.springframework.test.web.servlet.ResultActions callback(String sid, String status, String errorCode) throws Exception {
        Map<String, String> form = form(sid, status, errorCode);
        return mvc.perform(request(form, sign(CALLBACK_URL, form)));
    }

    private static Map<String, String> form(String sid, String status, String errorCode) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", sid);
        form.put("SmsSid", sid);
        form.put("AccountSid", FakeProviders.ACCOUNT_SID);
        form.put("MessageStatus", status);
        form.put("SmsStatus", status);
        form.put("To", "+32470000000");
        if (errorCode != null) {
            form.put("ErrorCode", errorCode);
        }
        return form;
    }

    private static MockHttpServletRequestBuilder request(Map<String, String> form, String signature) {
        MockHttpServletRequestBuilder request = post("/api/webhooks/twilio/status")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED);
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        form.forEach(request::param);
        return request;
    }

    /** As Twilio signs: HMAC-SHA1 with the auth token over the URL and each parameter name and value, sorted. */
    private static String sign(String url, Map<String, String> form) throws Exception {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(form).forEach((name, value) -> data.append(name).append(value));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(FakeProviders.AUTH_TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static String messageSid() {
        return "SM" + UUID.randomUUID().toString().replace("-", "");
    }

    private boolean deliveredAt(UUID delivery) {
        return jdbc.sql("select delivered_at is not null from delivery where id = :id").param("id", delivery)
                .query(Boolean.class).single();
    }

    private String providerStatus(UUID delivery) {
        return jdbc.sql("select provider_status from delivery where id = :id").param("id", delivery).query(String.class).single();
    }

    /** Events naming this delivery: a receipt is recorded on its row only (DeliveryProgressed counts, per alert). */
    private long eventsAbout(UUID delivery) {
        return jdbc.sql("""
                select count(*) from outbox_event where payload ->> 'deliveryId' = :id
                """).param("id", delivery.toString()).query(Long.class).single();
    }
}
