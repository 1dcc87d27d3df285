package org.childalert.e2e;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The promise of the platform, end to end, through the gateway with real Keycloak tokens: a coordinator opens
 * a case and asks for an alert, a second police officer approves it, SMS and email reach the police zone and
 * the volunteers near the last-seen place (and not those far away); when the child is found, everyone reached
 * is told.
 */
class AlertFlowEndToEndTests {

    /** Brussels-North station. */
    private static final double LAT = 50.8603;
    private static final double LON = 4.3620;

    @BeforeAll
    static void startTheStack() throws Exception {
        Stack.up();
    }

    @Test
    void anApprovedAlertReachesPoliceAndNearbyVolunteersAndTheFoundNoticeFollows() throws Exception {
        Api admin = Api.as("admin");
        Api alice = Api.as("alice");
        Api bob = Api.as("bob");

        String policePhone = uniqueMobile();
        String policeEmail = "zone-north-" + System.nanoTime() + "@police.example";
        Api.Response police = admin.post("/api/police-contacts", """
                {"name":"Dispatch Brussels North","unit":"Zone 5344 Polbru","phone":"%s","email":"%s",
                 "language":"fr","channels":["SMS","EMAIL"],
                 "zone":{"latitude":50.866,"longitude":4.37,"radiusKm":8}}
                """.formatted(policePhone, policeEmail));
        assertThat(police.status()).as(police.toString()).isEqualTo(201);
        String zonePhone = PoliceZone5339.contactOnDuty(admin);

        String nearPhone = uniqueMobile();
        String nearEmail = "near-" + System.nanoTime() + "@volunteer.example";
        // 3 km north of the station
        Api.Response near = admin.post("/api/volunteers", volunteer("Near Volunteer", nearPhone, nearEmail, "nl",
                LAT + 0.027, LON));
        assertThat(near.status()).as(near.toString()).isEqualTo(201);
        String farPhone = uniqueMobile();
        String farEmail = "far-" + System.nanoTime() + "@volunteer.example";
        // about 40 km west, near Aalst/Ghent
        Api.Response far = admin.post("/api/volunteers", volunteer("Far Volunteer", farPhone, farEmail, "nl",
                LAT, LON - 0.568));
        assertThat(far.status()).as(far.toString()).isEqualTo(201);

        String caseJson = """
                {"child":{"firstName":"Lina","lastName":"E2E-%d","dateOfBirth":"2014-05-01"},
                 "category":"CRIMINAL_ABDUCTION",
                 "lastSeen":{"at":"%s","latitude":%s,"longitude":%s,"place":"Brussels-North station"},
                 "description":"Red jacket, blue backpack, 1m40"}
                """.formatted(System.nanoTime(), Instant.now().minus(1, ChronoUnit.HOURS), LAT, LON);

        Api.Response forbidden = Api.as("carol").post("/api/cases", caseJson);
        assertThat(forbidden.status()).as(forbidden.toString()).isEqualTo(403);
        assertThat(forbidden.contentType()).contains("application/problem+json");
        assertThat(Api.anonymous().post("/api/cases", caseJson).status()).isEqualTo(401);

        Api.Response opened = alice.post("/api/cases", caseJson);
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String caseId = opened.text("id");

        // before police are asked: how many the alert would reach, per channel and language, from the resolver that
        // will send it, and each language's messages as they will read (with the SMS's segments)
        String estimateJson = """
                {"area":{"latitude":%s,"longitude":%s,"radiusKm":10},"level":"TARGETED",
                 "notice":{"childFirstName":"Lina","childAge":12,"description":"Red jacket, blue backpack, 1m40",
                           "lastSeenPlace":"Brussels-North station","lastSeenAt":"%s"}}
                """.formatted(LAT, LON, Instant.now().minus(1, ChronoUnit.HOURS));
        Api.Response estimate = alice.post("/api/reach-estimates", estimateJson);
        assertThat(estimate.status()).as(estimate.toString()).isEqualTo(200);
        assertThat(estimate.json().get("recipients").get("VOLUNTEER").get("SMS").get("nl").asLong())
                .as("the near volunteer among those the alert would text in Dutch").isPositive();
        assertThat(estimate.json().get("recipients").get("POLICE").get("SMS").get("nl").asLong())
                .as("zone 5339's duty contact").isPositive();
        assertThat(estimate.json().get("previews")).anySatisfy(preview -> {
            assertThat(preview.get("language").asText()).isEqualTo("nl");
            assertThat(preview.get("sms").get("text").asText()).contains("Lina");
            assertThat(preview.get("sms").get("segments").asInt()).isPositive();
        });
        assertThat(Api.as("carol").post("/api/reach-estimates", estimateJson).status()).isEqualTo(403);
        assertThat(TwilioFake.messagesTo(nearPhone)).as("an estimate tells nobody").isEmpty();

        Api.Response escalated = alice.post("/api/cases/" + caseId + "/escalations", """
                {"level":"TARGETED","radiusKm":10,
                 "criteria":{"underEighteen":true,"lifeInDanger":true,"likelyInCountry":true,"enoughInformation":true}}
                """);
        assertThat(escalated.status()).as(escalated.toString()).isEqualTo(201);
        String alertId = escalated.text("alertId");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(alice.get("/api/alerts/" + alertId).text("status")).isEqualTo("PENDING_APPROVAL"));

        // the police on duty where the alert would go are told that an approval waits, with the console's approvals
        // page and nothing about the child; the public hears nothing yet
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(TwilioFake.messagesTo(policePhone)).singleElement().extracting(TwilioFake.Sms::body)
                    .asString().contains("/approvals").doesNotContain("Lina");
            assertThat(TwilioFake.messagesTo(zonePhone)).singleElement().extracting(TwilioFake.Sms::body)
                    .asString().contains("/approvals").doesNotContain("Lina");
            assertThat(MailFake.inbox(policeEmail)).singleElement().extracting(MailFake.Mail::subject)
                    .asString().doesNotContain("Lina");
        });
        assertThat(TwilioFake.messagesTo(nearPhone)).isEmpty();
        assertThat(MailFake.inbox(nearEmail)).isEmpty();

        Api.Response ownApproval = alice.post("/api/alerts/" + alertId + "/approval", "{}");
        assertThat(ownApproval.status()).as("a coordinator cannot approve: " + ownApproval).isEqualTo(403);

        Instant approvedAt = Instant.now();
        Api.Response approved = bob.post("/api/alerts/" + alertId + "/approval", "{}");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.text("status")).isEqualTo("ACTIVE");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(TwilioFake.messagesTo(policePhone)).hasSize(2);
            assertThat(TwilioFake.messagesTo(nearPhone)).hasSize(1);
            assertThat(MailFake.inbox(policeEmail)).hasSize(2);
            assertThat(MailFake.inbox(nearEmail)).hasSize(1);
        });
        Duration firstReach = Duration.between(approvedAt, Instant.now());
        assertThat(TwilioFake.messagesTo(nearPhone).get(0).body()).contains("Lina");
        assertThat(MailFake.inbox(nearEmail).get(0).listUnsubscribe()).isNotBlank();
        assertThat(TwilioFake.messagesTo(farPhone)).isEmpty();
        assertThat(MailFake.inbox(farEmail)).isEmpty();
        System.out.println("Approval to SMS and email at the fakes: within " + firstReach.toMillis() + " ms");

        // other people registered near the station (by other tests) are reached too: look at ours
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Api.Response deliveries = alice.get("/api/alerts/" + alertId + "/deliveries");
            assertThat(deliveries.status()).as(deliveries.toString()).isEqualTo(200);
            List<String> reached = new java.util.ArrayList<>();
            for (tools.jackson.databind.JsonNode delivery : deliveries.json().get("deliveries")) {
                reached.add(delivery.get("recipientId").asText() + "/" + delivery.get("channel").asText() + "/"
                        + delivery.get("state").asText());
            }
            // the local Twilio fake confirms each SMS with signed status callbacks (queued, sent, delivered);
            // email has no delivery receipt and stays accepted
            assertThat(reached).contains(police.text("id") + "/SMS/DELIVERED", police.text("id") + "/EMAIL/ACCEPTED",
                    near.text("id") + "/SMS/DELIVERED", near.text("id") + "/EMAIL/ACCEPTED");
            assertThat(reached).noneMatch(entry -> entry.startsWith(far.text("id")));
        });

        // police zone 5339 was reached: alert-service waits for its acknowledgement
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(TwilioFake.messagesTo(zonePhone)).hasSize(2);
            assertThat(zoneStatus(alice, alertId)).isEqualTo("WAITING");
        });

        // a volunteer answers the alert SMS with a sighting; the coordinator reads it with the sender's number
        Api.Response sightingAnswer = TwilioWebhooks.incomingSms(nearPhone, "WAARNEMING rode jas aan het Noordstation");
        assertThat(sightingAnswer.status()).as(sightingAnswer.toString()).isEqualTo(200);
        assertThat(sightingAnswer.contentType()).contains("xml");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Api.Response replies = alice.get("/api/alerts/" + alertId + "/replies");
            assertThat(replies.status()).as(replies.toString()).isEqualTo(200);
            assertThat(replies.json().get("replies")).anySatisfy(reply -> {
                assertThat(reply.get("kind").asText()).isEqualTo("SIGHTING");
                assertThat(reply.get("text").asText()).contains("rode jas");
                assertThat(reply.get("phone").asText()).isEqualTo(nearPhone);
            });
        });
        assertThat(Api.as("carol").get("/api/alerts/" + alertId + "/replies").status()).isEqualTo(403);
        Api.Response forged = TwilioWebhooks.incomingSmsWithBadSignature(nearPhone, "STOP");
        assertThat(forged.status()).as("an unsigned webhook: " + forged).isEqualTo(403);

        // the zone's officer acknowledges by answering ACK: the acknowledgement reaches alert-service
        Api.Response ackAnswer = TwilioWebhooks.incomingSms(zonePhone, "ACK");
        assertThat(ackAnswer.status()).as(ackAnswer.toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(zoneStatus(alice, alertId)).isEqualTo("ACKNOWLEDGED"));

        Api.Response report = alice.get("/api/alerts/" + alertId + "/report");
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        assertThat(report.json().get("total").asInt()).isGreaterThanOrEqualTo(6);
        assertThat(report.json().get("byChannel").get("SMS").get("PENDING").asInt()).isZero();

        Api.Response cancelled = alice.post("/api/alerts/" + alertId + "/cancellation", "{\"reason\":\"FOUND_SAFE\"}");
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(TwilioFake.messagesTo(policePhone)).hasSize(3);
            assertThat(TwilioFake.messagesTo(nearPhone)).hasSize(2);
            assertThat(MailFake.inbox(policeEmail)).hasSize(3);
            assertThat(MailFake.inbox(nearEmail)).hasSize(2);
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(TwilioFake.messagesTo(zonePhone)).hasSize(3));
        List<TwilioFake.Sms> nearSms = TwilioFake.messagesTo(nearPhone);
        assertThat(nearSms).extracting(TwilioFake.Sms::body).doesNotHaveDuplicates();
        assertThat(TwilioFake.messagesTo(farPhone)).isEmpty();
        assertThat(alice.get("/api/alerts/" + alertId).text("status")).isEqualTo("CANCELLED");
    }

    /** The acknowledgement status of police zone 5339 for the alert, as alert-service shows it. */
    private static String zoneStatus(Api api, String alertId) throws Exception {
        Api.Response zones = api.get("/api/alerts/" + alertId + "/acknowledgements");
        assertThat(zones.status()).as(zones.toString()).isEqualTo(200);
        for (tools.jackson.databind.JsonNode zone : zones.json()) {
            if (PoliceZone5339.CODE.equals(zone.get("zoneId").asText())) {
                return zone.get("status").asText();
            }
        }
        return "NOT REACHED";
    }

    /** Registered by an administrator who attests that the person confirmed their phone and mailbox. */
    private static String volunteer(String name, String phone, String email, String language, double lat, double lon) {
        return """
                {"name":"%s","phone":"%s","email":"%s","language":"%s","channels":["SMS","EMAIL"],
                 "home":{"latitude":%s,"longitude":%s},"radiusKm":5,"consent":true,"verifiedBy":"admin"}
                """.formatted(name, phone, email, language, lat, lon);
    }

    /** A valid Belgian mobile number nobody else in the test data has. */
    private static String uniqueMobile() {
        return "+32470" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    }
}
