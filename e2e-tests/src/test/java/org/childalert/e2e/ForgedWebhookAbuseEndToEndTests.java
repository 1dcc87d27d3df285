package org.childalert.e2e;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Finding 6 (Medium): forged webhooks. A police "ACK" SMS or a delivery callback without Twilio's signature is
 * refused and changes nothing; an unsubscribe link that is forged, or that carries no expiry (unsubscribe tokens
 * never expired), is refused and opts nobody out. (That a service refuses to start outside the dev profile with a
 * committed secret is tested in the services themselves.)
 */
class ForgedWebhookAbuseEndToEndTests {

    /** The dev profile's documented unsubscribe key (notification-service application.yml). */
    private static final String DEV_UNSUBSCRIBE_SECRET = "dev-unsubscribe-secret-not-for-production";

    @BeforeAll
    static void startTheStack() throws Exception {
        Stack.up();
    }

    @Test
    void aForgedAckSmsIsRefusedAndTheZoneStaysWaiting() throws Exception {
        Api admin = Api.as("admin");
        Api alice = Api.as("alice");
        String zonePhone = PoliceZone5339.contactOnDuty(admin);
        String alertId = Scenarios.activeAlert(alice, Api.as("bob"), Scenarios.BRUSSELS_LAT, Scenarios.BRUSSELS_LON,
                "Brussels-Central", 3);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(zoneStatus(alice, alertId)).isEqualTo("WAITING"));

        Api.Response forged = TwilioWebhooks.incomingSmsWithBadSignature(zonePhone, "ACK");
        assertThat(forged.status()).as(forged.toString()).isEqualTo(403);
        // and it stays so: the forged ACK changed nothing
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(zoneStatus(alice, alertId)).isEqualTo("WAITING"));
    }

    @Test
    void aDeliveryCallbackWithoutAValidSignatureIsRefused() throws Exception {
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        assertThat(TwilioWebhooks.statusCallback(sid, "delivered", "not-our-auth-token").status()).isEqualTo(403);
        assertThat(TwilioWebhooks.statusCallback(sid, "failed", null).status()).isEqualTo(403);
    }

    @Test
    void aForgedUnsubscribeLinkIsRefusedAndOptsNobodyOut() throws Exception {
        Api admin = Api.as("admin");
        String id = Scenarios.verifiedVolunteer(admin, Scenarios.uniqueMobile(), Scenarios.uniqueEmail("unsub"),
                50.40, 4.10).text("id");
        Api.Response forged = unsubscribe(legacyToken("VOLUNTEER", id, "someone-guessed-this-key"));
        assertThat(forged.status()).as(forged.toString()).isBetween(400, 499);
        assertThat(emailOptedOut(admin, id)).isFalse();
    }

    @Test
    void anUnsubscribeLinkThatNeverExpiresIsRefused() throws Exception {
        Api admin = Api.as("admin");
        String id = Scenarios.verifiedVolunteer(admin, Scenarios.uniqueMobile(), Scenarios.uniqueEmail("unsub"),
                50.40, 4.10).text("id");
        // today's format, kind.id.signature, signed with the dev key: it carries no expiry, so it must not work
        Api.Response forever = unsubscribe(legacyToken("VOLUNTEER", id, DEV_UNSUBSCRIBE_SECRET));
        assertThat(forever.status()).as("a token without expiry: " + forever).isBetween(400, 499);
        assertThat(emailOptedOut(admin, id)).isFalse();
    }

    private static Api.Response unsubscribe(String token) throws Exception {
        return Api.anonymous().send("POST", "/api/webhooks/email/unsubscribe",
                "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8), "application/x-www-form-urlencoded",
                "Accept", "text/plain, application/problem+json");
    }

    private static boolean emailOptedOut(Api admin, String volunteerId) throws Exception {
        JsonNode volunteer = admin.get("/api/volunteers/" + volunteerId).json();
        for (JsonNode channel : volunteer.get("channels")) {
            if ("EMAIL".equals(channel.get("channel").asText())) {
                return !channel.path("optedOutAt").isNull() && !channel.path("optedOutAt").isMissingNode();
            }
        }
        throw new AssertionError("no EMAIL channel in " + volunteer);
    }

    private static String legacyToken(String kind, String id, String secret) throws Exception {
        String subject = kind + "." + id;
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return subject + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(subject.getBytes(StandardCharsets.UTF_8)));
    }

    static String zoneStatus(Api api, String alertId) throws Exception {
        Api.Response zones = api.get("/api/alerts/" + alertId + "/acknowledgements");
        assertThat(zones.status()).as(zones.toString()).isEqualTo(200);
        for (JsonNode zone : zones.json()) {
            if (PoliceZone5339.CODE.equals(zone.get("zoneId").asText())) {
                return zone.get("status").asText();
            }
        }
        return "NOT REACHED";
    }
}
