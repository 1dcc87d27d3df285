package org.childalert.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Listing and searching cases: each criterion, paging, sorting, and who may see what. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class CaseSearchIntegrationTests {

    @Autowired
    MockMvc mvc;

    CaseApi api;
    String coordinator;
    String family;

    @BeforeEach
    void api() {
        api = new CaseApi(mvc);
        coordinator = "coord-" + UUID.randomUUID();
        family = "Fam" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    @Test
    void findsTheCasesOfOneCoordinatorPageByPageNewestFirst() throws Exception {
        String first = open("Anna", "RUNAWAY", 6, "Leuven station");
        String second = open("Bram", "RUNAWAY", 5, "Leuven station");
        String third = open("Cas", "UNACCOMPANIED_MINOR", 4, "Fedasil Brussels");

        String page0 = search("coordinator=" + coordinator + "&size=2", Callers.alice());
        assertThat(ids(page0)).containsExactly(third, second);
        assertThat((Integer) JsonPath.read(page0, "$.total")).isEqualTo(3);
        assertThat(ids(search("coordinator=" + coordinator + "&size=2&page=1", Callers.alice()))).containsExactly(first);
        assertThat(ids(search("coordinator=" + coordinator + "&sort=LAST_SEEN_AT&direction=ASC", Callers.alice())))
                .containsExactly(first, second, third);
    }

    @Test
    void findsCasesByNamePartPlaceCategoryStatusAndDate() throws Exception {
        String anna = open("Anna", "RUNAWAY", 6, "Leuven station");
        String bram = open("Bram", "RUNAWAY", 5, "Gent-Dampoort");
        String cas = open("Cas", "UNACCOMPANIED_MINOR", 4, "Fedasil Brussels");
        api.resolve(bram, "RETURNED");

        String mine = "coordinator=" + coordinator;
        assertThat(ids(search("name=" + family.substring(2, 9).toLowerCase(), Callers.alice())))
                .containsExactlyInAnyOrder(anna, bram, cas);
        assertThat(ids(search("name=anna " + family, Callers.alice()))).containsExactly(anna);
        assertThat(ids(search(mine + "&place=dampoort", Callers.alice()))).containsExactly(bram);
        assertThat(ids(search(mine + "&category=UNACCOMPANIED_MINOR", Callers.alice()))).containsExactly(cas);
        assertThat(ids(search(mine + "&status=RESOLVED", Callers.alice()))).containsExactly(bram);
        assertThat(ids(search(mine + "&category=RUNAWAY&status=OPEN", Callers.alice()))).containsExactly(anna);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(ids(search(mine + "&openedFrom=" + today + "&openedTo=" + today, Callers.alice())))
                .containsExactlyInAnyOrder(anna, bram, cas);
        assertThat(ids(search(mine + "&openedTo=" + today.minusDays(1), Callers.alice()))).isEmpty();
        assertThat(ids(search("name=100%_" + family, Callers.alice()))).as("wildcards are taken literally").isEmpty();
    }

    @Test
    void policeFindOnlyCasesThatLeftTheCoordinatorsDesk() throws Exception {
        String open = open("Dina", "CRIMINAL_ABDUCTION", 2, "Liège-Guillemins");
        String escalated = open("Emil", "CRIMINAL_ABDUCTION", 2, "Liège-Guillemins");
        mvc.perform(post("/api/cases/" + escalated + "/escalations").with(Callers.alice())
                .contentType(MediaType.APPLICATION_JSON).content(Cases.targetedEscalation(10))).andExpect(status().isCreated());

        assertThat(ids(search("coordinator=" + coordinator, Callers.bob()))).containsExactly(escalated);
        assertThat(ids(search("coordinator=" + coordinator, Callers.alice()))).contains(open, escalated);
        mvc.perform(get("/api/cases").with(Callers.carol())).andExpect(status().isForbidden());
    }

    @Test
    void refusesImpossibleSearches() throws Exception {
        mvc.perform(get("/api/cases?openedFrom=2024-05-02&openedTo=2024-05-01").with(Callers.alice()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("openedFrom")));
        mvc.perform(get("/api/cases?status=LOST").with(Callers.alice())).andExpect(status().isBadRequest());
        mvc.perform(get("/api/cases?sort=NAME").with(Callers.alice())).andExpect(status().isBadRequest());
        mvc.perform(get("/api/cases?size=1000").with(Callers.alice())).andExpect(status().isBadRequest());
        mvc.perform(get("/api/cases?openedFrom=yesterday").with(Callers.alice())).andExpect(status().isBadRequest());
    }

    private String open(String firstName, String category, int hoursAgo, String place) throws Exception {
        String json = Cases.caseJson(firstName, family, "2012-05-05", category,
                        Instant.now().minus(hoursAgo, ChronoUnit.HOURS).toString())
                .replace("Brussels-North station", place)
                .replace("\"category\"", "\"coordinator\":\"" + coordinator + "\",\"category\"");
        return api.open(json);
    }

    /** Searches with the criteria given as {@code key=value&key=value}, values taken literally. */
    private String search(String query, RequestPostProcessor caller) throws Exception {
        MockHttpServletRequestBuilder request = get("/api/cases").with(caller);
        for (String criterion : query.split("&")) {
            String[] keyValue = criterion.split("=", 2);
            request.param(keyValue[0], keyValue[1]);
        }
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private static List<String> ids(String page) {
        return JsonPath.read(page, "$.items[*].id");
    }
}
