package org.childalert.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every read and change of a case, by whom, when and from where; exported by admins, changed by nobody. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AuditIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void recordsWhoReadAndChangedACaseFromWhereAndLetsAnAdminExportIt() throws Exception {
        Instant start = Instant.now().minusSeconds(1);
        CaseApi api = new CaseApi(mvc);
        String caseId = api.open(Cases.runawayOf("Audit-" + UUID.randomUUID(), "Wouters", LocalDate.of(2012, 1, 1)));
        mvc.perform(get("/api/cases/" + caseId).with(Callers.erin()).with(from("203.0.113.7")))
                .andExpect(status().isOk());
        api.resolve(caseId, "FOUND_SAFE");

        String jsonLines = export("from=" + start, "application/x-ndjson");
        List<String> mine = jsonLines.lines().filter(line -> line.contains(caseId)).toList();
        assertThat(mine).anySatisfy(line -> assertThat(line).contains("\"action\":\"CASE_OPENED\"", "\"actor\":\"alice\""));
        assertThat(mine).anySatisfy(line -> assertThat(line)
                .contains("\"action\":\"CASE_READ\"", "\"actor\":\"erin\"", "\"remoteAddress\":\"203.0.113.7\""));
        assertThat(mine).anySatisfy(line -> assertThat(line).contains("\"action\":\"CASE_RESOLVED\"", "\"detail\":\"FOUND_SAFE\""));

        String csv = export("from=" + start + "&format=csv", "text/csv");
        assertThat(csv.lines().findFirst()).contains("id,at,actor,actor_subject,action,case_id,detail,remote_address");
        assertThat(csv).contains("erin,erin,CASE_READ," + caseId + ",,203.0.113.7");
        assertThat(export("from=" + Instant.now(), "application/x-ndjson"))
                .as("the export itself is audited, like every read").contains("AUDIT_EXPORTED");
    }

    @Test
    void recordsTheAddressTheCallerConnectedFromNotTheForwardedForTheyWrote() throws Exception {
        CaseApi api = new CaseApi(mvc);
        String caseId = api.open(Cases.runawayOf("Forged-" + UUID.randomUUID(), "Wouters", LocalDate.of(2012, 1, 1)));

        // a client on a public address (not a trusted proxy) claiming to be someone else
        mvc.perform(get("/api/cases/" + caseId).with(Callers.erin()).with(from("198.51.100.20"))
                        .header("X-Forwarded-For", "6.6.6.6, 10.0.0.2"))
                .andExpect(status().isOk());

        assertThat(jdbc.sql("select remote_address from audit_log where case_id = :id and action = 'CASE_READ'")
                .param("id", UUID.fromString(caseId)).query(String.class).list()).containsExactly("198.51.100.20");
    }

    @Test
    void onlyAnAdminExportsAndNobodyChangesTheLog() throws Exception {
        mvc.perform(get("/api/audit").with(Callers.alice())).andExpect(status().isForbidden());
        mvc.perform(get("/api/audit").with(Callers.bob())).andExpect(status().isForbidden());
        for (var caller : List.of(Callers.admin(), Callers.alice())) {
            mvc.perform(delete("/api/audit").with(caller)).andExpect(status().isForbidden());
            mvc.perform(put("/api/audit/1").with(caller).contentType(MediaType.APPLICATION_JSON).content("{}"))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/api/audit").with(caller).contentType(MediaType.APPLICATION_JSON).content("{}"))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/api/audit?format=xml").with(Callers.admin())).andExpect(status().isBadRequest());
        mvc.perform(get("/api/audit?from=2030-01-01T00:00:00Z&to=2020-01-01T00:00:00Z").with(Callers.admin()))
                .andExpect(status().isBadRequest());
    }

    private String export(String query, String contentType) throws Exception {
        MvcResult started = mvc.perform(get("/api/audit?" + query.replace("+", "%2B")).with(Callers.admin()))
                .andExpect(status().isOk())
                .andReturn();
        return mvc.perform(asyncDispatch(started))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(contentType))
                .andReturn().getResponse().getContentAsString();
    }

    /** The address the request arrives from, as the server's socket saw it. */
    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
