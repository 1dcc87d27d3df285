package org.childalert.notifications.police;

import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.childalert.notifications.Callers;
import org.childalert.notifications.NotificationServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Admins manage police zones, as a polygon or postal codes, with a duty contact of the zone's own unit. */
@NotificationServiceTest
class PoliceZoneControllerTests {

    private static final String SQUARE = "[[50.84,4.34],[50.84,4.37],[50.86,4.37],[50.86,4.34],[50.84,4.34]]";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private final String unit = "PZ Brussel-Hoofdstad " + UUID.randomUUID();

    @Test
    void anAdminDefinesAPolygonZoneWithItsDutyContactAndFindsItInTheUnitsList() throws Exception {
        String contact = contact(unit);

        String code = freshCode();
        String zone = JsonPath.read(define(zone(code, "Centrum", unit, "\"polygon\":" + SQUARE, contact))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(header().string("Location", startsWith("/api/police-zones/")))
                .andExpect(jsonPath("$.polygon[1][1]").value(4.37))
                .andExpect(jsonPath("$.postalCodes").doesNotExist())
                .andExpect(jsonPath("$.dutyContact.id").value(contact))
                .andExpect(jsonPath("$.dutyContact.onDuty").value(true))
                .andReturn().getResponse().getContentAsString(), "$.id");

        mvc.perform(get("/api/police-zones").param("unit", unit).with(Callers.admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.zones[0].id").value(zone))
                .andExpect(jsonPath("$.zones[0].code").value(code));
        mvc.perform(get("/api/police-zones/" + zone).with(Callers.admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Centrum"));
    }

    @Test
    void anAdminDefinesAZoneByPostalCodes() throws Exception {
        define(zone("Noord", unit, "\"postalCodes\":[\"1000\",\" 1030\",\"1000\"]", null))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.postalCodes.length()").value(2))
                .andExpect(jsonPath("$.postalCodes", hasItem("1030")))
                .andExpect(jsonPath("$.polygon").doesNotExist())
                .andExpect(jsonPath("$.dutyContact").doesNotExist());
    }

    @Test
    void refusesAnOpenPolygonNamingTheField() throws Exception {
        refuses(zone("Open", unit, "\"polygon\":[[50.84,4.34],[50.84,4.37],[50.86,4.37],[50.86,4.34]]", null),
                "polygon", "closed");
    }

    @Test
    void refusesAPolygonOfFewerThanFourPairs() throws Exception {
        refuses(zone("Line", unit, "\"polygon\":[[50.84,4.34],[50.86,4.37],[50.84,4.34]]", null), "polygon", "at least 4");
    }

    @Test
    void refusesAPointThatIsNotALatitudeLongitudePairNamingIt() throws Exception {
        refuses(zone("Odd", unit, "\"polygon\":[[50.84,4.34],[50.84],[50.86,4.37],[50.86,4.34],[50.84,4.34]]", null),
                "polygon[1]", "pair");
        refuses(zone("Off", unit, "\"polygon\":[[50.84,4.34],[95,4.37],[50.86,4.37],[50.86,4.34],[50.84,4.34]]", null),
                "polygon[1]", "latitude");
    }

    @Test
    void refusesUnknownPostalCodesNamingThem() throws Exception {
        refuses(zone("Nowhere", unit, "\"postalCodes\":[\"1000\",\"0000\",\"12345\"]", null), "postalCodes", "0000, 12345");
    }

    @Test
    void refusesAZoneThatIsBothOrNeitherAPolygonAndPostalCodes() throws Exception {
        refuses(zone("Both", unit, "\"polygon\":" + SQUARE + ",\"postalCodes\":[\"1000\"]", null), "postalCodes", "exactly one");
        refuses(zone("Neither", unit, "\"name2\":1", null), "polygon", "exactly one");
    }

    @Test
    void refusesAZoneWithoutACodeOrWithACodeOfOtherCharacters() throws Exception {
        refuses("""
                {"name":"Centrum","unit":"%s","postalCodes":["1000"]}
                """.formatted(unit), "code", "null");
        refuses(zone("53 39", "Centrum", unit, "\"postalCodes\":[\"1000\"]", null), "code", "letters, digits or hyphens");
        refuses(zone("Z".repeat(41), "Centrum", unit, "\"postalCodes\":[\"1000\"]", null), "code", "letters, digits or hyphens");
    }

    @Test
    void aSecondZoneWithTheSameCodeIsAConflictAndIsNotStored() throws Exception {
        String code = freshCode();
        define(zone(code, "Centrum", unit, "\"postalCodes\":[\"1000\"]", null)).andExpect(status().isCreated());

        define(zone(code, "Noord", unit, "\"postalCodes\":[\"1030\"]", null))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString(code)));
        assertThat(jdbc.sql("select count(*) from police_zone where code = :code").param("code", code)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void refusesAZoneWithoutAName() throws Exception {
        refuses(zone("", unit, "\"postalCodes\":[\"1000\"]", null), "name", "blank");
    }

    @Test
    void refusesADutyContactOfAnotherUnitOrUnknown() throws Exception {
        String elsewhere = contact("PZ Antwerpen " + UUID.randomUUID());

        refuses(zone("Centrum", unit, "\"polygon\":" + SQUARE, elsewhere), "dutyContactId", "PZ Antwerpen");
        refuses(zone("Centrum", unit, "\"polygon\":" + SQUARE, UUID.randomUUID().toString()), "dutyContactId", "not a registered");
    }

    @Test
    void anAdminHandsTheDutyToAnotherContactOfTheUnitAndRemovesTheZone() throws Exception {
        String first = contact(unit);
        String second = contact(unit);
        String zone = JsonPath.read(define(zone("Centrum", unit, "\"polygon\":" + SQUARE, first))
                .andReturn().getResponse().getContentAsString(), "$.id");

        mvc.perform(put("/api/police-zones/" + zone + "/duty-contact").with(Callers.admin())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"contactId\":\"" + second + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dutyContact.id").value(second));
        mvc.perform(put("/api/police-contacts/" + second + "/duty").with(Callers.admin())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"onDuty\":false}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.onDuty").value(false));
        mvc.perform(get("/api/police-zones/" + zone).with(Callers.admin()))
                .andExpect(jsonPath("$.dutyContact.onDuty").value(false));

        mvc.perform(delete("/api/police-zones/" + zone).with(Callers.admin())).andExpect(status().isNoContent());
        mvc.perform(get("/api/police-zones/" + zone).with(Callers.admin())).andExpect(status().isNotFound());
    }

    @Test
    void anUnknownZoneOrContactIsNotFound() throws Exception {
        mvc.perform(get("/api/police-zones/" + UUID.randomUUID()).with(Callers.admin())).andExpect(status().isNotFound());
        mvc.perform(put("/api/police-zones/" + UUID.randomUUID() + "/duty-contact").with(Callers.admin())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"contactId\":null}"))
                .andExpect(status().isNotFound());
        mvc.perform(put("/api/police-contacts/" + UUID.randomUUID() + "/duty").with(Callers.admin())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"onDuty\":true}"))
                .andExpect(status().isNotFound());
        mvc.perform(delete("/api/police-zones/" + UUID.randomUUID()).with(Callers.admin())).andExpect(status().isNotFound());
    }

    @Test
    void onlyAdminsManageZones() throws Exception {
        mvc.perform(post("/api/police-zones").with(Callers.bob()).contentType(MediaType.APPLICATION_JSON)
                        .content(zone("Centrum", unit, "\"polygon\":" + SQUARE, null)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/police-zones").with(Callers.carol())).andExpect(status().isForbidden());
        mvc.perform(put("/api/police-contacts/" + UUID.randomUUID() + "/duty").with(Callers.alice())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"onDuty\":true}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/police-zones")).andExpect(status().isUnauthorized());
        assertThat(jdbc.sql("select count(*) from police_zone where unit = :unit").param("unit", unit)
                .query(Long.class).single()).isZero();
    }

    private ResultActions define(String body) throws Exception {
        return mvc.perform(post("/api/police-zones").with(Callers.admin()).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private void refuses(String body, String field, String reason) throws Exception {
        define(body)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].message", containsString(reason)));
        assertThat(jdbc.sql("select count(*) from police_zone where unit = :unit").param("unit", unit)
                .query(Long.class).single()).isZero();
    }

    private String contact(String unit) throws Exception {
        String body = """
                {"name":"Dispatch","unit":"%s","phone":"+3225112233","email":"dispatch@police.example.be",
                 "language":"nl","channels":["SMS","EMAIL"],"zone":{"latitude":50.85,"longitude":4.35,"radiusKm":1}}
                """.formatted(unit);
        return JsonPath.read(mvc.perform(post("/api/police-contacts").with(Callers.admin())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), "$.id");
    }

    private static String zone(String name, String unit, String area, String dutyContactId) {
        return zone(freshCode(), name, unit, area, dutyContactId);
    }

    private static String zone(String code, String name, String unit, String area, String dutyContactId) {
        return """
                {"code":"%s","name":"%s","unit":"%s",%s%s}
                """.formatted(code, name, unit, area, dutyContactId == null ? "" : ",\"dutyContactId\":\"" + dutyContactId + "\"");
    }

    /** A code no earlier run used (codes are unique across all zones). */
    private static String freshCode() {
        return "T-" + UUID.randomUUID().toString().substring(0, 13);
    }
}
