package org.childalert.notifications.dispatch;

import java.util.Collection;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What follows an SMS that can never reach its number: the number is not texted again, and the person gets the
 * same notice by email instead, when they gave an email address, verified it and did not opt out of it, and were
 * not already sent that notice by email (the delivery's unique keys).
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class EmailFallbacks {

    private final JdbcClient jdbc;

    EmailFallbacks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Marks the SMS channel opted out for everyone registered with the number of these deliveries, as a STOP
     * reply would: Twilio said the number texted STOP, does not exist, or is not a mobile.
     */
    int stopTextingNumbersOf(Collection<UUID> smsDeliveryIds) {
        if (smsDeliveryIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                update volunteer_channel set opted_out_at = coalesce(opted_out_at, now())
                where channel = 'SMS' and volunteer_id in (
                    select v.id from volunteer v join delivery d on d.address = v.phone
                    where d.id in (:ids) and d.channel = 'SMS')
                """).param("ids", smsDeliveryIds).update()
                + jdbc.sql("""
                update police_contact_channel set opted_out_at = coalesce(opted_out_at, now())
                where channel = 'SMS' and police_contact_id in (
                    select p.id from police_contact p join delivery d on d.address = p.phone
                    where d.id in (:ids) and d.channel = 'SMS')
                """).param("ids", smsDeliveryIds).update();
    }

    /** Queues the notices of these failed SMS by email where the person can be reached so; returns how many. */
    int queueByEmail(Collection<UUID> smsDeliveryIds) {
        if (smsDeliveryIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                insert into delivery (id, alert_id, recipient_kind, recipient_id, channel, notice, revision, address,
                                      language, hand_over_rank)
                select gen_random_uuid(), d.alert_id, d.recipient_kind, d.recipient_id, 'EMAIL', d.notice, d.revision,
                       mailbox.email, d.language, d.hand_over_rank
                from delivery d
                join alert_notice a on a.alert_id = d.alert_id
                join (select 'VOLUNTEER' as kind, v.id, v.email
                      from volunteer v join volunteer_channel c on c.volunteer_id = v.id
                      where c.channel = 'EMAIL' and c.verified_at is not null and c.opted_out_at is null
                      union all
                      select 'POLICE', p.id, p.email
                      from police_contact p join police_contact_channel c on c.police_contact_id = p.id
                      where c.channel = 'EMAIL' and c.verified_at is not null and c.opted_out_at is null
                     ) mailbox on mailbox.kind = d.recipient_kind and mailbox.id = d.recipient_id
                where d.id in (:ids) and d.channel = 'SMS' and mailbox.email is not null
                  and (a.cancelled_at is null or d.notice = 'FOUND')
                on conflict do nothing
                """)
                .param("ids", smsDeliveryIds)
                .update();
    }
}
