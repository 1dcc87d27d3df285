package org.childalert.notifications.targeting;

import java.util.List;
import java.util.UUID;

import org.childalert.events.DeliveryChannel;
import org.childalert.events.RecipientKind;
import org.childalert.notifications.templates.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who answers for a police zone when nobody in it acknowledged an alert in time: its duty contact when that
 * contact is on duty, else every on-duty contact of the zone's unit; on the channels they verified and did
 * not opt out of. The same rule as the targeting of an alert, for one zone known by its code.
 */
@Component
public class ZoneDutyContacts {

    private static final String DUTY_CONTACTS = """
            select p.id, c.channel, case c.channel when 'SMS' then p.phone else p.email end as address, p.language
            from police_zone z
            join police_contact p on p.on_duty
                 and (p.id = z.duty_contact_id
                      or (p.unit = z.unit and not exists (select 1 from police_contact d
                                                          where d.id = z.duty_contact_id and d.on_duty)))
            join police_contact_channel c on c.police_contact_id = p.id
            where z.code = :code and c.verified_at is not null and c.opted_out_at is null
            order by p.id, c.channel
            """;

    /** The same rule over every zone, each contact and channel once. */
    private static final String EVERY_ZONES_DUTY_CONTACTS = """
            select distinct p.id, c.channel, case c.channel when 'SMS' then p.phone else p.email end as address,
                   p.language
            from police_zone z
            join police_contact p on p.on_duty
                 and (p.id = z.duty_contact_id
                      or (p.unit = z.unit and not exists (select 1 from police_contact d
                                                          where d.id = z.duty_contact_id and d.on_duty)))
            join police_contact_channel c on c.police_contact_id = p.id
            where c.verified_at is not null and c.opted_out_at is null
            order by p.id, c.channel
            """;

    private final JdbcClient jdbc;

    ZoneDutyContacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Empty when there is no zone with this code, or nobody can be reached for it. */
    public List<Recipient> of(String zoneCode) {
        return reachable(jdbc.sql(DUTY_CONTACTS).param("code", zoneCode));
    }

    /**
     * Whoever answers for any zone, each once per channel: those to tell when something concerns a place no zone
     * covers (an approval waiting for an area outside every zone).
     */
    public List<Recipient> ofEveryZone() {
        return reachable(jdbc.sql(EVERY_ZONES_DUTY_CONTACTS));
    }

    private static List<Recipient> reachable(JdbcClient.StatementSpec statement) {
        return statement
                .query((rs, n) -> new Recipient(RecipientKind.POLICE, rs.getObject("id", UUID.class),
                        DeliveryChannel.valueOf(rs.getString("channel")), rs.getString("address"),
                        Language.fromCode(rs.getString("language"))))
                .list()
                .stream()
                .filter(recipient -> recipient.address() != null)
                .toList();
    }
}
