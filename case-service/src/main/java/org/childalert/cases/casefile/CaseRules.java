package org.childalert.cases.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules a case must satisfy that no single field's annotation can express, shared by the API and the
 * import of historic cases: a child (under 18) born before the disappearance, which was not in the future, and
 * the subtype and destination that belong to the category.
 */
public final class CaseRules {

    public static final int ADULT_AGE = 18;

    /** A rule a case broke, naming the field to correct. */
    public record Violation(String field, String message) {
    }

    private CaseRules() {
    }

    public static List<Violation> check(LocalDate dateOfBirth, Instant lastSeenAt, Instant now, CaseCategory category,
                                        CaseSubtype subtype, String destinationCountry, String receptionCentre) {
        List<Violation> violations = new ArrayList<>();
        if (lastSeenAt.isAfter(now)) {
            violations.add(new Violation("lastSeen.at", "must not be in the future"));
        }
        LocalDate lastSeenDay = lastSeenAt.atZone(ZoneOffset.UTC).toLocalDate();
        if (dateOfBirth.isAfter(lastSeenDay)) {
            violations.add(new Violation("child.dateOfBirth", "must be before the time the child was last seen"));
        } else {
            int age = Period.between(dateOfBirth, lastSeenDay).getYears();
            if (age >= ADULT_AGE) {
                violations.add(new Violation("child.dateOfBirth", "makes the person " + age
                        + " years old when last seen; only children under 18 have a case here"));
            }
        }
        if (subtype != null && subtype.category() != category) {
            violations.add(new Violation("subtype", subtype + " is a subtype of " + subtype.category() + ", not of " + category));
        }
        if (category == CaseCategory.PARENTAL_ABDUCTION && subtype == null) {
            violations.add(new Violation("subtype", "is required for a parental abduction: PREVENTIVE_ADVICE or ACTUAL_ABDUCTION"));
        }
        if (destinationCountry != null && category != CaseCategory.PARENTAL_ABDUCTION) {
            violations.add(new Violation("destinationCountry", "is recorded only for a parental abduction"));
        }
        if (destinationCountry != null && !Destinations.isCountry(destinationCountry)) {
            violations.add(new Violation("destinationCountry", "'" + destinationCountry + "' is not an ISO 3166-1 country code"));
        }
        if (subtype == CaseSubtype.ACTUAL_ABDUCTION && destinationCountry == null) {
            violations.add(new Violation("destinationCountry", "is required for an actual abduction"));
        }
        if (receptionCentre != null && category != CaseCategory.UNACCOMPANIED_MINOR) {
            violations.add(new Violation("receptionCentre", "is recorded only for an unaccompanied minor"));
        }
        return violations;
    }
}
