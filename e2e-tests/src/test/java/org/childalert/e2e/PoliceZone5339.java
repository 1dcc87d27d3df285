package org.childalert.e2e;

import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The police zone the demo officers bob and dave belong to (claim {@code police_zone} = {@value #CODE} in the dev
 * realm), defined through the API as an administrator would: the zone by its postal codes around the centre of
 * Brussels, and an on-duty contact of its unit reachable by SMS and email.
 */
final class PoliceZone5339 {

    static final String CODE = "5339";
    static final String UNIT = "Zone 5339 Brussels-Capital/Ixelles";

    private PoliceZone5339() {
    }

    /**
     * Adds an on-duty contact of the zone's unit (a new phone each call) and defines the zone if an earlier run
     * did not; returns the contact's phone, the number its SMS replies come from.
     */
    static String contactOnDuty(Api admin) throws Exception {
        String phone = "+32471" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
        Api.Response contact = admin.post("/api/police-contacts", """
                {"name":"Dispatch Brussels-Capital/Ixelles","unit":"%s","phone":"%s",
                 "email":"zone-5339-%d@police.example","language":"nl","channels":["SMS","EMAIL"],
                 "zone":{"latitude":50.8466,"longitude":4.3528,"radiusKm":3}}
                """.formatted(UNIT, phone, System.nanoTime()));
        assertThat(contact.status()).as(contact.toString()).isEqualTo(201);
        Api.Response zone = admin.post("/api/police-zones", """
                {"code":"%s","name":"Brussels-Capital/Ixelles","unit":"%s","postalCodes":["1000","1050"],
                 "dutyContactId":"%s"}
                """.formatted(CODE, UNIT, contact.text("id")));
        // 409: the zone exists from an earlier run on the same stack; this contact is of its unit all the same
        assertThat(zone.status()).as(zone.toString()).isIn(201, 409);
        return phone;
    }
}
