package org.childalert.gateway.console.coordinator;

import java.util.Optional;

import org.springframework.web.util.UriBuilder;

/**
 * What the coordinator searches the case list for: part of the child's name, part of the last-seen place,
 * a status, a category. Blank fields do not filter; values that are not on the lists are ignored.
 */
record CaseFilter(String name, String place, String status, String category) {

    UriBuilder addTo(UriBuilder uri) {
        return uri.queryParamIfPresent("name", words(name))
                .queryParamIfPresent("place", words(place))
                .queryParamIfPresent("status", Optional.ofNullable(status).filter(CasePages.STATUSES::contains))
                .queryParamIfPresent("category", Optional.ofNullable(category).filter(CasePages.CATEGORIES::contains));
    }

    /** case-service searches on two characters or more. */
    private static Optional<String> words(String text) {
        return Optional.ofNullable(text).map(String::strip).filter(t -> t.length() >= 2);
    }
}
