package org.childalert.cases.timeline;

import java.time.Instant;

/** One entry of a case's timeline; {@code needsAttention} marks what the coordinator must follow up. */
public record TimelineEntry(Instant at, TimelineKind kind, String summary, String author, boolean needsAttention) {

    TimelineEntry(Instant at, TimelineKind kind, String summary, String author) {
        this(at, kind, summary, author, kind.needsAttention());
    }
}
