package org.childalert.notifications.police;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.jayway.jsonpath.JsonPath;
import org.childalert.events.GeoCircle;
import org.childalert.notifications.Callers;
import org.childalert.notifications.NotificationServiceTest;
import org.childalert.notifications.targeting.AlertedZone;
import org.childalert.notifications.targeting.RecipientResolver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;

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

/**
 * Admins manage police zones, as a polygon or postal codes, with a duty contact of the zone's own unit, and change
 * everything of a zone but its code.
 */
@NotificationServiceTest
class PoliceZoneControllerTests {

    private static final String SQUARE = "[[50.84,4.34],[50.84,4.37],[50.86,4.37],[50.86,4.34],[50.84,4.34]]";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RecipientResolver resolver;

    @Autowired
    TransactionTemplate transactions;

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
    void anAdminChangesAZonesNameUnitAndPostalCodesKeepingItsCodeAndDutyContact() throws Exception {
        String otherUnit = "PZ Brussel-Noord " + UUID.randomUUID();
        String contact = contact(otherUnit);
        String code = freshCode();
        String zone = JsonPath.read(define(zone(code, "Centrum", unit, "\"postalCodes\":[\"1000\"]", null))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");

        change(zone, """
                {"code":"%s","name":" Noord ","unit":"%s","postalCodes":["1030"," 1210","1030"],"dutyContactId":"%s"}
                """.formatted(code, otherUnit, contact))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(zone))
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.name").value("Noord"))
                .andExpect(jsonPath("$.unit").value(otherUnit))
                .andExpect(jsonPath("$.postalCodes.length()").value(2))
                .andExpect(jsonPath("$.postalCodes[0]").value("1030"))
                .andExpect(jsonPath("$.postalCodes[1]").value("1210"))
                .andExpect(jsonPath("$.dutyContact.id").value(contact));

        mvc.perform(get("/api/police-zones/" + zone).with(Callers.admin()))
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.name").value("Noord"))
                .andExpect(jsonPath("$.postalCodes.length()").value(2))
                .andExpect(jsonPath("$.dutyContact.id").value(contact));
        mvc.perform(get("/api/police-zones").param("unit", unit).with(Callers.admin()))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/police-zones").param("unit", otherUnit).with(Callers.admin()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.zones[0].id").value(zone));

        // a change that names nobody on duty (no dutyContactId) leaves the zone to its unit's contacts
        change(zone, """
                {"name":"Noord","unit":"%s","postalCodes":["1030"]}
                """.formatted(otherUnit))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.postalCodes.length()").value(1))
                .andExpect(jsonPath("$.dutyContact").doesNotExist());
    }

    @Test
    void alertsAfterAChangeReachTheZoneOverItsNewAreaAndNoLongerOverItsOld() throws Exception {
        // somewhere no earlier run drew a zone: the polygons are drawn far from Belgium, a few degrees apart
        double latitude = ThreadLocalRandom.current().nextDouble(-55, -20);
        double longitude = ThreadLocalRandom.current().nextDouble(-170, 170);
        String contact = contact(unit);
        String code = freshCode();
        String zone = JsonPath.read(define(zone(code, "Eerst", unit, "\"polygon\":" + square(latitude, longitude), contact))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        GeoCircle overTheOld = new GeoCircle(latitude, longitude, 1);
        GeoCircle overTheNew = new GeoCircle(latitude + 3, longitude, 1);
        assertThat(zonesReachedOver(overTheOld, contact)).containsExactly(new AlertedZone(code, "Eerst"));

        change(zone, """
                {"name":"Verplaatst","unit":"%s","polygon":%s,"dutyContactId":"%s"}
                """.formatted(unit, square(latitude + 3, longitude), contact))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.polygon[0][0]").value(latitude + 3 - 0.01));

        assertThat(zonesReachedOver(overTheNew, contact)).containsExactly(new AlertedZone(code, "Verplaatst"));
        assertThat(zonesReachedOver(overTheOld, contact)).isEmpty();
        transactions.executeWithoutResult(tx -> assertThat(resolver.touchesAZone(overTheOld)).isFalse());

        // from a polygon to postal codes: the area the targeting reads first is the postal codes' (Gent, 9000)
        change(zone, """
                {"name":"Gent","unit":"%s","postalCodes":["9000"],"dutyContactId":"%s"}
                """.formatted(unit, contact))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.postalCodes[0]").value("9000"))
                .andExpect(jsonPath("$.polygon").doesNotExist());
        assertThat(zonesReachedOver(overTheNew, contact)).isEmpty();
        assertThat(jdbc.sql("""
                select min_latitude < 51.05 and max_latitude > 51.05 and min_longitude < 3.72 and max_longitude > 3.72
                from police_zone where id = cast(:id as uuid)
                """).param("id", zone).query(Boolean.class).single()).isTrue();
    }

    @Test
    void refusesAChangeAsItRefusesADefinitionAndStoresNothing() throws Exception {
        String contact = contact(unit);
        String elsewhere = contact("PZ Antwerpen " + UUID.randomUUID());
        String code = freshCode();
        String zone = JsonPath.read(define(zone(code, "Centrum", unit, "\"postalCodes\":[\"1000\",\"1050\"]", contact))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");

        refusesChange(zone, "{\"name\":\"\",\"unit\":\"%s\",\"postalCodes\":[\"1030\"]}".formatted(unit), "name", "blank");
        refusesChange(zone, "{\"name\":\"Noord\",\"unit\":\" \",\"postalCodes\":[\"1030\"]}", "unit", "blank");
        refusesChange(zone, "{\"name\":\"Noord\",\"unit\":\"%s\",\"postalCodes\":[\"1030\",\"0000\"]}".formatted(unit),
                "postalCodes", "0000");
        refusesChange(zone, "{\"name\":\"Noord\",\"unit\":\"%s\",\"postalCodes\":[]}".formatted(unit),
                "postalCodes", "at least one");
        refusesChange(zone, "{\"name\":\"Noord\",\"unit\":\"%s\"}".formatted(unit), "polygon", "exactly one");
        refusesChange(zone, "{\"name\":\"Noord\",\"unit\":\"%s\",\"polygon\":[[50.84,4.34],[50.86,4.37],[50.84,4.34]]}"
                .formatted(unit), "polygon", "at least 4");
        refusesChange(zone, "{\"name\":\"Noord\",\"unit\":\"%s\",\"postalCodes\":[\"1030\"],\"dutyContactId\":\"%s\"}"
                .formatted(unit, elsewhere), "dutyContactId", "PZ Antwerpen");
        refusesChange(zone, "{\"name\":\"Noord\",\"unit\":\"%s\",\"postalCodes\":[\"1030\"],\"dutyContactId\":\"%s\"}"
                .formatted(unit, UUID.randomUUID()), "dutyContactId", "not a registered");
        // the zone's contact is of its unit: moving the zone to another unit without another contact is refused
        refusesChange(zone, "{\"name\":\"Noord\",\"unit\":\"PZ Gent\",\"postalCodes\":[\"1030\"],\"dutyContactId\":\"%s\"}"
                .formatted(contact), "dutyContactId", "not to the zone's unit 'PZ Gent'");
        // the code is the zone's identity: another one is refused, a malformed one as when defining
        refusesChange(zone, "{\"code\":\"%s\",\"name\":\"Noord\",\"unit\":\"%s\",\"postalCodes\":[\"1030\"]}"
                .formatted(freshCode(), unit), "code", "cannot be changed from '" + code + "'");
        refusesChange(zone, "{\"code\":\"53 39\",\"name\":\"Noord\",\"unit\":\"%s\",\"postalCodes\":[\"1030\"]}"
                .formatted(unit), "code", "letters, digits or hyphens");

        mvc.perform(get("/api/police-zones/" + zone).with(Callers.admin()))
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.name").value("Centrum"))
                .andExpect(jsonPath("$.unit").value(unit))
                .andExpect(jsonPath("$.postalCodes.length()").value(2))
                .andExpect(jsonPath("$.dutyContact.id").value(contact));
    }

    @Test
    void changingAnUnknownZoneIsNotFoundAndCreatesNothing() throws Exception {
        UUID unknown = UUID.randomUUID();
        change(unknown.toString(), """
                {"name":"Noord","unit":"%s","postalCodes":["1030"]}
                """.formatted(unit))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(jdbc.sql("select count(*) from police_zone where id = :id or unit = :unit")
                .param("id", unknown).param("unit", unit).query(Long.class).single()).isZero();
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
        String zone = JsonPath.read(define(zone("Centrum", unit, "\"polygon\":" + SQUARE, null))
                .andReturn().getResponse().getContentAsString(), "$.id");
        for (var caller : List.of(Callers.alice(), Callers.bob(), Callers.carol())) {
            mvc.perform(put("/api/police-zones/" + zone).with(caller).contentType(MediaType.APPLICATION_JSON)
                            .content(zone("Elders", unit, "\"postalCodes\":[\"9000\"]", null)))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/api/police-zones/" + zone).with(Callers.admin()))
                .andExpect(jsonPath("$.name").value("Centrum"));
        mvc.perform(delete("/api/police-zones/" + zone).with(Callers.admin())).andExpect(status().isNoContent());
        assertThat(jdbc.sql("select count(*) from police_zone where unit = :unit").param("unit", unit)
                .query(Long.class).single()).isZero();
    }

    private ResultActions define(String body) throws Exception {
        return mvc.perform(post("/api/police-zones").with(Callers.admin()).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions change(String zone, String body) throws Exception {
        return mvc.perform(put("/api/police-zones/" + zone).with(Callers.admin())
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private void refusesChange(String zone, String body, String field, String reason) throws Exception {
        String before = mvc.perform(get("/api/police-zones/" + zone).with(Callers.admin()))
                .andReturn().getResponse().getContentAsString();
        change(zone, body)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].message", containsString(reason)));
        mvc.perform(get("/api/police-zones/" + zone).with(Callers.admin())).andExpect(content().json(before, true));
    }

    /** The zones an alert over this circle is sent to the contact for (in a transaction, as the fan-out asks). */
    private List<AlertedZone> zonesReachedOver(GeoCircle area, String contact) {
        return transactions.execute(tx -> resolver.police(area).stream()
                .filter(police -> police.recipient().id().toString().equals(contact))
                .flatMap(police -> police.zones().stream())
                .distinct()
                .toList());
    }

    /** A closed square polygon of 0.02 degrees around the point. */
    private static String square(double latitude, double longitude) {
        double s = latitude - 0.01, n = latitude + 0.01, w = longitude - 0.01, e = longitude + 0.01;
        return "[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]".formatted(s, w, s, e, n, e, n, w, s, w);
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
