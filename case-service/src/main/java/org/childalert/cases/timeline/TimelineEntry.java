package org.childalert.cases.timeline;

import java.time.Instant;

public record TimelineEntry(Instant at, TimelineKind kind, String summary, String author) {
}
