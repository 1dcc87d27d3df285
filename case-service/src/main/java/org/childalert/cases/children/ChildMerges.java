package org.childalert.cases.children;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.childalert.cases.audit.AuditLog;
import org.childalert.cases.security.Caller;
import org.childalert.cases.timeline.Timeline;
import org.childalert.cases.timeline.TimelineKind;
import org.childalert.kit.web.ConflictException;
import org.childalert.kit.web.InvalidRequestException;
import org.childalert.kit.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two records turned out to be the same child (a typo in a name, a date of birth corrected): a coordinator
 * merges the duplicate into the record to keep. The duplicate's cases move over, so the child counts once, and
 * the duplicate stays behind, pointing at the record it was merged into.
 */
@Service
class ChildMerges {

    private final JdbcClient jdbc;
    private final Children children;
    private final Timeline timeline;
    private final AuditLog audit;
    private final Clock clock;

    ChildMerges(JdbcClient jdbc, Children children, Timeline timeline, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.children = children;
        this.timeline = timeline;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    ChildWithCases merge(UUID keptId, UUID duplicateId, Caller coordinator) {
        if (keptId.equals(duplicateId)) {
            throw new InvalidRequestException("duplicateId", "must name another child than the one kept");
        }
        // lock both records in a fixed order, so that two crossing merges cannot deadlock
        jdbc.sql("select id from child where id in (:ids) order by id for update")
                .param("ids", List.of(keptId, duplicateId))
                .query(UUID.class)
                .list();
        Children.ChildRecord kept = mergeable(keptId);
        Children.ChildRecord duplicate = mergeable(duplicateId);
        List<UUID> moved = jdbc.sql("update case_file set child_id = :kept where child_id = :duplicate returning id")
                .param("kept", keptId)
                .param("duplicate", duplicateId)
                .query(UUID.class)
                .list();
        jdbc.sql("update child set merged_into = :kept where id = :duplicate")
                .param("kept", keptId)
                .param("duplicate", duplicateId)
                .update();
        Instant now = clock.instant();
        String summary = "Child record " + duplicateId + " (" + name(duplicate.child()) + ") merged into " + keptId
                + " (" + name(kept.child()) + ")";
        for (UUID caseId : moved) {
            timeline.record(caseId, now, TimelineKind.CHILD_MERGED, summary, coordinator.username());
            audit.record(coordinator, "CHILD_MERGED", caseId, "child " + duplicateId + " -> " + keptId);
        }
        audit.record(coordinator, "CHILD_MERGED", null, "child " + duplicateId + " -> " + keptId + ", "
                + moved.size() + " case(s) moved");
        return ChildWithCases.of(kept.child(), cases(keptId));
    }

    @Transactional
    ChildWithCases read(UUID id, Caller coordinator) {
        Children.ChildRecord record = children.findRecord(id).orElseThrow(() -> new NotFoundException("Child", id));
        audit.record(coordinator, "CHILD_READ", null, "child " + id);
        return ChildWithCases.of(record.child(), cases(id)).mergedInto(record.mergedInto());
    }

    private Children.ChildRecord mergeable(UUID id) {
        Children.ChildRecord record = children.findRecord(id).orElseThrow(() -> new NotFoundException("Child", id));
        if (record.mergedInto() != null) {
            throw new ConflictException("Child " + id + " was already merged into " + record.mergedInto() + ".");
        }
        if (record.erased()) {
            throw new ConflictException("Child " + id + " was anonymised at the end of the retention period.");
        }
        return record;
    }

    private List<ChildWithCases.CaseSummary> cases(UUID childId) {
        return jdbc.sql("select id, category, status, opened_at from case_file where child_id = :id order by opened_at")
                .param("id", childId)
                .query((rs, n) -> new ChildWithCases.CaseSummary(rs.getObject("id", UUID.class), rs.getString("category"),
                        rs.getString("status"), rs.getTimestamp("opened_at").toInstant()))
                .list();
    }

    private static String name(Child child) {
        return child.firstName() + " " + child.lastName() + ", born " + child.dateOfBirth();
    }
}
