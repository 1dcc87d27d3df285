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
        assertThat(ids(search("name=" + family.substring(0, 9).toLowerCase(), Callers.alice())))
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
    void namesAndPlacesMatchByWordsStartingWithTheWordsTypedIgnoringCaseAndAccents() throws Exception {
        String chloe = open("Chloé", "RUNAWAY", 3, "Liège-Guillemins");
        String theo = open("Théo", "RUNAWAY", 2, "Mons Grand-Place");
        String mine = "coordinator=" + coordinator;

        assertThat(ids(search(mine + "&name=chloe", Callers.alice()))).containsExactly(chloe);
        assertThat(ids(search(mine + "&name=THÉ " + family.substring(0, 4), Callers.alice()))).containsExactly(theo);
        assertThat(ids(search(mine + "&place=liege guil", Callers.alice()))).containsExactly(chloe);
        assertThat(ids(search(mine + "&place=grand mons", Callers.alice()))).containsExactly(theo);
        assertThat(ids(search(mine + "&place=pla", Callers.alice()))).containsExactly(theo);
        assertThat(ids(search(mine + "&place=uillemins", Callers.alice()))).as("not inside a word").isEmpty();
        assertThat(ids(search(mine + "&name=" + family.substring(1), Callers.alice()))).as("not inside a word").isEmpty();
        assertThat(ids(search(mine + "&name=chloe&place=mons", Callers.alice()))).isEmpty();
    }

    @Test
    void pagesInOrderThroughCasesMatchingTheTextTyped() throws Exception {
        List<String> newestFirst = new java.util.ArrayList<>(); // by the time the child was last seen
        for (int hoursAgo = 1; hoursAgo <= 25; hoursAgo++) {
            newestFirst.add(open("Zoë", "RUNAWAY", hoursAgo, "Knokke casino"));
        }
        String mine = "coordinator=" + coordinator;

        String page = search(mine + "&name=zoe " + family + "&place=knok&sort=LAST_SEEN_AT&size=10&page=1", Callers.alice());
        assertThat(ids(page)).containsExactlyElementsOf(newestFirst.subList(10, 20));
        assertThat((Integer) JsonPath.read(page, "$.total")).isEqualTo(25);
        assertThat((Boolean) JsonPath.read(page, "$.totalExact")).isTrue();
        assertThat(ids(search(mine + "&name=zoe&size=10&page=2&sort=LAST_SEEN_AT&direction=ASC", Callers.alice())))
                .containsExactlyElementsOf(oldestFirst(newestFirst).subList(20, 25));
    }

    @Test
    void findsARareNameBehindManyNewerCases() throws Exception {
        // application-test.yml reads 2 cases per row shown in order before turning to the word indexes
        String older = open("Ysaline", "RUNAWAY", 9, "Arlon station");
        String newer = open("Ysaline", "RUNAWAY", 8, "Arlon station");
        for (int hoursAgo = 7; hoursAgo > 1; hoursAgo--) {
            open("Kobe", "RUNAWAY", hoursAgo, "Lier Zimmertoren");
        }
        String mine = "coordinator=" + coordinator;

        String page = search(mine + "&name=ysa&sort=LAST_SEEN_AT&size=1", Callers.alice());
        assertThat(ids(page)).containsExactly(newer);
        assertThat((Integer) JsonPath.read(page, "$.total")).isEqualTo(2);
        assertThat(ids(search(mine + "&place=arl sta&sort=LAST_SEEN_AT&size=1&page=1", Callers.alice()))).containsExactly(older);
        assertThat(ids(search(mine + "&name=kobe&place=zimm&size=3&page=1", Callers.alice()))).hasSize(3);
        assertThat(ids(search(mine + "&name=kobe&place=arlon", Callers.alice()))).isEmpty();
    }

    @Test
    void findsTheCasesOfMergedRecordsUnderTheNameOfTheRecordKept() throws Exception {
        String kept = open("Ruben", "RUNAWAY", 9, "Aalst Keizersplein");
        String duplicate = open("Rubenn", "RUNAWAY", 3, "Aalst Keizersplein");
        String keptChild = JsonPath.read(api.read(kept), "$.child.id");
        String duplicateChild = JsonPath.read(api.read(duplicate), "$.child.id");
        mvc.perform(post("/api/children/" + keptChild + "/merges").with(Callers.alice())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"duplicateId\":\"" + duplicateChild + "\"}"))
                .andExpect(status().isOk());
        String mine = "coordinator=" + coordinator;

        assertThat(ids(search(mine + "&name=ruben " + family, Callers.alice()))).containsExactly(duplicate, kept);
        assertThat(ids(search(mine + "&name=rubenn", Callers.alice()))).isEmpty();
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

    private static List<String> oldestFirst(List<String> newestFirst) {
        List<String> reversed = new java.util.ArrayList<>(newestFirst);
        java.util.Collections.reverse(reversed);
        return reversed;
    }

    private static List<String> ids(String page) {
        return JsonPath.read(page, "$.items[*].id");
    }
}
