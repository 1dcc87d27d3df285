package org.childalert.notifications.targeting;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.jayway.jsonpath.JsonPath;
import org.childalert.events.DeliveryChannel;
import org.childalert.events.DisclosureLevel;
import org.childalert.events.GeoCircle;
import org.childalert.events.RecipientKind;
import org.childalert.notifications.Callers;
import org.childalert.notifications.NotificationServiceTest;
import org.childalert.notifications.geo.GeoMath;
import org.childalert.notifications.geo.PostalCodeGeocoder;
import org.childalert.notifications.templates.Language;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who must be told: volunteers who live in the circle and whose own radius reaches its centre, verified
 * channels only, no opted-out or paused people, quiet hours; the copy of reachable channels the resolver reads
 * following every write, also when two run at once; police by their own circle and by the zones (polygons,
 * postal codes) the alert touches, each once.
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

    @Autowired
    DataSource dataSource;

    // somewhere no earlier run put anyone
    private final double latitude = ThreadLocalRandom.current().nextDouble(-60, 60);
    private final double longitude = ThreadLocalRandom.current().nextDouble(-170, 170);

    @Test
    void tellsEachVerifiedVolunteerLivingInTheCircleWhoseOwnRadiusReachesItsCentreOncePerChannelAndNobodyElse() {
        UUID near = volunteer(3, 5, true, false);
        UUID insideWithAWideRadius = volunteer(9, 25, true, false);
        UUID insideButTheCentreBeyondTheirRadius = volunteer(8, 5, true, false);
        UUID outsideWithARadiusThatReachesTheCentre = volunteer(30, 50, true, false);
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

        assertThat(targeted).extracting(Recipient::id).containsExactlyInAnyOrder(near, insideWithAWideRadius);
        assertThat(targeted).extracting(Recipient::id).doesNotContain(insideButTheCentreBeyondTheirRadius,
                outsideWithARadiusThatReachesTheCentre, unverified, optedOut, paused, quiet);
        assertThat(publicAlert).extracting(Recipient::id).containsExactlyInAnyOrder(near, insideWithAWideRadius, quiet);
        assertThat(policeOnly).isEmpty();
        assertThat(targeted).allSatisfy(recipient -> {
            assertThat(recipient.channel()).isEqualTo(DeliveryChannel.EMAIL);
            assertThat(recipient.address()).isEqualTo(recipient.id() + "@resolver.example");
            assertThat(recipient.language()).isEqualTo(Language.EN);
        });
    }

    @Test
    void wideningTheCircleReachesThoseOfTheNewRingWhoseRadiusReachesTheCentre() {
        UUID within10 = volunteer(6, 10, true, false);
        UUID at15WithRadius20 = volunteer(15, 20, true, false);
        UUID at15WithRadius10 = volunteer(15, 10, true, false);

        assertThat(resolveWithin(10)).containsExactlyInAnyOrder(within10);
        assertThat(resolveWithin(20)).containsExactlyInAnyOrder(within10, at15WithRadius20);
        assertThat(resolveWithin(20)).doesNotContain(at15WithRadius10);
    }

    @Test
    void findsVolunteersAllRoundTheCentreAcrossTheAntimeridianAndUpToTheLargestRadiusTheDatabaseAccepts() {
        double[][] bearingsAndKm = {{0, 44}, {45, 30}, {90, 49}, {135, 12}, {180, 49.5}, {225, 3}, {270, 49.9}, {315, 20}};
        GeoCircle antimeridian = new GeoCircle(latitude, 179.99, 50);
        List<UUID> everywhere = new ArrayList<>();
        for (double[] bearingAndKm : bearingsAndKm) {
            everywhere.add(volunteerAt(antimeridian, bearingAndKm[0], bearingAndKm[1], NearbyHomes.LARGEST_VOLUNTEER_RADIUS_KM));
        }
        UUID justOutside = volunteerAt(antimeridian, 100, 50.5, NearbyHomes.LARGEST_VOLUNTEER_RADIUS_KM);

        assertThat(resolveAt(antimeridian, DisclosureLevel.TARGETED)).extracting(Recipient::id)
                .containsAll(everywhere) // earlier runs may have put volunteers on this meridian too
                .doesNotContain(justOutside);
        assertThatThrownBy(() -> jdbc.sql("update volunteer set radius_km = :radiusKm where id = :id")
                .param("radiusKm", NearbyHomes.LARGEST_VOLUNTEER_RADIUS_KM + 0.5).param("id", justOutside).update())
                .isInstanceOf(DataIntegrityViolationException.class); // no volunteer has a radius the resolver never looks for
    }

    @Test
    void theReachableCopyFollowsEveryChangeMadeThroughTheApi() throws Exception {
        String id = JsonPath.read(mvc.perform(post("/api/volunteers").with(Callers.admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"Copy test","email":"%s@resolver.example","language":"nl","channels":["EMAIL"],
                                 "home":{"latitude":%s,"longitude":%s},"radiusKm":5,"consent":true,"verifiedBy":"admin"}
                                """.formatted(UUID.randomUUID(), latitude + 3 / 111.32, longitude)))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), "$.id");
        UUID volunteer = UUID.fromString(id);
        assertThat(resolveWithin(10)).containsExactly(volunteer);

        preferences(id, 8 / 111.32, 5); // moved to 8 km: the centre is beyond their 5 km
        assertThat(resolveWithin(10)).isEmpty();
        preferences(id, 8 / 111.32, 10);
        assertThat(resolveWithin(10)).containsExactly(volunteer);

        mvc.perform(post("/api/volunteers/" + id + "/opt-out").with(Callers.admin())).andExpect(status().isNoContent());
        assertThat(resolveWithin(10)).isEmpty();
        mvc.perform(post("/api/volunteers/" + id + "/opt-in").with(Callers.admin())).andExpect(status().isNoContent());
        assertThat(resolveWithin(10)).containsExactly(volunteer);
        assertThat(copyDiffersFromSource()).isZero();

        mvc.perform(delete("/api/volunteers/" + id).with(Callers.admin())).andExpect(status().isNoContent());
        assertThat(resolveWithin(10)).isEmpty();
        assertThat(jdbc.sql("select count(*) from volunteer_reach where volunteer_id = :id").param("id", volunteer)
                .query(Long.class).single()).isZero();
    }

    @Test
    void theReachableCopyFollowsEveryColumnItCopies() {
        UUID volunteer = volunteer(3, 5, true, false);
        jdbc.sql("update volunteer set phone = '+32470001122' where id = :id").param("id", volunteer).update();
        jdbc.sql("insert into volunteer_channel (volunteer_id, channel, verified_at) values (:id, 'SMS', now())")
                .param("id", volunteer).update();
        jdbc.sql("update volunteer set email = :email, language = 'fr', radius_km = 7 where id = :id")
                .param("email", "moved-" + volunteer + "@resolver.example").param("id", volunteer).update();
        assertThat(copyDiffersFromSource()).isZero();
        jdbc.sql("update volunteer set phone = null where id = :id").param("id", volunteer).update();
        jdbc.sql("update volunteer set quiet_from = '01:00', quiet_until = '02:00', paused_until = now() - interval '1 day' where id = :id")
                .param("id", volunteer).update();
        assertThat(copyDiffersFromSource()).isZero();
        assertThat(jdbc.sql("select channel || ' ' || address || ' ' || language || ' ' || radius_km from volunteer_reach where volunteer_id = :id")
                .param("id", volunteer).query(String.class).list())
                .containsExactly("EMAIL moved-" + volunteer + "@resolver.example fr 7");
        jdbc.sql("delete from volunteer_channel where volunteer_id = :id").param("id", volunteer).update();
        assertThat(jdbc.sql("select count(*) from volunteer_reach where volunteer_id = :id").param("id", volunteer)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aStopThatArrivesWhileTheVolunteerMovesIsNotUndoneByTheMove() throws Exception {
        UUID volunteer = volunteer(3, 5, true, false);
        try (Connection mover = dataSource.getConnection(); Connection stopper = dataSource.getConnection()) {
            mover.setAutoCommit(false);
            stopper.setAutoCommit(false);
            try (PreparedStatement move = mover.prepareStatement("update volunteer set home_latitude = home_latitude + 0.01 where id = ?")) {
                move.setObject(1, volunteer);
                move.executeUpdate(); // not committed yet: its trigger has copied the channel as it was, not opted out
            }
            CompletableFuture<Void> stop = CompletableFuture.runAsync(() -> {
                try (PreparedStatement optOut = stopper.prepareStatement(
                        "update volunteer_channel set opted_out_at = now() where volunteer_id = ?")) {
                    optOut.setObject(1, volunteer);
                    optOut.executeUpdate();
                    stopper.commit();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            // the opt-out either waits for the move (as it must) or, were the copy not protected, finishes first
            await().until(() -> stop.isDone() || waitsForALock(stopper));
            mover.commit();
            stop.get();
        }

        assertThat(copyDiffersFromSource()).isZero();
        assertThat(resolve(DisclosureLevel.PUBLIC)).extracting(Recipient::id).doesNotContain(volunteer);
    }

    @Test
    void aChannelVerifiedWhileTheVolunteerMovesIsCopiedWithTheNewHome() throws Exception {
        UUID volunteer = volunteer(3, 5, false, false);
        try (Connection mover = dataSource.getConnection(); Connection verifier = dataSource.getConnection()) {
            mover.setAutoCommit(false);
            verifier.setAutoCommit(false);
            try (PreparedStatement move = mover.prepareStatement("update volunteer set home_latitude = home_latitude + 0.3 where id = ?")) {
                move.setObject(1, volunteer); // 33 km further north, out of every circle of these tests
                move.executeUpdate();
            }
            CompletableFuture<Void> verify = CompletableFuture.runAsync(() -> {
                try (PreparedStatement verified = verifier.prepareStatement(
                        "update volunteer_channel set verified_at = now() where volunteer_id = ?")) {
                    verified.setObject(1, volunteer);
                    verified.executeUpdate();
                    verifier.commit();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            await().until(() -> verify.isDone() || waitsForALock(verifier));
            mover.commit();
            verify.get();
        }

        assertThat(copyDiffersFromSource()).isZero();
        assertThat(resolve(DisclosureLevel.PUBLIC)).extracting(Recipient::id).doesNotContain(volunteer);
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
        return resolveAt(new GeoCircle(latitude, longitude, 10), level);
    }

    private List<Recipient> resolveAt(GeoCircle area) {
        return resolveAt(area, DisclosureLevel.POLICE_ONLY);
    }

    private List<Recipient> resolveAt(GeoCircle area, DisclosureLevel level) {
        return transactions.execute(status -> {
            try (Stream<Recipient> recipients = resolver.recipients(area, level)) {
                return recipients.filter(r -> r.address().endsWith("@resolver.example")).toList();
            }
        });
    }

    /** The volunteers a TARGETED alert of this radius around the test's centre reaches. */
    private List<UUID> resolveWithin(double radiusKm) {
        return resolveAt(new GeoCircle(latitude, longitude, radiusKm), DisclosureLevel.TARGETED).stream()
                .map(Recipient::id).toList();
    }

    /** How many rows of the copy differ from what the source tables say is reachable, both ways. */
    private long copyDiffersFromSource() {
        return jdbc.sql("""
                select (select count(*) from (
                            select volunteer_id, channel, address, language, home_latitude, home_longitude, radius_km,
                                   paused_until, quiet_from, quiet_until from volunteer_reach
                            except select * from volunteer_reachable_channel) extra)
                     + (select count(*) from (
                            select * from volunteer_reachable_channel
                            except select volunteer_id, channel, address, language, home_latitude, home_longitude,
                                          radius_km, paused_until, quiet_from, quiet_until from volunteer_reach) missing)
                """).query(Long.class).single();
    }

    private boolean waitsForALock(Connection connection) throws SQLException {
        int backend = connection.unwrap(PGConnection.class).getBackendPID();
        return jdbc.sql("select wait_event_type = 'Lock' from pg_stat_activity where pid = :pid").param("pid", backend)
                .query(Boolean.class).optional().orElse(false);
    }

    private void preferences(String id, double degreesNorth, double radiusKm) throws Exception {
        mvc.perform(put("/api/volunteers/" + id + "/preferences").with(Callers.admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"channels":["EMAIL"],"language":"nl","home":{"latitude":%s,"longitude":%s},"radiusKm":%s}
                                """.formatted(latitude + degreesNorth, longitude, radiusKm)))
                .andExpect(status().isOk());
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
        return volunteer(latitude + kmNorth / 111.32, longitude, radiusKm, verified, optedOut);
    }

    /** A verified volunteer {@code km} from the circle's centre in the direction of this bearing (degrees). */
    private UUID volunteerAt(GeoCircle circle, double bearingDegrees, double km, double radiusKm) {
        double delta = km / GeoMath.EARTH_RADIUS_KM;
        double bearing = Math.toRadians(bearingDegrees);
        double phi0 = Math.toRadians(circle.latitude());
        double phi = Math.asin(Math.sin(phi0) * Math.cos(delta) + Math.cos(phi0) * Math.sin(delta) * Math.cos(bearing));
        double lambda = Math.toRadians(circle.longitude()) + Math.atan2(Math.sin(bearing) * Math.sin(delta) * Math.cos(phi0),
                Math.cos(delta) - Math.sin(phi0) * Math.sin(phi));
        double longitude = Math.toDegrees(lambda);
        return volunteer(Math.toDegrees(phi), longitude > 180 ? longitude - 360 : longitude, radiusKm, true, false);
    }

    private UUID volunteer(double homeLatitude, double homeLongitude, double radiusKm, boolean verified, boolean optedOut) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into volunteer (id, name, email, language, home_latitude, home_longitude, radius_km,
                                       unsubscribe_token, registered_by)
                values (:id, 'Resolver test', :email, 'en', :latitude, :longitude, :radiusKm, :token, 'test')
                """)
                .param("id", id).param("email", id + "@resolver.example")
                .param("latitude", homeLatitude).param("longitude", homeLongitude)
                .param("radiusKm", radiusKm).param("token", UUID.randomUUID().toString()).update();
        jdbc.sql("""
                insert into volunteer_channel (volunteer_id, channel, verified_at, opted_out_at)
                values (:id, 'EMAIL', case when :verified then now() end, case when :optedOut then now() end)
                """).param("id", id).param("verified", verified).param("optedOut", optedOut).update();
        return id;
    }
}
