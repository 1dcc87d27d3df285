package org.childalert.notifications.volunteers;

import java.util.Arrays;
import java.util.UUID;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.jayway.jsonpath.JsonPath;
import jakarta.mail.Message.RecipientType;
import org.childalert.notifications.Callers;
import org.childalert.notifications.FakeProviders;
import org.childalert.notifications.NotificationServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * SMS pumping (issue 12, finding 3): erasing a volunteer used to forget how many codes their number had been sent,
 * so sign-up, two resends, erasure, sign-up again sent codes without bound; and any international number was
 * texted. The limit per number (3 per hour in the test profile) now outlives erasure, and only numbers of the
 * allowed countries are taken.
 */
@NotificationServiceTest
class SmsPumpingIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void erasingAndSigningUpAgainDoesNotStartTheCountOfCodesToANumberAfresh() throws Exception {
        String phone = VolunteerControllerTests.randomMobile();
        for (int round = 0; round < 3; round++) {
            RequestPostProcessor caller = Callers.newVolunteer("pump-" + UUID.randomUUID());
            ResultActions signUp = mvc.perform(post("/api/volunteers").with(caller)
                    .contentType(MediaType.APPLICATION_JSON).content(body(phone, null, "SMS")));
            if (round == 0) {
                String id = JsonPath.read(signUp.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
                for (int resend = 0; resend < 2; resend++) {
                    mvc.perform(post("/api/volunteers/" + id + "/verifications/SMS").with(caller))
                            .andExpect(status().isAccepted());
                }
                mvc.perform(delete("/api/volunteers/" + id).with(caller)).andExpect(status().isNoContent());
            } else {
                signUp.andExpect(status().isTooManyRequests())
                        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                        .andExpect(header().exists("Retry-After"))
                        .andExpect(jsonPath("$.detail").value(containsString("This number was sent 3 confirmation codes by SMS")));
            }
        }
        assertThat(smsSentTo(phone)).as("codes texted to the number over three sign-ups").isEqualTo(3);
    }

    @Test
    void erasingAndSigningUpAgainDoesNotStartTheCountOfLinksToAMailboxAfresh() throws Exception {
        String email = "pump-" + UUID.randomUUID() + "@example.org";
        RequestPostProcessor caller = Callers.newVolunteer("pump-" + UUID.randomUUID());
        String id = JsonPath.read(mvc.perform(post("/api/volunteers").with(caller)
                        .contentType(MediaType.APPLICATION_JSON).content(body(null, email, "EMAIL")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        for (int resend = 0; resend < 2; resend++) {
            mvc.perform(post("/api/volunteers/" + id + "/verifications/EMAIL").with(caller)).andExpect(status().isAccepted());
        }
        mvc.perform(delete("/api/volunteers/" + id).with(caller)).andExpect(status().isNoContent());

        mvc.perform(post("/api/volunteers").with(Callers.newVolunteer("pump-" + UUID.randomUUID()))
                        .contentType(MediaType.APPLICATION_JSON).content(body(null, email, "EMAIL")))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.detail").value(containsString("This address was sent 3 confirmation links by email")));
        await().untilAsserted(() -> assertThat(emailsTo(email)).isEqualTo(3));
    }

    @Test
    void aNumberOutsideBelgiumAndItsNeighboursIsRefusedAndNeverTexted() throws Exception {
        for (String phone : new String[] {"+12024561111", "+447911123456"}) {
            mvc.perform(post("/api/volunteers").with(Callers.newVolunteer("abroad-" + UUID.randomUUID()))
                            .contentType(MediaType.APPLICATION_JSON).content(body(phone, null, "SMS")))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value("phone"))
                    .andExpect(jsonPath("$.detail").value(allOf(containsString("BE, DE, FR, LU, NL"))));
            assertThat(smsSentTo(phone)).isZero();
        }
    }

    @Test
    void aNumberOfANeighbouringCountryIsTaken() throws Exception {
        String dutch = "+3162" + String.format("%07d", (int) (Math.random() * 10_000_000));
        mvc.perform(post("/api/volunteers").with(Callers.newVolunteer("neighbour-" + UUID.randomUUID()))
                        .contentType(MediaType.APPLICATION_JSON).content(body(dutch, null, "SMS")))
                .andExpect(status().isCreated());
    }

    @Test
    void aPoliceContactWithANumberAbroadIsRefused() throws Exception {
        mvc.perform(post("/api/police-contacts").with(Callers.admin()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"name":"Abroad","unit":"Test unit","phone":"+447700900456","language":"en","channels":["SMS"],
                         "zone":{"latitude":51.05,"longitude":3.72,"radiusKm":5}}
                        """))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("phone"));
    }

    private static String body(String phone, String email, String channel) {
        return """
                {"name":"Pump Test","phone":%s,"email":%s,"language":"en","channels":["%s"],
                 "home":{"postalCode":"9000"},"radiusKm":10,"consent":true}
                """.formatted(phone == null ? "null" : "\"" + phone + "\"", email == null ? "null" : "\"" + email + "\"", channel);
    }

    static long smsSentTo(String phone) {
        return FakeProviders.twilio().findAll(WireMock.postRequestedFor(WireMock.urlEqualTo(FakeProviders.MESSAGES_PATH))
                .withFormParam("To", WireMock.equalTo(phone))).size();
    }

    static long emailsTo(String address) {
        return Arrays.stream(FakeProviders.smtp().getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getRecipients(RecipientType.TO)).anyMatch(a -> a.toString().equals(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).count();
    }
}
