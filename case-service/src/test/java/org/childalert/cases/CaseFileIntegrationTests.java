package org.childalert.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The full case file, its timeline, its life cycle and the children behind the cases. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class CaseFileIntegrationTests {

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
    void keepsTheWholeCaseFileAndSaysWhetherTheDestinationIsInEurope() throws Exception {
        String toMorocco = api.open(Cases.actualParentalAbductionOf("Amira-" + UUID.randomUUID(), "MA"));
        String toSpain = api.open(Cases.actualParentalAbductionOf("Lotte-" + UUID.randomUUID(), "ES"));

        mvc.perform(get("/api/cases/" + toMorocco).with(Callers.alice()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.category").value("PARENTAL_ABDUCTION"))
                .andExpect(jsonPath("$.subtype").value("ACTUAL_ABDUCTION"))
                .andExpect(jsonPath("$.destination.country").value("MA"))
                .andExpect(jsonPath("$.destination.inEurope").value(false))
                .andExpect(jsonPath("$.physicalDescription").value("1m10, brown curly hair, glasses"))
                .andExpect(jsonPath("$.clothing").value("Yellow raincoat, pink boots"))
                .andExpect(jsonPath("$.vehicle").value("Grey Volkswagen Touran, French plates"))
                .andExpect(jsonPath("$.suspect").value("Father, 41"))
                .andExpect(jsonPath("$.riskFactors", hasItems("VERY_YOUNG", "MEDICAL_NEEDS")))
                .andExpect(jsonPath("$.reporter.phone").value("+32470123456"))
                .andExpect(jsonPath("$.coordinator").value("erin"))
                .andExpect(jsonPath("$.openedBy").value("alice"))
                .andExpect(jsonPath("$.lastSeen.place").value("Antwerpen-Centraal"));
        mvc.perform(get("/api/cases/" + toSpain).with(Callers.alice()))
                .andExpect(jsonPath("$.destination.inEurope").value(true));
    }

    @Test
    void refusesACaseWhoseDetailsDoNotBelongToItsCategoryAndStoresNothing() throws Exception {
        String name = "Mismatch-" + UUID.randomUUID();
        String lastSeen = Instant.now().minus(1, ChronoUnit.HOURS).toString();
        String withoutSubtype = Cases.caseJson(name, "X", "2015-01-01", "PARENTAL_ABDUCTION", lastSeen);
        String actualWithoutCountry = withoutSubtype.replace("\"category\":\"PARENTAL_ABDUCTION\"",
                "\"category\":\"PARENTAL_ABDUCTION\",\"subtype\":\"ACTUAL_ABDUCTION\"");
        String subtypeOfAnother = Cases.caseJson(name, "X", "2015-01-01", "RUNAWAY", lastSeen)
                .replace("\"category\":\"RUNAWAY\"", "\"category\":\"RUNAWAY\",\"subtype\":\"PREVENTIVE_ADVICE\"");
        String unknownCountry = actualWithoutCountry.replace("\"subtype\":\"ACTUAL_ABDUCTION\"",
                "\"subtype\":\"ACTUAL_ABDUCTION\",\"destinationCountry\":\"QQ\"");
        String badPhone = Cases.caseJson(name, "X", "2015-01-01", "RUNAWAY", lastSeen)
                .replace("\"category\"", "\"reporter\":{\"name\":\"Mum\",\"phone\":\"0470 12 34 56\"},\"category\"");

        expectBadRequest(withoutSubtype, "subtype");
        expectBadRequest(actualWithoutCountry, "destinationCountry");
        expectBadRequest(subtypeOfAnother, "subtype");
        expectBadRequest(unknownCountry, "destinationCountry");
        expectBadRequest(badPhone, "reporter.phone");

        assertThat(jdbc.sql("select count(*) from child where first_name = :name").param("name", name)
                .query(Long.class).single()).isZero();
    }

    @Test
    void keepsNotesCallsAndSightingsOnTheTimelineWithTheirAuthor() throws Exception {
        String caseId = api.open(Cases.runawayOf("Timeline-" + UUID.randomUUID(), "Maes", LocalDate.of(2011, 2, 3)));
        api.note(caseId, "CALL", "Mother called: no news");
        String seenAt = Instant.now().minus(30, ChronoUnit.MINUTES).toString();
        mvc.perform(post("/api/cases/" + caseId + "/timeline").with(Callers.erin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"SIGHTING\",\"at\":\"" + seenAt + "\",\"summary\":\"Seen at Gent-Sint-Pieters\"}"))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/cases/" + caseId + "/timeline").with(Callers.alice()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"ALERT_ISSUED\",\"summary\":\"forged\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/cases/" + caseId + "/timeline").with(Callers.alice()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"NOTE\",\"at\":\"" + Instant.now().plus(1, ChronoUnit.DAYS) + "\",\"summary\":\"later\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("at")));

        String timeline = api.get("/api/cases/" + caseId + "/timeline", Callers.alice());
        List<String> kinds = JsonPath.read(timeline, "$[*].kind");
        assertThat(kinds).containsExactly("SIGHTING", "CASE_OPENED", "CALL")
                .as("ordered by when it happened, the sighting half an hour before the case was opened is first");
        assertThat((List<String>) JsonPath.read(timeline, "$[?(@.kind == 'SIGHTING')].author")).containsExactly("erin");
        assertThat((List<String>) JsonPath.read(timeline, "$[?(@.kind == 'CALL')].summary")).containsExactly("Mother called: no news");
    }

    @Test
    void handsTheCaseOverToAnotherCoordinator() throws Exception {
        String caseId = api.open(Cases.runawayOf("Handover-" + UUID.randomUUID(), "Maes", LocalDate.of(2012, 2, 3)));

        mvc.perform(put("/api/cases/" + caseId + "/coordinator").with(Callers.alice())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"username\":\"erin\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.coordinator").value("erin"));
        mvc.perform(put("/api/cases/" + caseId + "/coordinator").with(Callers.alice())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"username\":\" \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("username")));
        mvc.perform(put("/api/cases/" + caseId + "/coordinator").with(Callers.bob())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"username\":\"bob\"}"))
                .andExpect(status().isForbidden());
        assertThat(api.get("/api/cases/" + caseId + "/timeline", Callers.alice())).contains("alice → erin");
    }

    @Test
    void closesOnlyAResolvedCaseAndThenTakesNoMoreEntries() throws Exception {
        String caseId = api.open(Cases.runawayOf("Closing-" + UUID.randomUUID(), "Maes", LocalDate.of(2012, 2, 3)));

        mvc.perform(post("/api/cases/" + caseId + "/closure").with(Callers.alice()))
                .andExpect(status().isConflict());
        api.resolve(caseId, "RETURNED");
        mvc.perform(post("/api/cases/" + caseId + "/closure").with(Callers.alice()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.outcome").value("RETURNED"))
                .andExpect(jsonPath("$.closedAt").isNotEmpty());
        mvc.perform(post("/api/cases/" + caseId + "/timeline").with(Callers.alice()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"NOTE\",\"summary\":\"too late\"}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/cases/" + caseId + "/resolution").with(Callers.alice())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"FOUND_SAFE\"}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/cases/" + UUID.randomUUID() + "/closure").with(Callers.alice()))
                .andExpect(status().isNotFound());
    }

    @Test
    void matchesAChildByIdentityIgnoringCaseAndSpaces() throws Exception {
        String first = api.open(Cases.runawayOf("Yara-" + UUID.randomUUID().toString().substring(0, 8), "De Smet",
                LocalDate.of(2010, 9, 9)));
        String firstName = JsonPath.read(api.read(first), "$.child.firstName");
        String again = api.open(Cases.runawayOf("  " + firstName.toUpperCase() + " ", "de smet", LocalDate.of(2010, 9, 9)));
        String otherBirthday = api.open(Cases.runawayOf(firstName, "De Smet", LocalDate.of(2010, 9, 10)));

        String child = JsonPath.read(api.read(first), "$.child.id");
        assertThat((String) JsonPath.read(api.read(again), "$.child.id")).isEqualTo(child);
        assertThat((String) JsonPath.read(api.read(otherBirthday), "$.child.id")).isNotEqualTo(child);
        assertThat((List<String>) JsonPath.read(api.get("/api/children/" + child, Callers.alice()), "$.cases[*].id"))
                .containsExactlyInAnyOrder(first, again);
    }

    @Test
    void mergesTwoRecordsOfTheSameChild() throws Exception {
        String name = "Merge-" + UUID.randomUUID().toString().substring(0, 8);
        String kept = api.open(Cases.runawayOf(name, "Claes", LocalDate.of(2011, 4, 1)));
        String typo = api.open(Cases.runawayOf(name, "Claess", LocalDate.of(2011, 4, 1)));
        String keptChild = JsonPath.read(api.read(kept), "$.child.id");
        String duplicateChild = JsonPath.read(api.read(typo), "$.child.id");

        mvc.perform(post("/api/children/" + keptChild + "/merges").with(Callers.alice())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"duplicateId\":\"" + duplicateChild + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.cases[*].id", hasItems(kept, typo)));

        assertThat((String) JsonPath.read(api.read(typo), "$.child.id")).isEqualTo(keptChild);
        assertThat((String) JsonPath.read(api.get("/api/children/" + duplicateChild, Callers.alice()), "$.mergedInto"))
                .isEqualTo(keptChild);
        assertThat(api.get("/api/cases/" + typo + "/timeline", Callers.alice())).contains("CHILD_MERGED");
        String later = api.open(Cases.runawayOf(name, "Claess", LocalDate.of(2011, 4, 1)));
        assertThat((String) JsonPath.read(api.read(later), "$.child.id"))
                .as("the merged-away record is never matched again").isNotEqualTo(duplicateChild);

        mvc.perform(post("/api/children/" + keptChild + "/merges").with(Callers.alice())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"duplicateId\":\"" + duplicateChild + "\"}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/children/" + keptChild + "/merges").with(Callers.alice())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"duplicateId\":\"" + keptChild + "\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/children/" + keptChild + "/merges").with(Callers.alice())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"duplicateId\":\"" + UUID.randomUUID() + "\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/children/" + keptChild + "/merges").with(Callers.bob())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"duplicateId\":\"" + duplicateChild + "\"}"))
                .andExpect(status().isForbidden());
    }

    private void expectBadRequest(String body, String field) throws Exception {
        mvc.perform(post("/api/cases").with(Callers.alice()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString(field)))
                .andExpect(jsonPath("$.errors[*].field", hasItem(field)));
    }
}
