package org.childalert.cases;

import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Admins import cases from before the platform; a file with any error stores nothing and says what is wrong where. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class HistoricImportIntegrationTests {

    static final String HEADER = "reference,opened_on,category,subtype,destination_country,first_name,last_name,"
            + "date_of_birth,outcome,resolved_on,last_seen_place\n";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void importsPastCasesClosedWithTheirOriginalDatesAndOutcomes() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String family = "Hist" + run;
        String csv = HEADER
                + "H-" + run + "-1,2015-03-14,RUNAWAY,,,Jana," + family + ",2001-02-03,RETURNED,2015-03-16,\"Mechelen, Grote Markt\"\n"
                + "H-" + run + "-2,2015-08-01,RUNAWAY,,,jana ," + family.toUpperCase() + ",2001-02-03,FOUND_SAFE,,\n"
                + "H-" + run + "-3,2015-09-20,PARENTAL_ABDUCTION,ACTUAL_ABDUCTION,PL,Piotr," + family + ",2010-10-10,OTHER,2016-01-05,\n";

        importCsv(csv, Callers.admin())
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.imported").value(3));

        List<String> children = jdbc.sql("""
                select distinct cast(c.child_id as text) from case_file c where c.import_reference like :prefix
                """).param("prefix", "H-" + run + "-%").query(String.class).list();
        assertThat(children).as("Jana's two cases belong to one child").hasSize(2);
        String caseId = jdbc.sql("select cast(id as text) from case_file where import_reference = :ref")
                .param("ref", "H-" + run + "-1").query(String.class).single();
        String json = new CaseApi(mvc).read(caseId);
        assertThat((String) JsonPath.read(json, "$.status")).isEqualTo("CLOSED");
        assertThat((String) JsonPath.read(json, "$.outcome")).isEqualTo("RETURNED");
        assertThat((String) JsonPath.read(json, "$.openedAt")).startsWith("2015-03-14");
        assertThat((String) JsonPath.read(json, "$.lastSeen.place")).isEqualTo("Mechelen, Grote Markt");
        assertThat(jdbc.sql("select destination_in_europe from case_file where import_reference = :ref")
                .param("ref", "H-" + run + "-3").query(Boolean.class).single()).isTrue();

        importCsv(HEADER + "H-" + run + "-1,2015-03-14,RUNAWAY,,,Jana," + family + ",2001-02-03,RETURNED,,\n", Callers.admin())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reference"))
                .andExpect(jsonPath("$.errors[0].message", containsString("imported before")));
    }

    @Test
    void aFileWithErrorsStoresNothingAndNamesEveryProblemByLine() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String csv = HEADER
                + "E-" + run + "-1,2016-01-10,RUNAWAY,,,Good,Row" + run + ",2005-05-05,RETURNED,,\n"
                + "E-" + run + "-2,2016-13-10,RUNAWAY,,,Bad,Date" + run + ",2005-05-05,RETURNED,,\n"
                + "E-" + run + "-3,2016-01-10,ELOPED,,,Bad,Category" + run + ",2005-05-05,RETURNED,,\n"
                + "E-" + run + "-4,2016-01-10,RUNAWAY,,,Too,Old" + run + ",1990-05-05,RETURNED,,\n"
                + "E-" + run + "-5,2016-01-10,PARENTAL_ABDUCTION,,,No,Subtype" + run + ",2010-05-05,RETURNED,,\n"
                + "E-" + run + "-6,2016-01-10,RUNAWAY,,,Late,Resolution" + run + ",2010-05-05,FOUND_SAFE,2015-12-31,\n"
                + "E-" + run + "-1,2016-01-10,RUNAWAY,,,Twice,Referenced" + run + ",2010-05-05,RETURNED,,\n"
                + "E-" + run + "-8,2099-01-10,RUNAWAY,,,Future,Case" + run + ",2090-05-05,,,\n"
                + "E-" + run + "-9,2016-01-10,RUNAWAY\n";

        importCsv(csv, Callers.admin())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.line == 3)].field").value("opened_on"))
                .andExpect(jsonPath("$.errors[?(@.line == 4)].field").value("category"))
                .andExpect(jsonPath("$.errors[?(@.line == 5)].message").value(hasItem(containsString("years old"))))
                .andExpect(jsonPath("$.errors[?(@.line == 6)].field").value("subtype"))
                .andExpect(jsonPath("$.errors[?(@.line == 7)].field").value("resolved_on"))
                .andExpect(jsonPath("$.errors[?(@.line == 8)].field").value("reference"))
                .andExpect(jsonPath("$.errors[?(@.line == 9 && @.field == 'opened_on')].message").value("must not be in the future"))
                .andExpect(jsonPath("$.errors[?(@.line == 9 && @.field == 'outcome')].message").value("is required"))
                .andExpect(jsonPath("$.errors[?(@.line == 10)].field").value("line"))
                .andExpect(jsonPath("$.detail", containsString("nothing was stored")));

        assertThat(jdbc.sql("select count(*) from case_file where import_reference like :prefix")
                .param("prefix", "E-" + run + "-%").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from child where last_name like :suffix")
                .param("suffix", "%" + run).query(Long.class).single()).isZero();
    }

    @Test
    void refusesAFileWithoutTheExpectedColumnsAndAnyoneButAnAdmin() throws Exception {
        importCsv("reference,opened_on\nX-1,2015-01-01\n", Callers.admin())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].line").value(1))
                .andExpect(jsonPath("$.errors[0].message", containsString("category")));
        importCsv(HEADER, Callers.admin()).andExpect(status().isBadRequest());
        importCsv(HEADER, Callers.alice()).andExpect(status().isForbidden());
    }

    private ResultActions importCsv(String csv, RequestPostProcessor caller) throws Exception {
        return mvc.perform(post("/api/imports/historic-cases").with(caller).contentType("text/csv").content(csv));
    }
}
