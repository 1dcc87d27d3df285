package org.childalert.notifications.targeting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.childalert.events.DeliveryChannel;
import org.childalert.events.DisclosureLevel;
import org.childalert.events.GeoCircle;
import org.childalert.events.RecipientKind;
import org.childalert.notifications.geo.GeoMath;
import org.childalert.notifications.geo.PostalCodeGeocoder;
import org.childalert.notifications.templates.Language;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who must be told about an alert, each once per channel:
 * <ul>
 * <li>at every level, the on-duty police contacts whose own zone circle touches the alert's circle, and for every
 * police zone (polygon or postal codes) the circle touches, its duty contact, or every on-duty contact of its
 * unit when the zone has no duty contact on duty;</li>
 * <li>from {@link DisclosureLevel#TARGETED} on, the volunteers whose home is inside the alert's circle and who
 * have the alert's centre inside their own chosen radius (great-circle distance from home to centre at most
 * the smaller of the two radii), on channels they verified and did not opt out of, unless they paused, or are
 * in their quiet hours and the alert is not {@link DisclosureLevel#PUBLIC}. A volunteer who is also a police
 * recipient on the same address is told once, as police.</li>
 * </ul>
 *
 * <p>Why both radii: the police approved the alert's circle, and the child's data must not reach beyond it
 * (data minimisation); and a volunteer who chose 5 km asked not to be told of what happens 8 km away. Widening
 * the circle reaches, of those who live in the new ring, the ones whose radius reaches the centre.
 *
 * <p>Volunteers are read from {@code volunteer_reach} (V9 migration), one row per reachable channel kept by
 * triggers on every write of a volunteer or a channel, through one narrow index in the order of the homes:
 * {@link NearbyHomes} turns the circle into ranges of that index, the exact distance does the rest. They are
 * streamed from the database in fetches, so a hundred thousand recipients never sit in memory at once.
 */
@Component
public class RecipientResolver {

    static final ZoneId QUIET_HOURS_ZONE = ZoneId.of("Europe/Brussels");

    private static final String POLICE_BY_CIRCLE = """
            select p.id, c.channel, case c.channel when 'SMS' then p.phone else p.email end as address, p.language
            from police_contact p
            join police_contact_channel c on c.police_contact_id = p.id
            where p.on_duty
              and earth_distance(ll_to_earth(:latitude, :longitude), ll_to_earth(p.zone_latitude, p.zone_longitude))
                  <= (p.zone_radius_km + :radiusKm) * 1000
              and c.verified_at is not null and c.opted_out_at is null
            """;

    /** Zones whose box meets the alert's, with their duty contact when that contact is on duty. */
    private static final String ZONES_NEAR = """
            select z.code, z.name, z.polygon::text as polygon, z.postal_codes, z.unit, d.id as duty_contact_id
            from police_zone z
            left join police_contact d on d.id = z.duty_contact_id and d.on_duty
            where z.max_latitude >= :minLatitude and z.min_latitude <= :maxLatitude
              and z.max_longitude >= :minLongitude and z.min_longitude <= :maxLongitude
            """;

    /** The touched zones' duty contacts, and every on-duty contact of the units of zones with nobody on duty. */
    private static final String ZONE_CONTACTS = """
            select p.id, c.channel, case c.channel when 'SMS' then p.phone else p.email end as address, p.language,
                   p.unit
            from police_contact p
            join police_contact_channel c on c.police_contact_id = p.id
            where p.on_duty
              and (p.id = any(cast(:dutyContacts as uuid[])) or p.unit = any(cast(:units as text[])))
              and c.verified_at is not null and c.opted_out_at is null
            """;

    /**
     * The cosine of the great-circle angle between a home and the alert's centre: 1 at the centre, smaller the farther
     * the home. What {@link #WITHIN_REACH} compares, and what orders the volunteers nearest first.
     */
    private static final String NEARNESS = """
            (sind(home_latitude) * :sinLatitude + cosd(home_latitude) * :cosLatitude * cosd(home_longitude - :longitude))""";

    /**
     * The rule, for a row with {@code home_latitude}, {@code home_longitude} and {@code radius_km}: the great-circle
     * angle between home and centre is at most the one of the smaller radius, compared by their cosines (the
     * spherical law of cosines, on PostgreSQL earthdistance's sphere): a few multiplications a row, where
     * {@code earth_distance(ll_to_earth(..))} costs about 18 microseconds (the {@code earth} domain's checks on
     * every point), a haversine with its inverse sine about 0.4 and this about 0.1. Double precision keeps it exact to
     * well under a millimetre at these distances. The benchmark's naive full scan uses this same text.
     */
    static final String WITHIN_REACH = """
            %s
                >= cos(least(:radiusKm, radius_km) / :earthRadiusKm)""".formatted(NEARNESS);

    /**
     * Reachable volunteers (V9's {@code volunteer_reach}: verified, not opted out, with their address) whose home
     * is within {@code min(alert radius, their radius)} of the centre, read as an index-only scan of the ranges
     * {@link NearbyHomes} computes, then the exact rule, pause and quiet hours; nearest first, so that a fan-out
     * queues (and, limited by a provider's rate, hands over) the volunteers closest to the last-seen place first.
     */
    static final String REACHABLE_VOLUNTEERS = """
            select r.volunteer_id as id, r.channel, r.address, r.language, %1$s as nearness
            from unnest(cast(:reachBounds as integer[]), cast(:bands as integer[]),
                        cast(:wests as double precision[]), cast(:easts as double precision[]))
                 as nearby (reach_bound_km, home_band, west, east)
            join volunteer_reach r on r.reach_bound_km = nearby.reach_bound_km and r.home_band = nearby.home_band
                                  and r.home_longitude between nearby.west and nearby.east
            where %2$s
              and (r.paused_until is null or r.paused_until <= :now)
              and (:ignoreQuietHours or r.quiet_from is null
                   or not (case when r.quiet_from <= r.quiet_until
                                then :localTime >= r.quiet_from and :localTime < r.quiet_until
                                else :localTime >= r.quiet_from or :localTime < r.quiet_until end))
            """.formatted(NEARNESS, WITHIN_REACH);

    /** {@link #REACHABLE_VOLUNTEERS}, nearest first: what a fan-out streams. */
    static final String VOLUNTEERS = REACHABLE_VOLUNTEERS + "order by nearness desc\n";

    /**
     * {@link #REACHABLE_VOLUNTEERS} counted per channel and language, less the addresses told as police: what a
     * reach estimate reads, through the same index ranges, without a row leaving the database.
     */
    static final String VOLUNTEERS_COUNTED = """
            select v.channel, v.language, count(*) as n
            from (%s) v
            where not (v.address = any(cast(:policeAddresses as text[])))
            group by v.channel, v.language
            """.formatted(REACHABLE_VOLUNTEERS);

    private final NamedParameterJdbcTemplate jdbc;
    private final PostalCodeGeocoder postalCodes;
    private final Clock clock;

    @Autowired
    public RecipientResolver(DataSource dataSource, PostalCodeGeocoder postalCodes) {
        this(dataSource, postalCodes, Clock.systemUTC());
    }

    public RecipientResolver(DataSource dataSource, PostalCodeGeocoder postalCodes, Clock clock) {
        JdbcTemplate streaming = new JdbcTemplate(dataSource);
        streaming.setFetchSize(2000); // PostgreSQL streams with a cursor inside a transaction
        this.jdbc = new NamedParameterJdbcTemplate(streaming);
        this.postalCodes = postalCodes;
        this.clock = clock;
    }

    /**
     * The recipients of an alert over this area at this level, streamed: police first (a few), then
     * volunteers. Close the stream (try-with-resources) inside the caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Stream<Recipient> recipients(GeoCircle area, DisclosureLevel level) {
        Targets targets = targets(area, level);
        if (!targets.volunteersToo()) {
            return targets.police().stream();
        }
        return Stream.concat(targets.police().stream(), volunteers(area, level)
                .filter(volunteer -> !targets.policeAddresses().contains(volunteer.address())));
    }

    /**
     * How many {@link #recipients} would reach, per recipient kind, channel and language, without queuing or
     * streaming anyone: the same {@link #targets} (police, whether volunteers are told, whose address is told as
     * police), the volunteers counted in the database over the same index ranges and rule.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Reach> reach(GeoCircle area, DisclosureLevel level) {
        Targets targets = targets(area, level);
        Map<Reach.Key, Long> counts = new LinkedHashMap<>();
        targets.police().forEach(police -> counts.merge(
                new Reach.Key(RecipientKind.POLICE, police.channel(), police.language()), 1L, Long::sum));
        List<Reach> reach = new ArrayList<>();
        counts.forEach((key, n) -> reach.add(new Reach(key.kind(), key.channel(), key.language(), n)));
        if (targets.volunteersToo()) {
            reach.addAll(jdbc.query(VOLUNTEERS_COUNTED, volunteersQuery(area, level)
                    .addValue("policeAddresses", targets.policeAddresses().toArray(String[]::new)),
                    (rs, n) -> new Reach(RecipientKind.VOLUNTEER, DeliveryChannel.valueOf(rs.getString("channel")),
                            Language.fromCode(rs.getString("language")), rs.getLong("n"))));
        }
        return reach;
    }

    /**
     * What {@link #recipients} and {@link #reach} both start from: the police of the area, whether the level
     * reaches volunteers, and the addresses already told as police (a volunteer on one of them is not told again).
     */
    private Targets targets(GeoCircle area, DisclosureLevel level) {
        List<Recipient> police = police(area).stream().map(PoliceRecipient::recipient).toList();
        return new Targets(police, level != DisclosureLevel.POLICE_ONLY,
                police.stream().map(Recipient::address).collect(Collectors.toSet()));
    }

    private record Targets(List<Recipient> police, boolean volunteersToo, Set<String> policeAddresses) {
    }

    /** The volunteers alone, streamed nearest first (each with their distance); what the benchmark measures. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Stream<Recipient> volunteers(GeoCircle area, DisclosureLevel level) {
        return jdbc.queryForStream(VOLUNTEERS, volunteersQuery(area, level), (rs, n) -> new Recipient(
                RecipientKind.VOLUNTEER, rs.getObject("id", UUID.class), DeliveryChannel.valueOf(rs.getString("channel")),
                rs.getString("address"), Language.fromCode(rs.getString("language")),
                Math.acos(Math.min(1, rs.getDouble("nearness"))) * GeoMath.EARTH_RADIUS_KM));
    }

    /** The parameters of {@link #VOLUNTEERS} for this alert, at this instant. */
    MapSqlParameterSource volunteersQuery(GeoCircle area, DisclosureLevel level) {
        Instant now = clock.instant();
        List<NearbyHomes.Range> nearby = NearbyHomes.around(area.latitude(), area.longitude(), area.radiusKm());
        return withinReach(area)
                .addValue("reachBounds", nearby.stream().mapToInt(NearbyHomes.Range::reachBoundKm).toArray())
                .addValue("bands", nearby.stream().mapToInt(NearbyHomes.Range::band).toArray())
                .addValue("wests", nearby.stream().mapToDouble(NearbyHomes.Range::west).toArray())
                .addValue("easts", nearby.stream().mapToDouble(NearbyHomes.Range::east).toArray())
                .addValue("now", Timestamp.from(now))
                .addValue("localTime", LocalTime.ofInstant(now, QUIET_HOURS_ZONE))
                .addValue("ignoreQuietHours", level == DisclosureLevel.PUBLIC);
    }

    /**
     * The police recipients of an alert over this area, each once per channel, with the zones (by code) it was
     * chosen for: a zone's duty contact, or an on-duty contact of the unit of a zone with nobody on duty. A
     * contact brought in only by its own circle has no zone.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<PoliceRecipient> police(GeoCircle area) {
        Map<String, PoliceRecipient> once = new LinkedHashMap<>(); // by contact and channel
        for (Recipient recipient : jdbc.query(POLICE_BY_CIRCLE, circle(area), (rs, n) -> recipient(RecipientKind.POLICE, rs))) {
            once.putIfAbsent(recipient.id() + recipient.channel().name(), new PoliceRecipient(recipient, List.of()));
        }
        List<TouchedZone> touched = touchedZones(area);
        if (!touched.isEmpty()) {
            MapSqlParameterSource params = new MapSqlParameterSource()
                    .addValue("dutyContacts", touched.stream().map(TouchedZone::dutyContact).filter(Objects::nonNull)
                            .map(UUID::toString).distinct().toArray(String[]::new))
                    .addValue("units", touched.stream().filter(zone -> zone.dutyContact() == null)
                            .map(TouchedZone::unit).distinct().toArray(String[]::new));
            jdbc.query(ZONE_CONTACTS, params, (RowCallbackHandler) rs -> {
                Recipient recipient = recipient(RecipientKind.POLICE, rs);
                String unit = rs.getString("unit");
                List<AlertedZone> zones = touched.stream().filter(zone -> zone.chose(recipient.id(), unit))
                        .map(TouchedZone::alerted).toList();
                once.merge(recipient.id() + recipient.channel().name(), new PoliceRecipient(recipient, zones),
                        (known, more) -> known.withZones(more.zones()));
            });
        }
        return once.values().stream().filter(police -> police.recipient().address() != null).toList();
    }

    /** Whether the circle touches any police zone (polygon or postal codes), whoever is on duty there. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean touchesAZone(GeoCircle area) {
        return !touchedZones(area).isEmpty();
    }

    /** A zone the circle touches, and whom it sends the alert to: its duty contact, or its unit when that is null. */
    private record TouchedZone(AlertedZone alerted, String unit, UUID dutyContact) {

        boolean chose(UUID contact, String contactUnit) {
            return dutyContact != null ? dutyContact.equals(contact) : unit.equals(contactUnit);
        }
    }

    /** The zones the circle touches, with their duty contact when that contact is on duty. */
    private List<TouchedZone> touchedZones(GeoCircle area) {
        GeoMath.Box box = GeoMath.boundingBox(area);
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("minLatitude", box.minLatitude()).addValue("maxLatitude", box.maxLatitude())
                .addValue("minLongitude", box.minLongitude()).addValue("maxLongitude", box.maxLongitude());
        List<TouchedZone> touched = new ArrayList<>();
        jdbc.query(ZONES_NEAR, params, (RowCallbackHandler) rs -> {
            if (ZoneShape.of(rs.getString("polygon"), postalCodesOf(rs), postalCodes).touches(area)) {
                touched.add(new TouchedZone(new AlertedZone(rs.getString("code"), rs.getString("name")),
                        rs.getString("unit"), rs.getObject("duty_contact_id", UUID.class)));
            }
        });
        return touched;
    }

    private static List<String> postalCodesOf(ResultSet rs) throws SQLException {
        java.sql.Array codes = rs.getArray("postal_codes");
        return codes == null ? List.of() : List.of((String[]) codes.getArray());
    }

    private static MapSqlParameterSource circle(GeoCircle area) {
        return new MapSqlParameterSource()
                .addValue("latitude", area.latitude())
                .addValue("longitude", area.longitude())
                .addValue("radiusKm", area.radiusKm());
    }

    /** The parameters of {@link #WITHIN_REACH} for this alert's circle. */
    static MapSqlParameterSource withinReach(GeoCircle area) {
        return circle(area)
                .addValue("sinLatitude", Math.sin(Math.toRadians(area.latitude())))
                .addValue("cosLatitude", Math.cos(Math.toRadians(area.latitude())))
                .addValue("earthRadiusKm", GeoMath.EARTH_RADIUS_KM);
    }

    private static Recipient recipient(RecipientKind kind, ResultSet rs) throws SQLException {
        return new Recipient(kind, rs.getObject("id", UUID.class), DeliveryChannel.valueOf(rs.getString("channel")),
                rs.getString("address"), Language.fromCode(rs.getString("language")));
    }
}
