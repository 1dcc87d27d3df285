package org.childalert.cases.search;

import java.time.LocalDate;

import org.childalert.cases.casefile.CaseCategory;
import org.childalert.cases.casefile.CaseStatus;

/**
 * What a caller is looking for; every criterion is optional. Dates are days (UTC), both ends included;
 * {@code name} and {@code place} match when each word typed starts a word of the child's names or of the place,
 * ignoring case and accents.
 */
record CaseQuery(CaseStatus status, CaseCategory category, String coordinator, LocalDate openedFrom,
                 LocalDate openedTo, String place, String name, SortOrder sort, Direction direction, int page, int size) {

    enum SortOrder {
        OPENED_AT("c.opened_at"), LAST_SEEN_AT("c.last_seen_at");

        final String column;

        SortOrder(String column) {
            this.column = column;
        }
    }

    enum Direction {
        ASC, DESC
    }

    String describe() {
        StringBuilder text = new StringBuilder();
        append(text, "status", status);
        append(text, "category", category);
        append(text, "coordinator", coordinator);
        append(text, "openedFrom", openedFrom);
        append(text, "openedTo", openedTo);
        append(text, "place", place);
        append(text, "name", name);
        text.append("sort=").append(sort).append(' ').append(direction).append(" page=").append(page).append(" size=").append(size);
        return text.toString();
    }

    private static void append(StringBuilder text, String key, Object value) {
        if (value != null) {
            text.append(key).append('=').append(value).append(' ');
        }
    }
}
