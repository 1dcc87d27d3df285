package org.childalert.cases.timeline;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What happened to a case, in order: status changes, escalation decisions, alert events, notes. */
@Component
public class Timeline {

    private final JdbcClient jdbc;

    Timeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(UUID caseId, Instant at, TimelineKind kind, String summary, String author) {
        jdbc.sql("""
                insert into timeline_entry (case_id, at, kind, summary, author)
                values (:caseId, :at, :kind, :summary, :author)
                """)
                .param("caseId", caseId)
                .param("at", Timestamp.from(at))
                .param("kind", kind.name())
                .param("summary", summary)
                .param("author", author)
                .update();
    }

    /** Replaces the free text people wrote on the case's timeline; who wrote what kind of entry when stays. */
    public void eraseFreeText(UUID caseId) {
        jdbc.sql("update timeline_entry set summary = '[erased]' where case_id = :caseId and kind in (:kinds)")
                .param("caseId", caseId)
                .param("kinds", TimelineKind.WRITTEN_BY_HAND.stream().map(Enum::name).toList())
                .update();
    }

    public List<TimelineEntry> of(UUID caseId) {
        return jdbc.sql("select at, kind, summary, author from timeline_entry where case_id = :caseId order by at, id")
                .param("caseId", caseId)
                .query((rs, n) -> new TimelineEntry(rs.getTimestamp("at").toInstant(),
                        TimelineKind.valueOf(rs.getString("kind")), rs.getString("summary"), rs.getString("author")))
                .list();
    }
}
