package org.childalert.gateway.console.coordinator;

import java.time.Instant;

/** One line of a case's timeline. */
record TimelineEntry(Instant at, String kind, String summary, String author) {
}
