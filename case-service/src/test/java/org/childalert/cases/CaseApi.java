package org.childalert.cases;

import com.jayway.jsonpath.JsonPath;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The case API as the tests drive it, through MockMvc with the real security filter chain. */
final class CaseApi {

    private final MockMvc mvc;

    CaseApi(MockMvc mvc) {
        this.mvc = mvc;
    }

    /** Opens a case as alice and returns its id. */
    String open(String json) throws Exception {
        String body = mvc.perform(post("/api/cases").with(Callers.alice()).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    String read(String caseId) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/cases/" + caseId).with(Callers.alice()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    void resolve(String caseId, String outcome) throws Exception {
        mvc.perform(post("/api/cases/" + caseId + "/resolution").with(Callers.alice())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"" + outcome + "\"}"))
                .andExpect(status().isOk());
    }

    void close(String caseId) throws Exception {
        mvc.perform(post("/api/cases/" + caseId + "/closure").with(Callers.alice())).andExpect(status().isOk());
    }

    void note(String caseId, String kind, String summary) throws Exception {
        mvc.perform(post("/api/cases/" + caseId + "/timeline").with(Callers.alice())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"" + kind + "\",\"summary\":\"" + summary + "\"}"))
                .andExpect(status().isCreated());
    }

    String get(String path, RequestPostProcessor caller) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path).with(caller))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }
}
