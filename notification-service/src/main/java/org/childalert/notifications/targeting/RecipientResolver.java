package org.childalert.notifications.targeting;

import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.childalert.events.DeliveryChannel;
import org.childalert.events.DisclosureLevel;
import org.childalert.events.GeoCircle;
import org.childalert.events.RecipientKind;
import org.childalert.notifications.templates.Language;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who must be told about an alert: the police contacts whose zone touches the alert's circle (at every
 * level), and from {@link DisclosureLevel#TARGETED} on the volunteers whose home circle (home and their
 * chosen radius) touches it. One row per recipient and channel, on verified channels not opted out of.
 *
 * <p>Circles touch when the distance between their centres is at most the sum of their radii. The query
 * first keeps the points inside a bounding cube ({@code earth_box}, served by the GiST indexes on
 * {@code ll_to_earth(...)}), then checks the exact great-circle distance; results are streamed from the
 * database in fetches, so a hundred thousand volunteers never sit in memory at once.
 */
@Component
public class RecipientResolver {

    /** The largest radius a volunteer may choose (the column's check constraint). */
    static final double MAX_VOLUNTEER_RADIUS_KM = 50;
    /** The largest zone a police contact may cover (the column's check constraint). */
    static final double MAX_POLICE_ZONE_RADIUS_KM = 200;

    private static final String POLICE = """
            select 'POLICE' as kind, p.id, c.channel,
                   case c.channel when 'SMS' then p.phone else p.email end as address, p.language
            from police_contact p
            join police_contact_channel c on c.police_contact_id = p.id
            where earth_box(ll_to_earth(:latitude, :longitude), (:radiusKm + %s) * 1000)
                  @> ll_to_earth(p.zone_latitude, p.zone_longitude)
              and earth_distance(ll_to_earth(:latitude, :longitude), ll_to_earth(p.zone_latitude, p.zone_longitude))
                  <= (p.zone_radius_km + :radiusKm) * 1000
              and c.verified_at is not null and c.opted_out_at is null
            """.formatted(MAX_POLICE_ZONE_RADIUS_KM);

    private static final String VOLUNTEERS = """
            select 'VOLUNTEER' as kind, v.id, c.channel,
                   case c.channel when 'SMS' then v.phone else v.email end as address, v.language
            from volunteer v
            join volunteer_channel c on c.volunteer_id = v.id
            where earth_box(ll_to_earth(:latitude, :longitude), (:radiusKm + %s) * 1000)
                  @> ll_to_earth(v.home_latitude, v.home_longitude)
              and earth_distance(ll_to_earth(:latitude, :longitude), ll_to_earth(v.home_latitude, v.home_longitude))
                  <= (v.radius_km + :radiusKm) * 1000
              and c.verified_at is not null and c.opted_out_at is null
            """.formatted(MAX_VOLUNTEER_RADIUS_KM);

    private final NamedParameterJdbcTemplate jdbc;

    public RecipientResolver(DataSource dataSource) {
        JdbcTemplate streaming = new JdbcTemplate(dataSource);
        streaming.setFetchSize(1000); // PostgreSQL streams with a cursor inside a transaction
        this.jdbc = new NamedParameterJdbcTemplate(streaming);
    }

    /**
     * The recipients of an alert over this area at this level, streamed: close the stream (try-with-resources)
     * inside the caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Stream<Recipient> recipients(GeoCircle area, DisclosureLevel level) {
        String sql = level == DisclosureLevel.POLICE_ONLY ? POLICE : POLICE + " union all " + VOLUNTEERS;
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("latitude", area.latitude())
                .addValue("longitude", area.longitude())
                .addValue("radiusKm", area.radiusKm());
        return jdbc.queryForStream(sql, params, (rs, n) -> new Recipient(
                RecipientKind.valueOf(rs.getString("kind")),
                rs.getObject("id", UUID.class),
                DeliveryChannel.valueOf(rs.getString("channel")),
                rs.getString("address"),
                Language.fromCode(rs.getString("language"))))
                .filter(recipient -> recipient.address() != null);
    }
}
