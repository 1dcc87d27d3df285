package org.childalert.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The yearly figures reproduce the organisation's published 2022 report (shared/seed, Child Focus): 1,138 runaway
 * children of whom 188 ran away more than once, +31% on 2021; 119 unaccompanied minors in 136 disappearances,
 * +39%; 148 families in parental abduction cases, 88 preventive and 60 actual, 40 of those within Europe.
 *
 * <p>The data set is imported as historic cases. The years 2021 and 2022 belong to this test alone: it removes
 * whatever an earlier run left in them before it imports.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class YearlyStatisticsIntegrationTests {

    private static final List<String> EUROPE = List.of("FR", "ES", "PL", "RO", "IT", "NL", "DE", "PT");
    private static final List<String> ELSEWHERE = List.of("MA", "DZ", "TN", "EG", "US");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private final StringBuilder csv = new StringBuilder(HistoricImportIntegrationTests.HEADER);
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private int rows;
    private int runawayFoundSafe2022;

    @BeforeAll
    void importTheDataSet() throws Exception {
        removeTheYearsOfThisTest();

        // runaways: 868 children in 2021 (144 twice: 1,012 cases); 1,138 in 2022 (188 twice: 1,326 cases).
        // Children 400..867 ran away in both years: once a year each is not "more than once".
        for (int i = 0; i < 868; i++) {
            add(2021, i, "RUNAWAY", "R" + i, null, null, i < 144 ? 2 : 1);
        }
        for (int i = 400; i < 400 + 1138; i++) {
            add(2022, i, "RUNAWAY", "R" + i, null, null, i < 400 + 188 ? 2 : 1);
        }
        // unaccompanied minors: 86 children in 98 disappearances in 2021; 119 in 136 in 2022 (+39%)
        for (int i = 0; i < 86; i++) {
            add(2021, i, "UNACCOMPANIED_MINOR", "U" + i, null, null, i < 12 ? 2 : 1);
        }
        for (int i = 0; i < 119; i++) {
            add(2022, i, "UNACCOMPANIED_MINOR", "V" + i, null, null, i < 17 ? 2 : 1);
        }
        // parental abduction: 2021 70 preventive, 50 actual (30 in Europe); 2022 88 preventive, 60 actual (40 in Europe)
        for (int i = 0; i < 70; i++) {
            add(2021, i, "PARENTAL_ABDUCTION", "P" + i, "PREVENTIVE_ADVICE", null, 1);
        }
        for (int i = 0; i < 50; i++) {
            add(2021, i, "PARENTAL_ABDUCTION", "A" + i, "ACTUAL_ABDUCTION", destination(i, 30), 1);
        }
        for (int i = 0; i < 88; i++) {
            add(2022, i, "PARENTAL_ABDUCTION", "Q" + i, "PREVENTIVE_ADVICE", i % 3 == 0 ? "MA" : null, 1);
        }
        for (int i = 0; i < 60; i++) {
            add(2022, i, "PARENTAL_ABDUCTION", "B" + i, "ACTUAL_ABDUCTION", destination(i, 40), 1);
        }
        // criminal abductions: three in 2022, none the year before
        for (int i = 0; i < 3; i++) {
            add(2022, i, "CRIMINAL_ABDUCTION", "C" + i, null, null, 1);
        }

        mvc.perform(post("/api/imports/historic-cases").with(Callers.admin()).contentType("text/csv").content(csv.toString()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.imported").value(rows));
    }

    @Test
    void reproducesThePublishedRunawayFigures() throws Exception {
        String report = yearly2022();
        Map<String, Object> runaway = category(report, "RUNAWAY");

        assertThat(runaway).containsEntry("cases", 1326).containsEntry("children", 1138).containsEntry("repeatChildren", 188);
        assertThat((Map<String, Object>) runaway.get("previousYear"))
                .containsEntry("cases", 1012).containsEntry("children", 868).containsEntry("repeatChildren", 144);
        assertThat(runaway).containsEntry("childrenChangePercent", 31).containsEntry("casesChangePercent", 31);
        assertThat((Map<String, Object>) runaway.get("outcomes"))
                .containsEntry("FOUND_SAFE", runawayFoundSafe2022)
                .containsEntry("RETURNED", 1326 - runawayFoundSafe2022)
                .containsEntry("UNRESOLVED", 0);
    }

    @Test
    void reproducesThePublishedUnaccompaniedMinorFigures() throws Exception {
        Map<String, Object> minors = category(yearly2022(), "UNACCOMPANIED_MINOR");

        assertThat(minors).containsEntry("cases", 136).containsEntry("children", 119).containsEntry("repeatChildren", 17)
                .containsEntry("casesChangePercent", 39);
        assertThat((Map<String, Object>) minors.get("previousYear")).containsEntry("cases", 98).containsEntry("children", 86);
    }

    @Test
    void reproducesThePublishedParentalAbductionFiguresPerSubtype() throws Exception {
        String report = yearly2022();
        Map<String, Object> parental = category(report, "PARENTAL_ABDUCTION");
        assertThat(parental).containsEntry("cases", 148).containsEntry("children", 148).containsEntry("repeatChildren", 0);

        List<Map<String, Object>> preventive = JsonPath.read(report,
                "$.categories[?(@.category == 'PARENTAL_ABDUCTION')].subtypes[?(@.subtype == 'PREVENTIVE_ADVICE')]");
        List<Map<String, Object>> actual = JsonPath.read(report,
                "$.categories[?(@.category == 'PARENTAL_ABDUCTION')].subtypes[?(@.subtype == 'ACTUAL_ABDUCTION')]");
        assertThat(preventive).singleElement().satisfies(figures -> assertThat(figures)
                .containsEntry("cases", 88).containsEntry("casesChangePercent", 26));
        assertThat(actual).singleElement().satisfies(figures -> assertThat(figures)
                .containsEntry("cases", 60).containsEntry("withinEurope", 40).containsEntry("casesChangePercent", 20));
    }

    @Test
    void showsEveryCategoryAndNoChangeWhereTheYearBeforeHadNone() throws Exception {
        String report = yearly2022();

        assertThat((List<String>) JsonPath.read(report, "$.categories[*].category")).containsExactly("RUNAWAY",
                "UNACCOMPANIED_MINOR", "PARENTAL_ABDUCTION", "CRIMINAL_ABDUCTION", "LOST_OR_UNEXPLAINED");
        assertThat(category(report, "CRIMINAL_ABDUCTION")).containsEntry("cases", 3).containsEntry("childrenChangePercent", null);
        assertThat(category(report, "LOST_OR_UNEXPLAINED")).containsEntry("cases", 0).containsEntry("children", 0);
        assertThat((Integer) JsonPath.read(report, "$.year")).isEqualTo(2022);
    }

    @Test
    void givesTheSameFiguresAsCsv() throws Exception {
        String byHeader = mvc.perform(get("/api/statistics/yearly?year=2022").with(Callers.alice()).accept("text/csv"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn().getResponse().getContentAsString();
        String byParameter = mvc.perform(get("/api/statistics/yearly?year=2022&format=csv").with(Callers.alice()))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn().getResponse().getContentAsString();

        assertThat(byParameter).isEqualTo(byHeader);
        List<String> lines = byHeader.lines().toList();
        assertThat(lines.get(0)).startsWith("year,category,subtype,cases,children,repeat_children,within_europe,"
                + "previous_cases,previous_children,previous_repeat_children,cases_change_percent,children_change_percent");
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("2022,RUNAWAY,,1326,1138,188,,1012,868,144,31,31,"));
        assertThat(lines).contains("2022,PARENTAL_ABDUCTION,ACTUAL_ABDUCTION,60,60,0,40,50,50,0,20,20,,,,,,");
    }

    @Test
    void answersOnlyCoordinatorsAndAdminsAboutPastYears() throws Exception {
        mvc.perform(get("/api/statistics/yearly?year=2022").with(Callers.bob())).andExpect(status().isForbidden());
        mvc.perform(get("/api/statistics/yearly?year=2999").with(Callers.admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("year"));
        mvc.perform(get("/api/statistics/yearly?year=twenty").with(Callers.admin())).andExpect(status().isBadRequest());
        mvc.perform(get("/api/statistics/yearly").with(Callers.admin())).andExpect(status().isBadRequest());
    }

    private String yearly2022() throws Exception {
        return mvc.perform(get("/api/statistics/yearly?year=2022").with(Callers.admin()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private static Map<String, Object> category(String report, String category) {
        List<Map<String, Object>> found = JsonPath.read(report, "$.categories[?(@.category == '" + category + "')]");
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    /** One child's cases of the year: {@code count} of them, on different days, each a row of the CSV. */
    private void add(int year, int index, String category, String firstName, String subtype, String country, int count) {
        LocalDate dateOfBirth = LocalDate.of(2008, 1, 1).plusDays(index % 900);
        for (int n = 0; n < count; n++) {
            LocalDate openedOn = LocalDate.of(year, 1, 1).plusDays((index * 7L + n * 40L) % 365);
            String outcome = outcome(year, category, index, n);
            csv.append(String.join(",", "S-" + run + "-" + (++rows), openedOn.toString(), category,
                    subtype == null ? "" : subtype, country == null ? "" : country, firstName, "Stat" + run,
                    dateOfBirth.toString(), outcome, "", "")).append('\n');
        }
    }

    private String outcome(int year, String category, int index, int n) {
        if ((index + n) % 10 == 0) {
            if (year == 2022 && category.equals("RUNAWAY")) {
                runawayFoundSafe2022++;
            }
            return "FOUND_SAFE";
        }
        return "RETURNED";
    }

    private static String destination(int index, int withinEurope) {
        return index < withinEurope ? EUROPE.get(index % EUROPE.size()) : ELSEWHERE.get(index % ELSEWHERE.size());
    }

    private void removeTheYearsOfThisTest() {
        String ofTheseYears = "select id from case_file where extract(year from opened_at at time zone 'Europe/Brussels') in (2021, 2022)";
        jdbc.sql("delete from timeline_entry where case_id in (" + ofTheseYears + ")").update();
        jdbc.sql("delete from case_photo where case_id in (" + ofTheseYears + ")").update();
        jdbc.sql("delete from escalation where case_id in (" + ofTheseYears + ")").update();
        jdbc.sql("delete from case_file where id in (" + ofTheseYears + ")").update();
    }
}
