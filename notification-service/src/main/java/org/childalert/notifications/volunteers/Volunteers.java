package org.childalert.notifications.volunteers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.childalert.events.DeliveryChannel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The volunteers' table, their channels and their consents. */
@Repository
class Volunteers {

    record NewVolunteer(UUID id, String ownerSubject, String name, String phone, String email, String language,
                        String postalCode, double latitude, double longitude, double radiusKm,
                        String unsubscribeToken, String registeredBy) {
    }

    record ConsentGiven(String textVersion, Instant givenAt, String ipAddress, String submittedBy, String channels,
                        String userAgent, String attestedBy) {
    }

    private final JdbcClient jdbc;

    Volunteers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean ownedBy(String subject) {
        return jdbc.sql("select exists (select 1 from volunteer where owner_subject = :subject)")
                .param("subject", subject)
                .query(Boolean.class)
                .single();
    }

    /** Stores the volunteer with their channels, verified from {@code verifiedAt} (null: not yet), and their consent. */
    void insert(NewVolunteer volunteer, Iterable<DeliveryChannel> channels, Instant verifiedAt, ConsentGiven consent) {
        jdbc.sql("""
                insert into volunteer (id, owner_subject, name, phone, email, language, home_postal_code,
                                       home_latitude, home_longitude, radius_km, unsubscribe_token, registered_by)
                values (:id, :owner, :name, :phone, :email, :language, :postalCode,
                        :latitude, :longitude, :radiusKm, :token, :registeredBy)
                """)
                .param("id", volunteer.id())
                .param("owner", volunteer.ownerSubject())
                .param("name", volunteer.name())
                .param("phone", volunteer.phone())
                .param("email", volunteer.email())
                .param("language", volunteer.language())
                .param("postalCode", volunteer.postalCode())
                .param("latitude", volunteer.latitude())
                .param("longitude", volunteer.longitude())
                .param("radiusKm", volunteer.radiusKm())
                .param("token", volunteer.unsubscribeToken())
                .param("registeredBy", volunteer.registeredBy())
                .update();
        for (DeliveryChannel channel : channels) {
            jdbc.sql("insert into volunteer_channel (volunteer_id, channel, verified_at) values (:id, :channel, :verifiedAt)")
                    .param("id", volunteer.id())
                    .param("channel", channel.name())
                    .param("verifiedAt", verifiedAt == null ? null : Timestamp.from(verifiedAt), java.sql.Types.TIMESTAMP)
                    .update();
        }
        jdbc.sql("""
                insert into volunteer_consent (volunteer_id, text_version, given_at, ip_address, submitted_by,
                                               channels, user_agent, attested_by)
                values (:id, :version, :givenAt, :ip, :submittedBy, :channels, :userAgent, :attestedBy)
                """)
                .param("id", volunteer.id())
                .param("version", consent.textVersion())
                .param("givenAt", Timestamp.from(consent.givenAt()))
                .param("ip", consent.ipAddress())
                .param("submittedBy", consent.submittedBy())
                .param("channels", consent.channels())
                .param("userAgent", consent.userAgent())
                .param("attestedBy", consent.attestedBy())
                .update();
    }

    boolean exists(UUID id) {
        return jdbc.sql("select exists (select 1 from volunteer where id = :id)").param("id", id)
                .query(Boolean.class).single();
    }

    List<ConsentRecord> consents(UUID id) {
        return jdbc.sql("""
                select c.*, t.body from volunteer_consent c
                join volunteer v on v.id = c.volunteer_id
                left join consent_text t on t.version = c.text_version and t.language = v.language
                where c.volunteer_id = :id order by c.given_at desc
                """)
                .param("id", id)
                .query((rs, n) -> new ConsentRecord(rs.getString("text_version"), rs.getString("body"),
                        instant(rs.getTimestamp("given_at")), rs.getString("ip_address"), rs.getString("user_agent"),
                        rs.getString("channels") == null ? List.of() : List.of(rs.getString("channels").split(",")),
                        rs.getString("submitted_by"), rs.getString("attested_by")))
                .list();
    }

    Optional<VolunteerView> find(UUID id) {
        return jdbc.sql("select * from volunteer where id = :id").param("id", id)
                .query(this::toView).optional();
    }

    Optional<VolunteerView> findOwnedBy(String subject) {
        return jdbc.sql("select * from volunteer where owner_subject = :subject").param("subject", subject)
                .query(this::toView).optional();
    }

    /** Whether the volunteer exists and belongs to this subject; false for unknown ids too. */
    boolean isOwnedBy(UUID id, String subject) {
        return jdbc.sql("select exists (select 1 from volunteer where id = :id and owner_subject = :subject)")
                .param("id", id)
                .param("subject", subject)
                .query(Boolean.class)
                .single();
    }

    private VolunteerView toView(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        List<VolunteerView.Channel> channels = new ArrayList<>(jdbc.sql("""
                select channel, verified_at, opted_out_at from volunteer_channel where volunteer_id = :id order by channel
                """)
                .param("id", id)
                .query((c, n) -> new VolunteerView.Channel(c.getString("channel"), instant(c.getTimestamp("verified_at")),
                        instant(c.getTimestamp("opted_out_at"))))
                .list());
        VolunteerView.Consent consent = jdbc.sql("""
                select text_version, given_at from volunteer_consent where volunteer_id = :id
                order by given_at desc limit 1
                """)
                .param("id", id)
                .query((c, n) -> new VolunteerView.Consent(c.getString("text_version"), instant(c.getTimestamp("given_at"))))
                .optional()
                .orElse(null);
        return new VolunteerView(id, rs.getString("name"), rs.getString("phone"), rs.getString("email"),
                rs.getString("language"), channels,
                new VolunteerView.Home(rs.getString("home_postal_code"), rs.getDouble("home_latitude"),
                        rs.getDouble("home_longitude")),
                rs.getDouble("radius_km"),
                rs.getObject("quiet_from") == null ? null
                        : new VolunteerView.QuietHours(rs.getObject("quiet_from", java.time.LocalTime.class),
                                rs.getObject("quiet_until", java.time.LocalTime.class)),
                instant(rs.getTimestamp("paused_until")), consent, rs.getString("owner_subject") != null,
                instant(rs.getTimestamp("registered_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
