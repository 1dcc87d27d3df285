package org.childalert.notifications.volunteers;

import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.childalert.notifications.Callers;
import org.childalert.notifications.NotificationServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@NotificationServiceTest
class VolunteerControllerTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aVolunteerSignsThemselfUpWithAPostalCodeAndReadsTheirRecord() throws Exception {
        String name = "vol-" + UUID.randomUUID();
        RequestPostProcessor volunteer = Callers.newVolunteer(name);

        String digits = randomDigits();
        String email = "an-" + UUID.randomUUID() + "@example.org";
        MvcResult created = mvc.perform(post("/api/volunteers").with(volunteer)
                        // the address Tomcat saw (its RemoteIpValve trusts X-Forwarded-For only from the gateway);
                        // a header the client wrote itself is not believed
                        .with(request -> {
                            request.setRemoteAddr("203.0.113.7");
                            return request;
                        })
                        .header("X-Forwarded-For", "192.0.2.66")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(signUp("0470 " + digits.substring(0, 2) + " " + digits.substring(2, 4) + " " + digits.substring(4),
                                email, "\"postalCode\":\"1000\"", "true")))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("/api/volunteers/")))
                .andExpect(jsonPath("$.phone").value("+32470" + digits))
                .andExpect(jsonPath("$.home.postalCode").value("1000"))
                .andExpect(jsonPath("$.home.latitude").value(50.830001))
                .andExpect(jsonPath("$.channels[0].verifiedAt").isEmpty()) // double opt-in: not until confirmed
                .andExpect(jsonPath("$.consent.textVersion").value("volunteer-consent-2026-11"))
                .andExpect(jsonPath("$.selfRegistered").value(true))
                .andReturn();
        String id = JsonPath.read(created.getResponse().getContentAsString(), "$.id");

        mvc.perform(get("/api/volunteers/me").with(volunteer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id));
        mvc.perform(get("/api/volunteers/" + id).with(volunteer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value(email));
        assertThat(jdbc.sql("select ip_address from volunteer_consent where volunteer_id = :id")
                .param("id", UUID.fromString(id)).query(String.class).single()).isEqualTo("203.0.113.7");
    }

    @Test
    void aSecondSignUpBySameVolunteerIsAConflict() throws Exception {
        RequestPostProcessor volunteer = Callers.newVolunteer("vol-" + UUID.randomUUID());
        mvc.perform(post("/api/volunteers").with(volunteer).contentType(MediaType.APPLICATION_JSON)
                        .content(signUp(randomMobile(), "an-" + UUID.randomUUID() + "@example.org", "\"postalCode\":\"9000\"", "true")))
                .andExpect(status().isCreated());

        mvc.perform(post("/api/volunteers").with(volunteer).contentType(MediaType.APPLICATION_JSON)
                        .content(signUp(randomMobile(), "an-" + UUID.randomUUID() + "@example.org", "\"postalCode\":\"9000\"", "true")))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void anotherVolunteersRecordIsNotFoundButAnAdminSeesIt() throws Exception {
        String id = signUpAs(Callers.newVolunteer("vol-" + UUID.randomUUID()));

        mvc.perform(get("/api/volunteers/" + id).with(Callers.carol()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/volunteers/" + id).with(Callers.admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id));
    }

    @Test
    void anAdminSignsSomeoneUpOnTheirBehalfWithoutAnOwner() throws Exception {
        mvc.perform(post("/api/volunteers").with(Callers.admin()).contentType(MediaType.APPLICATION_JSON)
                        .content(signUp(randomMobile(), "helper-" + UUID.randomUUID() + "@example.org", "\"latitude\":51.05,\"longitude\":3.72", "true")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.selfRegistered").value(false))
                .andExpect(jsonPath("$.channels[0].verifiedAt").isEmpty()) // no attestation: double opt-in
                .andExpect(jsonPath("$.home.latitude").value(51.05));
    }

    @Test
    void refusesASignUpWithoutConsentNamingTheField() throws Exception {
        String name = "vol-" + UUID.randomUUID();
        mvc.perform(post("/api/volunteers").with(Callers.newVolunteer(name)).contentType(MediaType.APPLICATION_JSON)
                        .content(signUp("0470123456", "an-" + UUID.randomUUID() + "@example.org", "\"postalCode\":\"1000\"", "false")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("consent"));
        assertThat(jdbc.sql("select count(*) from volunteer where owner_subject = :name").param("name", name)
                .query(Long.class).single()).isZero();
    }

    @Test
    void refusesAnInvalidPhoneNumberNamingTheField() throws Exception {
        mvc.perform(post("/api/volunteers").with(Callers.newVolunteer("vol-" + UUID.randomUUID()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(signUp("0470 12", "an-" + UUID.randomUUID() + "@example.org", "\"postalCode\":\"1000\"", "true")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("phone"))
                .andExpect(jsonPath("$.detail", containsString("not a valid phone number")));
    }

    @Test
    void refusesAnUnknownPostalCode() throws Exception {
        mvc.perform(post("/api/volunteers").with(Callers.newVolunteer("vol-" + UUID.randomUUID()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(signUp("0470123456", "an-" + UUID.randomUUID() + "@example.org", "\"postalCode\":\"0001\"", "true")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("home.postalCode"));
    }

    @Test
    void refusesARadiusOutsideOneToFiftyKilometres() throws Exception {
        String body = signUp("0470123456", "an-" + UUID.randomUUID() + "@example.org", "\"postalCode\":\"1000\"", "true")
                .replace("\"radiusKm\":10", "\"radiusKm\":51");
        mvc.perform(post("/api/volunteers").with(Callers.newVolunteer("vol-" + UUID.randomUUID()))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("radiusKm"));
    }

    @Test
    void policeCannotSignUpVolunteers() throws Exception {
        mvc.perform(post("/api/volunteers").with(Callers.bob()).contentType(MediaType.APPLICATION_JSON)
                        .content(signUp("0470123456", "an-" + UUID.randomUUID() + "@example.org", "\"postalCode\":\"1000\"", "true")))
                .andExpect(status().isForbidden());
    }

    private String signUpAs(RequestPostProcessor volunteer) throws Exception {
        MvcResult created = mvc.perform(post("/api/volunteers").with(volunteer).contentType(MediaType.APPLICATION_JSON)
                        .content(signUp(randomMobile(), "an-" + UUID.randomUUID() + "@example.org", "\"postalCode\":\"1000\"", "true")))
                .andExpect(status().isCreated())
                .andReturn();
        return JsonPath.read(created.getResponse().getContentAsString(), "$.id");
    }

    static String randomDigits() {
        return String.valueOf(100000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(900000));
    }

    static String randomMobile() {
        return "+32470" + randomDigits();
    }

    private static String signUp(String phone, String email, String home, String consent) {
        return """
                {"name":"An Peeters","phone":"%s","email":"%s","language":"nl","channels":["SMS","EMAIL"],
                 "home":{%s},"radiusKm":10,"consent":%s}
                """.formatted(phone, email, home, consent);
    }
}
