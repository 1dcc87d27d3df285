package org.childalert.notifications.replies;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.childalert.events.RecipientKind;
import org.childalert.events.ReplyKind;
import org.childalert.notifications.templates.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The replies' table, and what a reply is matched against: the deliveries, the zones an alert reached. */
@Repository
class Replies {

    /** Who sent a reply, as the latest active alert sent to their number by SMS knows them. */
    record Sender(UUID alertId, RecipientKind kind, UUID recipientId, Language language, String name) {
    }

    private final JdbcClient jdbc;

    Replies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The most recent alert, still active (neither cancelled nor expired), that a provider accepted an SMS of
     * for this number, and whom it was sent to. An SMS still SENDING counts: its outcome is recorded in a batch a
     * few tens of milliseconds after Twilio took it, and a quick reader may answer within them.
     */
    Optional<Sender> latestActiveAlertSentTo(String phone) {
        return jdbc.sql("""
                select d.alert_id, d.recipient_kind, d.recipient_id, d.language,
                       case d.recipient_kind when 'VOLUNTEER' then v.name else p.name end as name
                from delivery d
                join alert_notice a on a.alert_id = d.alert_id
                left join volunteer v on d.recipient_kind = 'VOLUNTEER' and v.id = d.recipient_id
                left join police_contact p on d.recipient_kind = 'POLICE' and p.id = d.recipient_id
                where d.channel = 'SMS' and d.address = :phone and d.state in ('SENDING', 'ACCEPTED', 'DELIVERED')
                  and a.cancelled_at is null and a.expired_at is null
                order by d.created_at desc
                limit 1
                """)
                .param("phone", phone)
                .query((rs, n) -> new Sender(rs.getObject("alert_id", UUID.class),
                        RecipientKind.valueOf(rs.getString("recipient_kind")), rs.getObject("recipient_id", UUID.class),
                        Language.fromCode(rs.getString("language")), rs.getString("name")))
                .optional();
    }

    /** The language of whoever has this number, for a polite answer when no alert matches; English otherwise. */
    Language languageOf(String phone) {
        return jdbc.sql("""
                select language from volunteer where phone = :phone
                union all
                select language from police_contact where phone = :phone
                limit 1
                """)
                .param("phone", phone)
                .query(String.class)
                .optional()
                .flatMap(Language::ofCode)
                .orElse(Language.EN);
    }

    /** Stores the reply; false when a reply with this provider message id is stored already (a retried webhook). */
    boolean insert(UUID id, Sender sender, String phone, ReplyKind kind, String text, String messageSid) {
        return jdbc.sql("""
                insert into reply (id, alert_id, recipient_kind, recipient_id, phone, kind, text, language, message_sid)
                values (:id, :alertId, :recipientKind, :recipientId, :phone, :kind, :text, :language, :messageSid)
                on conflict (message_sid) do nothing
                """)
                .param("id", id)
                .param("alertId", sender.alertId())
                .param("recipientKind", sender.kind().name())
                .param("recipientId", sender.recipientId())
                .param("phone", phone)
                .param("kind", kind.name())
                .param("text", text)
                .param("language", sender.language().code())
                .param("messageSid", messageSid)
                .update() == 1;
    }

    /**
     * The codes of the zones this alert reached that a police contact answers for: as the zone's duty contact,
     * or as a member of the zone's unit.
     */
    List<String> zonesOf(UUID alertId, UUID contactId) {
        return jdbc.sql("""
                select reached.zone_code
                from police_zone_alert reached
                join police_zone z on z.code = reached.zone_code
                join police_contact p on p.id = :contactId
                where reached.alert_id = :alertId and (z.duty_contact_id = p.id or z.unit = p.unit)
                order by reached.zone_code
                """)
                .param("alertId", alertId)
                .param("contactId", contactId)
                .query(String.class)
                .list();
    }

    boolean alertExists(UUID alertId) {
        return jdbc.sql("select exists (select 1 from alert_notice where alert_id = :alertId)")
                .param("alertId", alertId)
                .query(Boolean.class)
                .single();
    }

    /** The alert's replies, newest first, with their sender's current name (none once erased). */
    List<ReplyView> ofAlert(UUID alertId, int limit) {
        return jdbc.sql("""
                select r.id, r.received_at, r.kind, r.text, r.recipient_kind, r.phone,
                       case r.recipient_kind when 'VOLUNTEER' then v.name else p.name end as name
                from reply r
                left join volunteer v on r.recipient_kind = 'VOLUNTEER' and v.id = r.recipient_id
                left join police_contact p on r.recipient_kind = 'POLICE' and p.id = r.recipient_id
                where r.alert_id = :alertId
                order by r.received_at desc, r.id
                limit :limit
                """)
                .param("alertId", alertId)
                .param("limit", limit)
                .query((rs, n) -> new ReplyView(rs.getObject("id", UUID.class), rs.getTimestamp("received_at").toInstant(),
                        ReplyKind.valueOf(rs.getString("kind")), rs.getString("text"),
                        RecipientKind.valueOf(rs.getString("recipient_kind")), rs.getString("name"), rs.getString("phone")))
                .list();
    }
}
