package org.childalert.notifications;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.github.tomakehurst.wiremock.client.BasicCredentials;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.jayway.jsonpath.JsonPath;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.MimeMessage;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Object mother for the people an alert reaches, registered through the API as an admin does, at a random
 * place of the globe so that each test's alert reaches exactly its own people; and what the fakes received.
 */
public final class TestPeople {

    /** Someone registered, with their phone and mailbox. */
    public record Person(UUID id, String phone, String email) {
    }

    private final MockMvc mvc;

    public TestPeople(MockMvc mvc) {
        this.mvc = mvc;
    }

    /** A police contact whose own circle (radius {@code radiusKm}) is centred here. */
    public Person police(String unit, String language, double latitude, double longitude, double radiusKm) throws Exception {
        String phone = randomMobile();
        String email = "police-" + UUID.randomUUID() + "@example.org";
        MvcResult result = mvc.perform(post("/api/police-contacts").with(Callers.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"Dispatch %s","unit":"%s","phone":"%s","email":"%s","language":"%s",
                                 "channels":["SMS","EMAIL"],"zone":{"latitude":%s,"longitude":%s,"radiusKm":%s}}
                                """.formatted(unit, unit, phone, email, language, latitude, longitude, radiusKm)))
                .andExpect(status().isCreated())
                .andReturn();
        return new Person(UUID.fromString(JsonPath.read(result.getResponse().getContentAsString(), "$.id")), phone, email);
    }

    /** A police zone as a square polygon around the point, with a duty contact of its unit. */
    public void zone(String code, String name, String unit, double latitude, double longitude, double halfSideKm,
                     UUID dutyContact) throws Exception {
        double dLat = halfSideKm / 111.2;
        double dLon = halfSideKm / (111.2 * Math.cos(Math.toRadians(latitude)));
        String square = "[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]".formatted(latitude - dLat, longitude - dLon,
                latitude - dLat, longitude + dLon, latitude + dLat, longitude + dLon, latitude + dLat, longitude - dLon,
                latitude - dLat, longitude - dLon);
        mvc.perform(post("/api/police-zones").with(Callers.admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code":"%s","name":"%s","unit":"%s","polygon":%s,"dutyContactId":"%s"}
                                """.formatted(code, name, unit, square, dutyContact)))
                .andExpect(status().isCreated());
    }

    /** A volunteer whose SMS and EMAIL an admin attested, so that they count at once. */
    public Person volunteer(String language, double latitude, double longitude, int radiusKm) throws Exception {
        String phone = randomMobile();
        String email = "vol-" + UUID.randomUUID() + "@example.org";
        MvcResult result = mvc.perform(post("/api/volunteers").with(Callers.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"Volunteer %s","phone":"%s","email":"%s","language":"%s","channels":["SMS","EMAIL"],
                                 "home":{"latitude":%s,"longitude":%s},"radiusKm":%d,"consent":true,"verifiedBy":"admin"}
                                """.formatted(phone.substring(phone.length() - 4), phone, email, language, latitude,
                                longitude, radiusKm)))
                .andExpect(status().isCreated())
                .andReturn();
        return new Person(UUID.fromString(JsonPath.read(result.getResponse().getContentAsString(), "$.id")), phone, email);
    }

    /** The bodies of the SMS the Twilio fake received for this person, oldest first. */
    public static List<String> smsTo(Person person) {
        return FakeProviders.twilio().findAll(postRequestedFor(urlEqualTo(FakeProviders.MESSAGES_PATH))
                        .withBasicAuth(new BasicCredentials(FakeProviders.ACCOUNT_SID, FakeProviders.AUTH_TOKEN))
                        .withFormParam("To", equalTo(person.phone())))
                .stream()
                .map(LoggedRequest::formParameters)
                .map(form -> form.get("Body").firstValue())
                .toList();
    }

    public static List<MimeMessage> emailsTo(Person person) {
        return Arrays.stream(FakeProviders.smtp().getReceivedMessages())
                .filter(message -> {
                    try {
                        return Arrays.stream(message.getRecipients(RecipientType.TO))
                                .anyMatch(address -> address.toString().equals(person.email()));
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    public static String randomMobile() {
        return "+32470" + (100000 + ThreadLocalRandom.current().nextInt(900000));
    }

    public static double kmNorth(double km) {
        return km / 111.195;
    }
}
