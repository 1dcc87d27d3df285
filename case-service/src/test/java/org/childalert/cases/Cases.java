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

    static String runawayOf(String firstName, String lastName, LocalDate dateOfBirth) {
        return caseJson(firstName, lastName, dateOfBirth.toString(), "RUNAWAY",
                Instant.now().minus(3, ChronoUnit.HOURS).toString());
    }

    /** A parental abduction with every part of the case file filled in. */
    static String actualParentalAbductionOf(String firstName, String destinationCountry) {
        return """
                {"child":{"firstName":"%s","lastName":"Janssens","dateOfBirth":"2017-06-12"},
                 "category":"PARENTAL_ABDUCTION","subtype":"ACTUAL_ABDUCTION","destinationCountry":"%s",
                 "lastSeen":{"at":"%s","latitude":51.2194,"longitude":4.4025,"place":"Antwerpen-Centraal"},
                 "description":"Taken by her father after a weekend visit",
                 "physicalDescription":"1m10, brown curly hair, glasses",
                 "clothing":"Yellow raincoat, pink boots",
                 "vehicle":"Grey Volkswagen Touran, French plates",
                 "suspect":"Father, 41",
                 "riskFactors":["VERY_YOUNG","MEDICAL_NEEDS"],
                 "reporter":{"name":"Sofie Janssens","phone":"+32470123456"},
                 "coordinator":"erin"}
                """.formatted(firstName, destinationCountry, Instant.now().minus(5, ChronoUnit.HOURS));
    }
}
