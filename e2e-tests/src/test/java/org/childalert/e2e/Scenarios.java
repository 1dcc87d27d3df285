package org.childalert.e2e;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The data the abuse tests need, made fresh by each test through the gateway (new names, new numbers, new
 * cases) so that tests never depend on each other and can run again on a used stack.
 */
final class Scenarios {

    /** Brussels-Central: inside police zone 5339 (postal code 1000). */
    static final double BRUSSELS_LAT = 50.8453;
    static final double BRUSSELS_LON = 4.3571;
    /** Liège-Guillemins: about 90 km from Brussels, outside zone 5339. */
    static final double LIEGE_LAT = 50.6244;
    static final double LIEGE_LON = 5.5668;

    private Scenarios() {
    }

    /** A case opened by the coordinator (alice); returns its id. */
    static String openCase(Api coordinator, String lastName, double lat, double lon, String place) throws Exception {
        Api.Response opened = coordinator.post("/api/cases", """
                {"child":{"firstName":"Abuse","lastName":"%s","dateOfBirth":"2015-03-01"},
                 "category":"CRIMINAL_ABDUCTION",
                 "lastSeen":{"at":"%s","latitude":%s,"longitude":%s,"place":"%s"},
                 "description":"Green coat, yellow cap"}
                """.formatted(lastName, Instant.now().minus(1, ChronoUnit.HOURS), lat, lon, place));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return opened.text("id");
    }

    /** The coordinator asks for a TARGETED alert of the given radius; returns the alert id once pending approval. */
    static String requestAlert(Api coordinator, String caseId, int radiusKm) throws Exception {
        Api.Response escalated = coordinator.post("/api/cases/" + caseId + "/escalations", """
                {"level":"TARGETED","radiusKm":%d,
                 "criteria":{"underEighteen":true,"lifeInDanger":true,"likelyInCountry":true,"enoughInformation":true}}
                """.formatted(radiusKm));
        assertThat(escalated.status()).as(escalated.toString()).isEqualTo(201);
        String alertId = escalated.text("alertId");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(coordinator.get("/api/alerts/" + alertId).text("status")).isEqualTo("PENDING_APPROVAL"));
        return alertId;
    }

    /** A case and its alert, approved by the given police officer: ACTIVE. */
    static String activeAlert(Api coordinator, Api approver, double lat, double lon, String place, int radiusKm)
            throws Exception {
        String caseId = openCase(coordinator, "Case-" + System.nanoTime(), lat, lon, place);
        String alertId = requestAlert(coordinator, caseId, radiusKm);
        Api.Response approved = approver.post("/api/alerts/" + alertId + "/approval", "{}");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.text("status")).isEqualTo("ACTIVE");
        return alertId;
    }

    /** A volunteer registered by the admin, attesting verified channels: reached by alerts near home. */
    static Api.Response verifiedVolunteer(Api admin, String phone, String email, double lat, double lon) throws Exception {
        Api.Response created = admin.post("/api/volunteers", """
                {"name":"Abuse Volunteer","phone":"%s","email":"%s","language":"en","channels":["SMS","EMAIL"],
                 "home":{"latitude":%s,"longitude":%s},"radiusKm":5,"consent":true,"verifiedBy":"admin"}
                """.formatted(phone, email, lat, lon));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created;
    }

    /** A volunteer signing up on one channel without attestation: a verification code or link is sent. */
    static Api.Response signUp(Api caller, String channel, String phone, String email) throws Exception {
        return caller.post("/api/volunteers", """
                {"name":"Pumped Volunteer",%s%s"language":"en","channels":["%s"],
                 "home":{"latitude":50.40,"longitude":4.10},"radiusKm":1,"consent":true}
                """.formatted(phone == null ? "" : "\"phone\":\"" + phone + "\",",
                email == null ? "" : "\"email\":\"" + email + "\",", channel));
    }

    /** A valid Belgian mobile number nobody else in the test data has. */
    static String uniqueMobile() {
        return "+32472" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    }

    static String uniqueEmail(String prefix) {
        return prefix + "-" + System.nanoTime() + "@abuse.example";
    }
}
