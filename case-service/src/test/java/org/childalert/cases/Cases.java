package org.childalert.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Request bodies for tests ("object mother"). */
final class Cases {

    private Cases() {
    }

    static String criminalAbductionOf(String firstName, LocalDate dateOfBirth) {
        return caseJson(firstName, "Peeters", dateOfBirth.toString(), "CRIMINAL_ABDUCTION",
                Instant.now().minus(2, ChronoUnit.HOURS).toString());
    }

    static String caseJson(String firstName, String lastName, String dateOfBirth, String category, String lastSeenAt) {
        return """
                {"child":{"firstName":"%s","lastName":"%s","dateOfBirth":"%s"},
                 "category":"%s",
                 "lastSeen":{"at":"%s","latitude":50.8603,"longitude":4.3620,"place":"Brussels-North station"},
                 "description":"Red jacket, blue backpack, 1m40"}
                """.formatted(firstName, lastName, dateOfBirth, category, lastSeenAt);
    }

    static String targetedEscalation(double radiusKm) {
        return """
                {"level":"TARGETED","radiusKm":%s,
                 "criteria":{"underEighteen":true,"lifeInDanger":true,"likelyInCountry":true,"enoughInformation":true}}
                """.formatted(radiusKm);
    }
}
