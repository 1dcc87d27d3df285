package org.childalert.cases.casefile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.childalert.cases.children.Child;
import org.childalert.events.CaseOutcome;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CaseFileRepository {

    private static final String SELECT = """
            select c.id, c.category, c.status, c.last_seen_at, c.last_seen_latitude, c.last_seen_longitude,
                   c.last_seen_place, c.description, c.opened_at, c.opened_by, c.outcome, c.resolved_at, c.resolved_by,
                   ch.id as child_id, ch.first_name, ch.last_name, ch.date_of_birth
            from case_file c join child ch on ch.id = c.child_id
            """;

    private final JdbcClient jdbc;

    CaseFileRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(CaseFile file, String openedBySubject) {
        jdbc.sql("""
                insert into case_file (id, child_id, category, status, last_seen_at, last_seen_latitude,
                    last_seen_longitude, last_seen_place, description, opened_at, opened_by, opened_by_subject)
                values (:id, :childId, :category, :status, :lastSeenAt, :lat, :lon, :place, :description,
                    :openedAt, :openedBy, :openedBySubject)
                """)
                .param("id", file.id())
                .param("childId", file.child().id())
                .param("category", file.category().name())
                .param("status", file.status().name())
                .param("lastSeenAt", Timestamp.from(file.lastSeen().at()))
                .param("lat", file.lastSeen().latitude())
                .param("lon", file.lastSeen().longitude())
                .param("place", file.lastSeen().place())
                .param("description", file.description())
                .param("openedAt", Timestamp.from(file.openedAt()))
                .param("openedBy", file.openedBy())
                .param("openedBySubject", openedBySubject)
                .update();
    }

    Optional<CaseFile> find(UUID id) {
        return jdbc.sql(SELECT + " where c.id = :id").param("id", id).query(CaseFileRepository::map).optional();
    }

    /** Locks the case row for the rest of the transaction, so that concurrent changes queue up. */
    Optional<CaseFile> findForUpdate(UUID id) {
        return jdbc.sql(SELECT + " where c.id = :id for update of c").param("id", id).query(CaseFileRepository::map).optional();
    }

    List<CaseFile> page(CaseStatus status, int page, int size) {
        return jdbc.sql(SELECT + """
                 where (cast(:status as text) is null or c.status = :status)
                 order by c.opened_at desc, c.id
                 limit :limit offset :offset
                """)
                .param("status", status == null ? null : status.name())
                .param("limit", size)
                .param("offset", (long) page * size)
                .query(CaseFileRepository::map)
                .list();
    }

    long count(CaseStatus status) {
        return jdbc.sql("select count(*) from case_file where (cast(:status as text) is null or status = :status)")
                .param("status", status == null ? null : status.name())
                .query(Long.class)
                .single();
    }

    void changeStatus(UUID id, CaseStatus status) {
        jdbc.sql("update case_file set status = :status where id = :id")
                .param("status", status.name())
                .param("id", id)
                .update();
    }

    void resolve(UUID id, CaseOutcome outcome, Instant at, String by) {
        jdbc.sql("update case_file set status = :status, outcome = :outcome, resolved_at = :at, resolved_by = :by where id = :id")
                .param("status", CaseStatus.RESOLVED.name())
                .param("outcome", outcome.name())
                .param("at", Timestamp.from(at))
                .param("by", by)
                .param("id", id)
                .update();
    }

    private static CaseFile map(ResultSet rs, int row) throws SQLException {
        Child child = new Child(rs.getObject("child_id", UUID.class), rs.getString("first_name"),
                rs.getString("last_name"), rs.getObject("date_of_birth", LocalDate.class));
        LastSeen lastSeen = new LastSeen(rs.getTimestamp("last_seen_at").toInstant(), rs.getDouble("last_seen_latitude"),
                rs.getDouble("last_seen_longitude"), rs.getString("last_seen_place"));
        Timestamp resolvedAt = rs.getTimestamp("resolved_at");
        String outcome = rs.getString("outcome");
        return new CaseFile(rs.getObject("id", UUID.class), child, CaseCategory.valueOf(rs.getString("category")),
                CaseStatus.valueOf(rs.getString("status")), lastSeen, rs.getString("description"),
                rs.getTimestamp("opened_at").toInstant(), rs.getString("opened_by"),
                outcome == null ? null : CaseOutcome.valueOf(outcome),
                resolvedAt == null ? null : resolvedAt.toInstant(), rs.getString("resolved_by"));
    }
}
