package org.childalert.cases.children;

import java.time.LocalDate;
import java.time.Period;
import java.util.UUID;

/** A child, independent of the cases opened for them. */
public record Child(UUID id, String firstName, String lastName, LocalDate dateOfBirth) {

    public int ageOn(LocalDate day) {
        return Period.between(dateOfBirth, day).getYears();
    }
}
