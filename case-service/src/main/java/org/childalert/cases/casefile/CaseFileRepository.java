package org.childalert.cases.casefile;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
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
            select c.id, c.category, c.subtype, c.destination_country, c.destination_in_europe, c.reception_centre,
                   c.status, c.last_seen_at, c.last_seen_latitude, c.last_seen_longitude, c.last_seen_place,
                   c.description, c.physical_description, c.clothing, c.vehicle, c.suspect, c.risk_factors,
                   c.reporter_name, c.reporter_phone, c.coordinator, c.opened_at, c.opened_by, c.outcome,
                   c.resolved_at, c.resolved_by, c.closed_at, c.personal_data_erased_at,
                   exists (select 1 from case_photo p where p.case_id = c.id) as has_photo,
                   ch.id as child_id, ch.first_name, ch.last_name, ch.date_of_birth
            from case_file c join child ch on ch.id = c.child_id
            """;

    private final JdbcClient jdbc;

    CaseFileRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(CaseFile file, String openedBySubject, String importReference) {
        CaseDetails details = file.details();
        LastSeen lastSeen = file.lastSeen();
        jdbc.sql("""
                insert into case_file (id, child_id, category, subtype, destination_country, destination_in_europe,
                    reception_centre, status, last_seen_at, last_seen_latitude, last_seen_longitude, last_seen_place,
                    description, physical_description, clothing, vehicle, suspect, risk_factors, reporter_name,
                    reporter_phone, coordinator, opened_at, opened_by, opened_by_subject, outcome, resolved_at,
                    resolved_by, closed_at, import_reference)
                values (:id, :childId, :category, :subtype, :destinationCountry, :inEurope, :receptionCentre, :status,
                    :lastSeenAt, :lat, :lon, :place, :description, :physicalDescription, :clothing, :vehicle, :suspect,
                    cast(:riskFactors as text[]), :reporterName, :reporterPhone, :coordinator, :openedAt, :openedBy,
                    :openedBySubject, :outcome, :resolvedAt, :resolvedBy, :closedAt, :importReference)
                """)
                .param("id", file.id())
                .param("childId", file.child().id())
                .param("category", file.category().name())
                .param("subtype", details.subtype() == null ? null : details.subtype().name())
                .param("destinationCountry", details.destinationCountry())
                .param("inEurope", details.destinationInEurope())
                .param("receptionCentre", details.receptionCentre())
                .param("status", file.status().name())
                .param("lastSeenAt", Timestamp.from(lastSeen.at()))
                .param("lat", lastSeen.latitude())
                .param("lon", lastSeen.longitude())
                .param("place", lastSeen.place())
                .param("description", details.description())
                .param("physicalDescription", details.physicalDescription())
                .param("clothing", details.clothing())
                .param("vehicle", details.vehicle())
                .param("suspect", details.suspect())
                .param("riskFactors", "{" + String.join(",", details.riskFactors().stream().map(Enum::name).toList()) + "}")
                .param("reporterName", details.reporterName())
                .param("reporterPhone", details.reporterPhone())
                .param("coordinator", file.coordinator())
                .param("openedAt", Timestamp.from(file.openedAt()))
                .param("openedBy", file.openedBy())
                .param("openedBySubject", openedBySubject)
                .param("outcome", file.outcome() == null ? null : file.outcome().name())
                .param("resolvedAt", file.resolvedAt() == null ? null : Timestamp.from(file.resolvedAt()))
                .param("resolvedBy", file.resolvedBy())
                .param("closedAt", file.closedAt() == null ? null : Timestamp.from(file.closedAt()))
                .param("importReference", importReference)
                .update();
    }

    Optional<CaseFile> find(UUID id) {
        return jdbc.sql(SELECT + " where c.id = :id").param("id", id).query(CaseFileRepository::map).optional();
    }

    /** Locks the case row for the rest of the transaction, so that concurrent changes queue up. */
    Optional<CaseFile> findForUpdate(UUID id) {
        return jdbc.sql(SELECT + " where c.id = :id for update of c").param("id", id).query(CaseFileRepository::map).optional();
    }

    /** Whether police may see the case: see {@link PoliceVisibility}. */
    boolean escalatedToPolice(UUID id) {
        return jdbc.sql("select " + PoliceVisibility.ESCALATED_TO_POLICE + " from case_file c where c.id = :id")
                .param("id", id)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    boolean importReferenceExists(String reference) {
        return jdbc.sql("select exists (select 1 from case_file where import_reference = :reference)")
                .param("reference", reference)
                .query(Boolean.class)
                .single();
    }

    void changeStatus(UUID id, CaseStatus status) {
        jdbc.sql("update case_file set status = :status where id = :id")
                .param("status", status.name())
                .param("id", id)
                .update();
    }

    void changeCoordinator(UUID id, String coordinator) {
        jdbc.sql("update case_file set coordinator = :coordinator where id = :id")
                .param("coordinator", coordinator)
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

    void close(UUID id, Instant at) {
        jdbc.sql("update case_file set status = :status, closed_at = :at where id = :id")
                .param("status", CaseStatus.CLOSED.name())
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    /** Cases closed before the cutoff whose personal data is still held, oldest first. */
    List<UUID> closedBeforeAndNotErased(Instant cutoff, int limit) {
        return jdbc.sql("""
                select id from case_file
                where closed_at < :cutoff and personal_data_erased_at is null
                order by closed_at limit :limit
                """)
                .param("cutoff", Timestamp.from(cutoff))
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    /**
     * Erases what identifies or describes the child and the people around them. Category, subtype, dates,
     * outcome and the link to the (anonymised) child stay, so the yearly figures do not change.
     */
    void erasePersonalData(UUID id, Instant at) {
        jdbc.sql("""
                update case_file set description = null, physical_description = null, clothing = null, vehicle = null,
                    suspect = null, reporter_name = null, reporter_phone = null, reception_centre = null,
                    last_seen_place = null, last_seen_latitude = null, last_seen_longitude = null,
                    personal_data_erased_at = :at
                where id = :id
                """)
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    boolean childHasCasesWithPersonalData(UUID childId) {
        return jdbc.sql("select exists (select 1 from case_file where child_id = :childId and personal_data_erased_at is null)")
                .param("childId", childId)
                .query(Boolean.class)
                .single();
    }

    private static CaseFile map(ResultSet rs, int row) throws SQLException {
        Child child = new Child(rs.getObject("child_id", UUID.class), rs.getString("first_name"),
                rs.getString("last_name"), rs.getObject("date_of_birth", LocalDate.class));
        LastSeen lastSeen = new LastSeen(instant(rs, "last_seen_at"), rs.getObject("last_seen_latitude", Double.class),
                rs.getObject("last_seen_longitude", Double.class), rs.getString("last_seen_place"));
        String subtype = rs.getString("subtype");
        CaseDetails details = new CaseDetails(subtype == null ? null : CaseSubtype.valueOf(subtype),
                rs.getString("destination_country"), rs.getObject("destination_in_europe", Boolean.class),
                rs.getString("reception_centre"), rs.getString("description"), rs.getString("physical_description"),
                rs.getString("clothing"), rs.getString("vehicle"), rs.getString("suspect"), riskFactors(rs.getArray("risk_factors")),
                rs.getString("reporter_name"), rs.getString("reporter_phone"));
        String outcome = rs.getString("outcome");
        return new CaseFile(rs.getObject("id", UUID.class), child, CaseCategory.valueOf(rs.getString("category")), details,
                CaseStatus.valueOf(rs.getString("status")), lastSeen, instant(rs, "opened_at"), rs.getString("opened_by"),
                rs.getString("coordinator"), outcome == null ? null : CaseOutcome.valueOf(outcome),
                instant(rs, "resolved_at"), rs.getString("resolved_by"), instant(rs, "closed_at"),
                instant(rs, "personal_data_erased_at"), rs.getBoolean("has_photo"));
    }

    private static List<RiskFactor> riskFactors(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((String[]) array.getArray()).map(RiskFactor::valueOf).toList();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
