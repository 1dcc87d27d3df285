package org.childalert.notifications.police;

import java.util.UUID;

import org.childalert.notifications.Callers;
import org.childalert.notifications.NotificationServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@NotificationServiceTest
class PoliceContactControllerTests {

    @Autowired
    MockMvc mvc;

    @Test
    void anAdminRegistersAPoliceContactAndFindsItInTheList() throws Exception {
        String unit = "Zone Brussel-Noord " + UUID.randomUUID();
        mvc.perform(post("/api/police-contacts").with(Callers.admin()).contentType(MediaType.APPLICATION_JSON)
                        .content(contact(unit, "02 511 22 33", "10")))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("/api/police-contacts/")))
                .andExpect(jsonPath("$.phone").value("+3225112233"))
                .andExpect(jsonPath("$.zone.radiusKm").value(10.0));

        mvc.perform(get("/api/police-contacts").param("size", "1000").with(Callers.admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.contacts[*].unit", hasItem(unit)));
    }

    @Test
    void carolTheVolunteerCannotListPoliceContacts() throws Exception {
        mvc.perform(get("/api/police-contacts").with(Callers.carol()))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aCoordinatorCannotRegisterPoliceContacts() throws Exception {
        mvc.perform(post("/api/police-contacts").with(Callers.alice()).contentType(MediaType.APPLICATION_JSON)
                        .content(contact("Zone Gent", "0470123456", "10")))
                .andExpect(status().isForbidden());
    }

    @Test
    void anAnonymousCallerIsUnauthorised() throws Exception {
        mvc.perform(get("/api/police-contacts")).andExpect(status().isUnauthorized());
    }

    @Test
    void refusesAZoneWithoutARadiusNamingTheField() throws Exception {
        mvc.perform(post("/api/police-contacts").with(Callers.admin()).contentType(MediaType.APPLICATION_JSON)
                        .content(contact("Zone Gent", "0470123456", "null")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("zone.radiusKm"));
    }

    @Test
    void refusesAnInvalidEmailNamingTheField() throws Exception {
        mvc.perform(post("/api/police-contacts").with(Callers.admin()).contentType(MediaType.APPLICATION_JSON)
                        .content(contact("Zone Gent", "0470123456", "10").replace("dispatch@police.example.be", "dispatch@")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("email"));
    }

    private static String contact(String unit, String phone, String radiusKm) {
        return """
                {"name":"Dispatch","unit":"%s","phone":"%s","email":"dispatch@police.example.be","language":"fr",
                 "channels":["SMS","EMAIL"],"zone":{"latitude":50.86,"longitude":4.36,"radiusKm":%s}}
                """.formatted(unit, phone, radiusKm);
    }
}
