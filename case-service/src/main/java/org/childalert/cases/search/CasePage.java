package org.childalert.cases.search;

import java.util.List;

/**
 * One page of cases and how many match in all: {@code total} is exact when {@code totalExact}, otherwise a lower
 * bound (more than a thousand matches beyond this page).
 */
record CasePage(List<CaseSummary> items, int page, int size, long total, boolean totalExact) {

    record Total(long count, boolean exact) {
    }
}
