package org.childalert.notifications.targeting;

import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import org.childalert.events.DisclosureLevel;
import org.childalert.events.GeoCircle;
import com.jayway.jsonpath.JsonPath;
import org.childalert.events.RecipientKind;
import org.childalert.notifications.Callers;
import org.childalert.notifications.NotificationServiceTest;
import org.childalert.notifications.geo.PostalCodeGeocoder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who must be told: areas that overlap, verified channels only, no opted-out or paused people, quiet hours;
 * police by their own circle and by the zones (polygons, postal codes) the alert touches, each once.
 */
@NotificationServiceTest
class RecipientResolverIntegrationTests {

    @Autowired
    RecipientResolver resolver;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    PostalCodeGeocoder geocoder;

    @Autowired
    MockMvc mvc;

    // somewhere no earlier run put anyone
    private final double latitude = ThreadLocalRandom.current().nextDouble(-60, 60);
    private final double longitude = ThreadLocalRandom.current().nextDouble(-170, 170);

    @Test
    void tellsEachVerifiedVolunteerWhoseAreaOverlapsOncePerChannelAndNobodyElse() {
        UUID near = volunteer(3, 5, true, false);
        UUID farButWideRadius = volunteer(30, 25, true, false);
        UUID farWithSmallRadius = volunteer(30, 5, true, false);
        UUID unverified = volunteer(1, 5, false, false);
        UUID optedOut = volunteer(1, 5, true, true);
        UUID paused = volunteer(1, 5, true, false);
        jdbc.sql("update volunteer set paused_until = now() + interval '1 day' where id = :id").param("id", paused).update();
        UUID quiet = volunteer(1, 5, true, false);
        LocalTime now = LocalTime.now(RecipientResolver.QUIET_HOURS_ZONE);
        jdbc.sql("update volunteer set quiet_from = :from, quiet_until = :until where id = :id")
                .param("from", now.minusHours(1)).param("until", now.plusHours(1)).param("id", quiet).update();

        List<Recipient> targeted = resolve(DisclosureLevel.TARGETED);
        List<Recipient> publicAlert = resolve(DisclosureLevel.PUBLIC);
        List<Recipient> policeOnly = resolve(DisclosureLevel.POLICE_ONLY);

        assertThat(targeted).extracting(Recipient::id).containsExactlyInAnyOrder(near, farButWideRadius);
        assertThat(targeted).extracting(Recipient::id).doesNotContain(farWithSmallRadius, unverified, optedOut, paused, quiet);
        assertThat(publicAlert).extracting(Recipient::id).containsExactlyInAnyOrder(near, farButWideRadius, quiet);
        assertThat(policeOnly).isEmpty();
    }


    @Test
    void tellsTheDutyContactOfEveryPolygonZoneTheAlertTouchesAndNoOtherZones() throws Exception {
        String unit = "PZ " + UUID.randomUUID();
        UUID containsTheCentre = policeContact(unit);
        UUID edgeWithinReach = policeContact(unit);
        UUID tooFar = policeContact(unit);
        zone(unit, "\"polygon\":" + square(0, 0, 2), containsTheCentre);
        zone(unit, "\"polygon\":" + square(0, 12, 3), edgeWithinReach); // west edge 9 km east of the centre
        zone(unit, "\"polygon\":" + square(0, 20, 3), tooFar); // west edge 17 km east

        assertThat(resolve(DisclosureLevel.POLICE_ONLY))
                .filteredOn(recipient -> recipient.kind() == RecipientKind.POLICE)
                .extracting(Recipient::id)
                .containsExactlyInAnyOrder(containsTheCentre, edgeWithinReach);
    }

    @Test
    void whenNobodyIsOnDutyForAZoneEveryOnDutyContactOfItsUnitIsTold() throws Exception {
        String unit = "PZ " + UUID.randomUUID();
        UUID offDuty = policeContact(unit);
        UUID colleague = policeContact(unit);
        UUID colleagueOffDuty = policeContact(unit);
        UUID otherUnit = policeContact("PZ " + UUID.randomUUID());
        zone(unit, "\"polygon\":" + square(0, 0, 2), offDuty);
        offDuty(offDuty);
        offDuty(colleagueOffDuty);

        assertThat(resolve(DisclosureLevel.TARGETED))
                .filteredOn(recipient -> recipient.kind() == RecipientKind.POLICE)
                .extracting(Recipient::id)
                .containsExactly(colleague)
                .doesNotContain(offDuty, colleagueOffDuty, otherUnit);
    }

    @Test
    void tellsAPoliceContactOncePerChannelWhenBothItsCircleAndItsZoneAreTouched() throws Exception {
        String unit = "PZ " + UUID.randomUUID();
        UUID contact = policeContact(unit, latitude, longitude);
        zone(unit, "\"polygon\":" + square(0, 0, 2), contact);

        assertThat(resolve(DisclosureLevel.POLICE_ONLY)).extracting(Recipient::id).containsExactly(contact);
    }

    @Test
    void aPostalCodeZoneIsToldOfAlertsNearItsPlacesOnly() throws Exception {
        String unit = "PZ " + UUID.randomUUID();
        UUID dutyContact = policeContact(unit);
        zone(unit, "\"postalCodes\":[\"4750\"]", dutyContact); // Butgenbach, in the east of Belgium
        PostalCodeGeocoder.Coordinates place = geocoder.locate("4750").orElseThrow();

        List<Recipient> near = resolveAt(new GeoCircle(place.latitude() + 5 / 111.2, place.longitude(), 3));
        List<Recipient> far = resolveAt(new GeoCircle(place.latitude() + 40 / 111.2, place.longitude(), 10));

        assertThat(near).extracting(Recipient::id).contains(dutyContact); // earlier runs may have zones here too
        assertThat(far).extracting(Recipient::id).doesNotContain(dutyContact);
    }

    private List<Recipient> resolve(DisclosureLevel level) {
        return transactions.execute(status -> {
            try (Stream<Recipient> recipients = resolver.recipients(new GeoCircle(latitude, longitude, 10), level)) {
                return recipients.filter(r -> r.address().endsWith("@resolver.example")).toList();
            }
        });
    }

    private List<Recipient> resolveAt(GeoCircle area) {
        return transactions.execute(status -> {
            try (Stream<Recipient> recipients = resolver.recipients(area, DisclosureLevel.POLICE_ONLY)) {
                return recipients.filter(r -> r.address().endsWith("@resolver.example")).toList();
            }
        });
    }

    /** An on-duty police contact on EMAIL whose own circle is far from here: only a zone can bring it in. */
    private UUID policeContact(String unit) throws Exception {
        return policeContact(unit, latitude > 0 ? latitude - 5 : latitude + 5, longitude);
    }

    private UUID policeContact(String unit, double zoneLatitude, double zoneLongitude) throws Exception {
        String body = """
                {"name":"Dispatch","unit":"%s","email":"%s@resolver.example","language":"nl","channels":["EMAIL"],
                 "zone":{"latitude":%s,"longitude":%s,"radiusKm":1}}
                """.formatted(unit, UUID.randomUUID(), zoneLatitude, zoneLongitude);
        return UUID.fromString(JsonPath.read(mvc.perform(post("/api/police-contacts").with(Callers.admin())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), "$.id"));
    }

    private void offDuty(UUID contact) throws Exception {
        mvc.perform(put("/api/police-contacts/" + contact + "/duty").with(Callers.admin())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"onDuty\":false}"))
                .andExpect(status().isOk());
    }

    private void zone(String unit, String area, UUID dutyContact) throws Exception {
        mvc.perform(post("/api/police-zones").with(Callers.admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code":"%s","name":"Zone","unit":"%s",%s,"dutyContactId":"%s"}
                                """.formatted("T" + UUID.randomUUID().toString().substring(0, 8), unit, area, dutyContact)))
                .andExpect(status().isCreated());
    }

    /** A closed square polygon, {@code halfSideKm} around the point so far north and east of the alert's centre. */
    private String square(double kmNorth, double kmEast, double halfSideKm) {
        double kmPerDegreeLongitude = 111.2 * Math.cos(Math.toRadians(latitude));
        double south = latitude + (kmNorth - halfSideKm) / 111.2;
        double north = latitude + (kmNorth + halfSideKm) / 111.2;
        double west = longitude + (kmEast - halfSideKm) / kmPerDegreeLongitude;
        double east = longitude + (kmEast + halfSideKm) / kmPerDegreeLongitude;
        return "[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]".formatted(south, west, south, east, north, east, north, west,
                south, west);
    }

    /** A volunteer {@code kmNorth} of the alert's centre with one EMAIL channel. */
    private UUID volunteer(double kmNorth, double radiusKm, boolean verified, boolean optedOut) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into volunteer (id, name, email, language, home_latitude, home_longitude, radius_km,
                                       unsubscribe_token, registered_by)
                values (:id, 'Resolver test', :email, 'en', :latitude, :longitude, :radiusKm, :token, 'test')
                """)
                .param("id", id).param("email", id + "@resolver.example")
                .param("latitude", latitude + kmNorth / 111.32).param("longitude", longitude)
                .param("radiusKm", radiusKm).param("token", UUID.randomUUID().toString()).update();
        jdbc.sql("""
                insert into volunteer_channel (volunteer_id, channel, verified_at, opted_out_at)
                values (:id, 'EMAIL', case when :verified then now() end, case when :optedOut then now() end)
                """).param("id", id).param("verified", verified).param("optedOut", optedOut).update();
        return id;
    }
}
