package org.childalert.cases;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.childalert.cases.retention.Retention;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retention period (730 days in the test profile, the default) runs from a case's closure; the test moves
 * the erasure's clock forward rather than waiting.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class RetentionIntegrationTests {

    private static final Duration PERIOD = Duration.ofDays(730);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Retention retention;

    CaseApi api;

    @BeforeEach
    void api() {
        api = new CaseApi(mvc);
    }

    @Test
    void erasesThePersonalDataOfACaseClosedLongerThanThePeriodAndRecordsIt() throws Exception {
        String caseId = api.open(Cases.actualParentalAbductionOf("Erase-" + UUID.randomUUID(), "MA"));
        api.note(caseId, "CALL", "Grandmother in Tanger says she is fine");
        api.resolve(caseId, "FOUND_SAFE");
        api.close(caseId);
        String figuresBefore = yearlyFigures();

        retention.eraseDueAt(Instant.now().plus(PERIOD).minus(Duration.ofHours(1)));
        assertThat((Object) JsonPath.read(api.read(caseId), "$.personalDataErasedAt")).as("not due yet").isNull();

        assertThat(retention.eraseDueAt(Instant.now().plus(PERIOD).plus(Duration.ofMinutes(1)))).isPositive();

        String erased = api.read(caseId);
        assertThat((String) JsonPath.read(erased, "$.child.firstName")).isEqualTo("[erased]");
        assertThat((String) JsonPath.read(erased, "$.child.lastName")).isEqualTo("[erased]");
        assertThat((String) JsonPath.read(erased, "$.child.dateOfBirth")).isEqualTo("2017-01-01");
        for (String field : new String[] { "$.description", "$.physicalDescription", "$.clothing", "$.vehicle",
                "$.suspect", "$.reporter", "$.lastSeen.place", "$.photo" }) {
            assertThat((Object) JsonPath.read(erased, field)).as(field).isNull();
        }
        assertThat((String) JsonPath.read(erased, "$.personalDataErasedAt")).isNotNull();
        assertThat((String) JsonPath.read(erased, "$.category")).isEqualTo("PARENTAL_ABDUCTION");
        assertThat((String) JsonPath.read(erased, "$.outcome")).isEqualTo("FOUND_SAFE");
        String timeline = api.get("/api/cases/" + caseId + "/timeline", Callers.alice());
        assertThat(timeline).doesNotContain("Tanger").contains("PERSONAL_DATA_ERASED");
        assertThat(jdbc.sql("select count(*) from audit_log where case_id = :id and action = 'PERSONAL_DATA_ERASED' and actor = 'retention'")
                .param("id", UUID.fromString(caseId)).query(Long.class).single()).isEqualTo(1);
        assertThat(yearlyFigures()).as("the yearly figures do not change").isEqualTo(figuresBefore);

        assertThat(retention.eraseDueAt(Instant.now().plus(PERIOD).plus(Duration.ofMinutes(2))))
                .as("nothing is erased twice").isZero();
    }

    @Test
    void keepsTheChildsNamesWhileAnotherOfTheirCasesIsStillHeld() throws Exception {
        String name = "Keep-" + UUID.randomUUID();
        String closed = api.open(Cases.runawayOf(name, "Peeters", LocalDate.of(2012, 7, 7)));
        String stillOpen = api.open(Cases.runawayOf(name, "Peeters", LocalDate.of(2012, 7, 7)));
        api.resolve(closed, "RETURNED");
        api.close(closed);

        retention.eraseDueAt(Instant.now().plus(PERIOD).plus(Duration.ofMinutes(1)));

        assertThat((String) JsonPath.read(api.read(closed), "$.personalDataErasedAt")).isNotNull();
        assertThat((Object) JsonPath.read(api.read(closed), "$.description")).isNull();
        assertThat((String) JsonPath.read(api.read(stillOpen), "$.child.firstName")).isEqualTo(name);
        assertThat((String) JsonPath.read(api.read(stillOpen), "$.description")).isNotNull();
    }

    @Test
    void leavesResolvedButUnclosedCasesAlone() throws Exception {
        String caseId = api.open(Cases.runawayOf("Resolved-" + UUID.randomUUID(), "Peeters", LocalDate.of(2012, 7, 7)));
        api.resolve(caseId, "RETURNED");

        retention.eraseDueAt(Instant.now().plus(PERIOD).plus(Duration.ofDays(1)));

        assertThat((Object) JsonPath.read(api.read(caseId), "$.personalDataErasedAt")).isNull();
    }

    private String yearlyFigures() throws Exception {
        return api.get("/api/statistics/yearly?year=" + Year.now(ZoneId.of("Europe/Brussels")), Callers.admin());
    }
}
