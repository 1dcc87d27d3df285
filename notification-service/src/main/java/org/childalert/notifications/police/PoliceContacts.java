package org.childalert.notifications.police;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.childalert.events.DeliveryChannel;
import org.childalert.notifications.contacts.ContactAddresses;
import org.childalert.notifications.contacts.UnsubscribeTokens;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The police contacts' table and their channels. */
@Repository
class PoliceContacts {

    private static final String SELECT = """
            select p.*, (select string_agg(c.channel, ',' order by c.channel)
                         from police_contact_channel c where c.police_contact_id = p.id) as channels
            from police_contact p
            """;

    private final JdbcClient jdbc;

    PoliceContacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the contact; an admin vouches for its addresses, so its channels count as verified now. */
    @Transactional
    UUID insert(PoliceContactRequest request, ContactAddresses addresses, String registeredBy, Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into police_contact (id, name, unit, phone, email, language, zone_latitude, zone_longitude,
                                            zone_radius_km, unsubscribe_token, registered_by)
                values (:id, :name, :unit, :phone, :email, :language, :latitude, :longitude, :radiusKm, :token, :by)
                """)
                .param("id", id)
                .param("name", request.name().trim())
                .param("unit", request.unit().trim())
                .param("phone", addresses.phone())
                .param("email", addresses.email())
                .param("language", request.language())
                .param("latitude", request.zone().latitude())
                .param("longitude", request.zone().longitude())
                .param("radiusKm", request.zone().radiusKm())
                .param("token", UnsubscribeTokens.next())
                .param("by", registeredBy)
                .update();
        for (DeliveryChannel channel : addresses.channels()) {
            jdbc.sql("""
                    insert into police_contact_channel (police_contact_id, channel, verified_at)
                    values (:id, :channel, :verifiedAt)
                    """)
                    .param("id", id)
                    .param("channel", channel.name())
                    .param("verifiedAt", Timestamp.from(now))
                    .update();
        }
        return id;
    }

    /** False if there is no such contact. */
    @Transactional
    boolean setOnDuty(UUID id, boolean onDuty) {
        return jdbc.sql("update police_contact set on_duty = :onDuty where id = :id")
                .param("id", id)
                .param("onDuty", onDuty)
                .update() == 1;
    }

    Optional<String> unitOf(UUID id) {
        return jdbc.sql("select unit from police_contact where id = :id").param("id", id).query(String.class).optional();
    }

    Optional<PoliceContactView> find(UUID id) {
        return jdbc.sql(SELECT + " where p.id = :id").param("id", id).query(PoliceContacts::toView).optional();
    }

    List<PoliceContactView> page(String unit, int page, int size) {
        return jdbc.sql(SELECT + """
                 where (cast(:unit as text) is null or p.unit = :unit)
                 order by p.unit, p.name, p.id limit :limit offset :offset
                """)
                .param("unit", unit)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query(PoliceContacts::toView)
                .list();
    }

    long count(String unit) {
        return jdbc.sql("select count(*) from police_contact where cast(:unit as text) is null or unit = :unit")
                .param("unit", unit)
                .query(Long.class).single();
    }

    private static PoliceContactView toView(ResultSet rs, int row) throws SQLException {
        String channels = rs.getString("channels");
        return new PoliceContactView(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("unit"),
                rs.getString("phone"), rs.getString("email"), rs.getString("language"),
                channels == null ? List.of() : Arrays.asList(channels.split(",")),
                new PoliceContactView.Zone(rs.getDouble("zone_latitude"), rs.getDouble("zone_longitude"),
                        rs.getDouble("zone_radius_km")),
                rs.getBoolean("on_duty"), rs.getTimestamp("registered_at").toInstant());
    }
}
