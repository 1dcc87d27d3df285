package org.childalert.notifications.targeting;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import org.childalert.events.DeliveryChannel;
import org.childalert.events.DisclosureLevel;
import org.childalert.events.GeoCircle;
import org.childalert.events.RecipientKind;
import org.childalert.notifications.Callers;
import org.childalert.notifications.NotificationServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@NotificationServiceTest
class RecipientResolverIntegrationTests {

    @Autowired
    RecipientResolver resolver;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MockMvc mvc;

    // a spot no other test uses, so that only this test's people are around
    private final double latitude = ThreadLocalRandom.current().nextDouble(-60, 60);
    private final double longitude = ThreadLocalRandom.current().nextDouble(-170, 170);

    @Test
    void findsThePoliceWhoseZoneAndTheVolunteersWhoseHomeCircleTouchTheAlert() throws Exception {
        UUID police = registerPolice(latitude + km(14), 5); // 14 km away, zone 5 km: touches a 10 km alert
        UUID wideVolunteer = signUpVolunteer(latitude - km(30), 25, "[\"SMS\",\"EMAIL\"]"); // 30 km, radius 25
        UUID emailOnly = signUpVolunteer(latitude, 1, "[\"EMAIL\"]");
        signUpVolunteer(latitude + km(40), 5, "[\"SMS\"]"); // 40 km, radius 5: too far
        registerPolice(latitude - km(20), 5); // 20 km, zone 5: too far

        List<Recipient> targeted = resolve(DisclosureLevel.TARGETED);

        assertThat(targeted).extracting(Recipient::kind, Recipient::id, Recipient::channel).containsExactlyInAnyOrder(
                tuple(RecipientKind.POLICE, police, DeliveryChannel.SMS),
                tuple(RecipientKind.POLICE, police, DeliveryChannel.EMAIL),
                tuple(RecipientKind.VOLUNTEER, wideVolunteer, DeliveryChannel.SMS),
                tuple(RecipientKind.VOLUNTEER, wideVolunteer, DeliveryChannel.EMAIL),
                tuple(RecipientKind.VOLUNTEER, emailOnly, DeliveryChannel.EMAIL));
    }

    @Test
    void reachesOnlyThePoliceForAPoliceOnlyAlert() throws Exception {
        UUID police = registerPolice(latitude, 5);
        signUpVolunteer(latitude, 5, "[\"SMS\"]");

        List<Recipient> policeOnly = resolve(DisclosureLevel.POLICE_ONLY);

        assertThat(policeOnly).extracting(Recipient::kind).containsOnly(RecipientKind.POLICE);
        assertThat(policeOnly).extracting(Recipient::id).containsOnly(police);
        assertThat(policeOnly).extracting(Recipient::address).contains("+32470555111");
    }

    private List<Recipient> resolve(DisclosureLevel level) {
        return transactions.execute(status -> {
            try (Stream<Recipient> recipients = resolver.recipients(new GeoCircle(latitude, longitude, 10), level)) {
                return recipients.toList();
            }
        });
    }

    private UUID registerPolice(double at, int radiusKm) throws Exception {
        String body = mvc.perform(post("/api/police-contacts").with(Callers.admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"Dispatch","unit":"Zone","phone":"+32470555111","email":"zone@police.example.be",
                                 "language":"nl","channels":["SMS","EMAIL"],
                                 "zone":{"latitude":%s,"longitude":%s,"radiusKm":%d}}
                                """.formatted(at, longitude, radiusKm)))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return UUID.fromString(JsonPath.read(body, "$.id"));
    }

    private UUID signUpVolunteer(double at, int radiusKm, String channels) throws Exception {
        String body = mvc.perform(post("/api/volunteers").with(Callers.newVolunteer("vol-" + UUID.randomUUID()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"Volunteer","phone":"+32470555222","email":"v@example.org","language":"fr",
                                 "channels":%s,"home":{"latitude":%s,"longitude":%s},"radiusKm":%d,"consent":true}
                                """.formatted(channels, at, longitude, radiusKm)))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return UUID.fromString(JsonPath.read(body, "$.id"));
    }

    private static double km(double km) {
        return km / 111.195;
    }
}
