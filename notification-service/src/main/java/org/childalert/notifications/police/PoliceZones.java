package org.childalert.notifications.police;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The police zones' table. */
@Repository
class PoliceZones {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final String SELECT = """
            select z.id, z.code, z.name, z.unit, z.polygon::text as polygon, z.postal_codes, z.registered_at,
                   d.id as duty_id, d.name as duty_name, d.on_duty as duty_on_duty
            from police_zone z left join police_contact d on d.id = z.duty_contact_id
            """;

    private final JdbcClient jdbc;

    PoliceZones(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Throws {@link org.springframework.dao.DuplicateKeyException} when another zone has the code. */
    @Transactional
    UUID insert(PoliceZoneRequest request, ZoneArea area, String registeredBy) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into police_zone (id, code, name, unit, polygon, postal_codes, min_latitude, max_latitude,
                                         min_longitude, max_longitude, duty_contact_id, registered_by)
                values (:id, :code, :name, :unit, cast(:polygon as jsonb), cast(:postalCodes as text[]), :minLatitude,
                        :maxLatitude, :minLongitude, :maxLongitude, :dutyContactId, :by)
                """)
                .param("id", id)
                .param("code", request.code())
                .params(zoneParameters(request.name(), request.unit(), area, request.dutyContactId()))
                .param("by", registeredBy)
                .update();
        return id;
    }

    /**
     * Replaces what an admin may change of a zone: its name, unit, area (the polygon or the postal codes, and the box
     * the targeting reads first, as {@link #insert} stores them) and duty contact; its code and who registered it stay.
     * False if there is no such zone.
     */
    @Transactional
    boolean update(UUID zoneId, PoliceZoneChange change, ZoneArea area) {
        return jdbc.sql("""
                update police_zone
                set name = :name, unit = :unit, polygon = cast(:polygon as jsonb), postal_codes = cast(:postalCodes as text[]),
                    min_latitude = :minLatitude, max_latitude = :maxLatitude, min_longitude = :minLongitude,
                    max_longitude = :maxLongitude, duty_contact_id = :dutyContactId
                where id = :id
                """)
                .param("id", zoneId)
                .params(zoneParameters(change.name(), change.unit(), area, change.dutyContactId()))
                .update() == 1;
    }

    /** What {@link #insert} and {@link #update} both write: the names, the area with its box, the duty contact. */
    private Map<String, Object> zoneParameters(String name, String unit, ZoneArea area, UUID dutyContactId) {
        Map<String, Object> parameters = new HashMap<>(); // values may be null, which Map.of refuses
        parameters.put("name", name.trim());
        parameters.put("unit", unit.trim());
        parameters.put("polygon", area.polygon() == null ? null : json.writeValueAsString(area.polygon()));
        parameters.put("postalCodes", area.postalCodes() == null ? null : area.postalCodes().toArray(String[]::new));
        parameters.put("minLatitude", area.box().minLatitude());
        parameters.put("maxLatitude", area.box().maxLatitude());
        parameters.put("minLongitude", area.box().minLongitude());
        parameters.put("maxLongitude", area.box().maxLongitude());
        parameters.put("dutyContactId", dutyContactId);
        return parameters;
    }

    /** False if there is no such zone. */
    @Transactional
    boolean assignDutyContact(UUID zoneId, UUID contactId) {
        return jdbc.sql("update police_zone set duty_contact_id = :contactId where id = :id")
                .param("id", zoneId)
                .param("contactId", contactId)
                .update() == 1;
    }

    @Transactional
    boolean delete(UUID zoneId) {
        return jdbc.sql("delete from police_zone where id = :id").param("id", zoneId).update() == 1;
    }

    Optional<String> codeOf(UUID zoneId) {
        return jdbc.sql("select code from police_zone where id = :id").param("id", zoneId).query(String.class).optional();
    }

    Optional<String> unitOf(UUID zoneId) {
        return jdbc.sql("select unit from police_zone where id = :id").param("id", zoneId).query(String.class).optional();
    }

    Optional<PoliceZoneView> find(UUID id) {
        return jdbc.sql(SELECT + " where z.id = :id").param("id", id).query(PoliceZones::toView).optional();
    }

    List<PoliceZoneView> page(String unit, int page, int size) {
        return jdbc.sql(SELECT + """
                 where (cast(:unit as text) is null or z.unit = :unit)
                 order by z.unit, z.name, z.id limit :limit offset :offset
                """)
                .param("unit", unit)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query(PoliceZones::toView)
                .list();
    }

    long count(String unit) {
        return jdbc.sql("select count(*) from police_zone where cast(:unit as text) is null or unit = :unit")
                .param("unit", unit)
                .query(Long.class).single();
    }

    private static PoliceZoneView toView(ResultSet rs, int row) throws SQLException {
        String polygon = rs.getString("polygon");
        java.sql.Array postalCodes = rs.getArray("postal_codes");
        UUID dutyId = rs.getObject("duty_id", UUID.class);
        return new PoliceZoneView(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"), rs.getString("unit"),
                polygon == null ? null : json.readValue(polygon, new TypeReference<List<List<Double>>>() {
                }),
                postalCodes == null ? null : Arrays.asList((String[]) postalCodes.getArray()),
                dutyId == null ? null : new PoliceZoneView.DutyContact(dutyId, rs.getString("duty_name"),
                        rs.getBoolean("duty_on_duty")),
                rs.getTimestamp("registered_at").toInstant());
    }
}
