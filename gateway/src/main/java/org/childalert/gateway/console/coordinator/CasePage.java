package org.childalert.gateway.console.coordinator;

import java.util.List;

/** One page of case-service's case list. */
record CasePage(List<CaseSummary> items, int page, int size, long total) {

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public boolean hasPrevious() {
        return page > 0;
    }
}
