package org.childalert.cases;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.childalert.kit.test.TestBroker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The child's photo: stored here, shown only to those who may read the case, withdrawn when the child is found. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PhotoIntegrationTests {

    @RegisterExtension
    static final TestBroker broker = new TestBroker();

    static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
    static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F' };

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    CaseApi api;

    @BeforeEach
    void api() {
        api = new CaseApi(mvc);
    }

    @Test
    void showsThePhotoToCoordinatorsAndToPoliceOnceTheCaseIsEscalated() throws Exception {
        String caseId = api.open(Cases.criminalAbductionOf("Photo-" + UUID.randomUUID(), LocalDate.of(2015, 1, 1)));
        upload(caseId, PNG, MediaType.IMAGE_PNG).andExpect(status().isNoContent());

        mvc.perform(get("/api/cases/" + caseId + "/photo").with(Callers.alice()))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.IMAGE_PNG))
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(content().bytes(PNG));
        assertThat((String) JsonPath.read(api.read(caseId), "$.photo")).isEqualTo("/api/cases/" + caseId + "/photo");
        mvc.perform(get("/api/cases/" + caseId + "/photo").with(Callers.bob())).andExpect(status().isNotFound());
        mvc.perform(get("/api/cases/" + caseId + "/photo").with(Callers.carol())).andExpect(status().isForbidden());

        mvc.perform(post("/api/cases/" + caseId + "/escalations").with(Callers.alice())
                .contentType(MediaType.APPLICATION_JSON).content(Cases.targetedEscalation(10))).andExpect(status().isCreated());
        mvc.perform(get("/api/cases/" + caseId + "/photo").with(Callers.bob()))
                .andExpect(status().isOk())
                .andExpect(content().bytes(PNG));
        assertThat(jdbc.sql("select count(*) from audit_log where case_id = :id and action = 'PHOTO_READ' and actor = 'bob'")
                .param("id", UUID.fromString(caseId)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void acceptsOnlyJpegAndPngUpToFiveMegabytes() throws Exception {
        String caseId = api.open(Cases.criminalAbductionOf("Photo-" + UUID.randomUUID(), LocalDate.of(2015, 1, 1)));

        upload(caseId, "GIF89a....".getBytes(), MediaType.IMAGE_JPEG)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("photo")))
                .andExpect(jsonPath("$.detail", containsString("JPEG or PNG")));
        byte[] tooLarge = Arrays.copyOf(JPEG, 5 * 1024 * 1024 + 1);
        upload(caseId, tooLarge, MediaType.IMAGE_JPEG)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("5 MB")));
        assertThat(photoCount(caseId)).isZero();

        upload(caseId, Arrays.copyOf(JPEG, 5 * 1024 * 1024), MediaType.IMAGE_JPEG).andExpect(status().isNoContent());
        mvc.perform(get("/api/cases/" + caseId + "/photo").with(Callers.alice()))
                .andExpect(content().contentType(MediaType.IMAGE_JPEG));
        upload(UUID.randomUUID().toString(), JPEG, MediaType.IMAGE_JPEG).andExpect(status().isNotFound());
        mvc.perform(put("/api/cases/" + caseId + "/photo").with(Callers.bob()).contentType(MediaType.IMAGE_JPEG).content(JPEG))
                .andExpect(status().isForbidden());
    }

    @Test
    void aCoordinatorWithdrawsThePhoto() throws Exception {
        String caseId = api.open(Cases.criminalAbductionOf("Photo-" + UUID.randomUUID(), LocalDate.of(2015, 1, 1)));
        upload(caseId, JPEG, MediaType.IMAGE_JPEG).andExpect(status().isNoContent());

        mvc.perform(delete("/api/cases/" + caseId + "/photo").with(Callers.alice())).andExpect(status().isNoContent());

        mvc.perform(get("/api/cases/" + caseId + "/photo").with(Callers.alice())).andExpect(status().isNotFound());
        mvc.perform(delete("/api/cases/" + caseId + "/photo").with(Callers.alice())).andExpect(status().isNotFound());
        assertThat(api.get("/api/cases/" + caseId + "/timeline", Callers.alice())).contains("PHOTO_WITHDRAWN");
    }

    @Test
    void thePhotoIsWithdrawnAsSoonAsTheChildIsFound() throws Exception {
        String caseId = api.open(Cases.criminalAbductionOf("Photo-" + UUID.randomUUID(), LocalDate.of(2015, 1, 1)));
        upload(caseId, PNG, MediaType.IMAGE_PNG).andExpect(status().isNoContent());
        // plays the alert-service: a queue must be bound for CaseResolved to be routable, hence published
        String resolvedEvents = broker.listen("cases.events", "cases.CaseResolved.v1");

        api.resolve(caseId, "FOUND_SAFE");

        assertThat(photoCount(caseId)).isZero();
        assertThat((Object) JsonPath.read(api.read(caseId), "$.photo")).isNull();
        assertThat(jdbc.sql("select count(*) from audit_log where case_id = :id and action = 'PHOTO_WITHDRAWN'")
                .param("id", UUID.fromString(caseId)).query(Long.class).single()).isEqualTo(1);
        upload(caseId, PNG, MediaType.IMAGE_PNG).andExpect(status().isConflict());
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            org.springframework.amqp.core.Message resolved = broker.receive(resolvedEvents, 500);
            return resolved != null && new String(resolved.getBody(), java.nio.charset.StandardCharsets.UTF_8).contains(caseId);
        });
    }

    private org.springframework.test.web.servlet.ResultActions upload(String caseId, byte[] bytes, MediaType type) throws Exception {
        return mvc.perform(put("/api/cases/" + caseId + "/photo").with(Callers.alice()).contentType(type).content(bytes));
    }

    private long photoCount(String caseId) {
        return jdbc.sql("select count(*) from case_photo where case_id = :id").param("id", UUID.fromString(caseId))
                .query(Long.class).single();
    }
}
