package org.childalert.notifications.dispatch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import org.childalert.events.DeliveryChannel;
import org.childalert.events.DisclosureLevel;
import org.childalert.events.GeoCircle;
import org.childalert.events.NoticeKind;
import org.childalert.notifications.NotificationServiceTest;
import org.childalert.notifications.targeting.PoliceRecipient;
import org.childalert.notifications.targeting.Recipient;
import org.childalert.notifications.targeting.RecipientResolver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

/**
 * When a provider's rate is the limit, who is told first is decided by the order of the claims: the police first,
 * then the volunteers nearest the last-seen place first, whatever order they were found and queued in. Everything
 * here runs in one transaction that is rolled back, so the service's own dispatcher never sees these rows and the
 * claim's order is the test's alone.
 */
@NotificationServiceTest
class NearestFirstIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    RecipientResolver resolver;

    @Autowired
    DeliveryQueue queue;

    /** Somewhere no earlier run put anyone. */
    private final double latitude = ThreadLocalRandom.current().nextDouble(-60, 60);
    private final double longitude = ThreadLocalRandom.current().nextDouble(-170, 170);
    private final UUID alertId = UUID.randomUUID();

    @Test
    void theClaimHandsOverThePoliceFirstThenTheVolunteersNearestFirstWhateverTheOrderTheyWereQueuedIn() {
        List<UUID> claimed = transactions.execute(status -> {
            status.setRollbackOnly();
            notice();
            // south of the centre comes first in the index of homes (by latitude band), whatever the distance
            Map<UUID, Double> volunteers = new LinkedHashMap<>();
            for (double kmNorth : new double[] {-9, 1.5, -4, 0.3, 6, -2.5, 3, -0.8}) {
                volunteers.put(volunteer(kmNorth), Math.abs(kmNorth));
            }
            UUID police = policeContact();
            GeoCircle area = new GeoCircle(latitude, longitude, 12);

            List<Recipient> found;
            try (Stream<Recipient> stream = resolver.volunteers(area, DisclosureLevel.PUBLIC)) {
                found = stream.toList();
            }
            assertThat(found).extracting(Recipient::id).containsExactlyElementsOf(byDistance(volunteers));
            assertThat(found).allSatisfy(recipient ->
                    assertThat(recipient.distanceKm()).isCloseTo(volunteers.get(recipient.id()), withinPercentage(0.5)));

            // the volunteers queued in the order the index holds them, the police after them
            queue.enqueueUntold(alertId, NoticeKind.ISSUED, reversedIndexOrder(found));
            queue.enqueueUntold(alertId, NoticeKind.ISSUED,
                    resolver.police(area).stream().map(PoliceRecipient::recipient).toList());

            List<UUID> order = new ArrayList<>();
            for (Delivery delivery : queue.claim(DeliveryChannel.SMS, 1000)) {
                if (delivery.alertId().equals(alertId)) {
                    order.add(delivery.recipientId());
                }
            }
            List<UUID> expected = new ArrayList<>(List.of(police));
            expected.addAll(byDistance(volunteers));
            assertThat(order).containsExactlyElementsOf(expected);
            return order;
        });
        assertThat(claimed).hasSize(9);
    }

    /** Far south first: how the volunteers come out of the index of homes, not by distance. */
    private List<Recipient> reversedIndexOrder(List<Recipient> found) {
        List<Recipient> southFirst = new ArrayList<>(found);
        southFirst.sort((a, b) -> Double.compare(latitudeOf(a.id()), latitudeOf(b.id())));
        return southFirst;
    }

    private double latitudeOf(UUID volunteer) {
        return jdbc.sql("select home_latitude from volunteer where id = :id").param("id", volunteer)
                .query(Double.class).single();
    }

    private static List<UUID> byDistance(Map<UUID, Double> volunteers) {
        return volunteers.entrySet().stream().sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey).toList();
    }

    private void notice() {
        jdbc.sql("""
                insert into alert_notice (alert_id, case_id, level, child_first_name, child_age, issued_at)
                values (:alertId, :caseId, 'PUBLIC', 'Test', 8, now())
                """).param("alertId", alertId).param("caseId", UUID.randomUUID()).update();
    }

    /** A volunteer {@code kmNorth} of the centre (south when negative) with a verified SMS channel, radius 20 km. */
    private UUID volunteer(double kmNorth) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into volunteer (id, name, phone, language, home_latitude, home_longitude, radius_km,
                                       unsubscribe_token, registered_by)
                values (:id, 'Nearest-first test', :phone, 'en', :latitude, :longitude, 20, :token, 'test')
                """)
                .param("id", id).param("phone", "+3247" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999)))
                .param("latitude", latitude + kmNorth / 111.195).param("longitude", longitude)
                .param("token", UUID.randomUUID().toString()).update();
        jdbc.sql("insert into volunteer_channel (volunteer_id, channel, verified_at) values (:id, 'SMS', now())")
                .param("id", id).update();
        return id;
    }

    /** An on-duty police contact 7 km east of the centre, farther than most volunteers, with a verified SMS channel. */
    private UUID policeContact() {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into police_contact (id, name, unit, phone, language, zone_latitude, zone_longitude,
                                            zone_radius_km, unsubscribe_token, registered_by)
                values (:id, 'Nearest-first officer', 'Test zone', :phone, 'nl', :latitude, :longitude, 1, :token, 'test')
                """)
                .param("id", id).param("phone", "+3248" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999)))
                .param("latitude", latitude)
                .param("longitude", longitude + 7 / (111.195 * Math.cos(Math.toRadians(latitude))))
                .param("token", UUID.randomUUID().toString()).update();
        jdbc.sql("insert into police_contact_channel (police_contact_id, channel, verified_at) values (:id, 'SMS', now())")
                .param("id", id).update();
        return id;
    }
}
