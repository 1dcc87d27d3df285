package org.childalert.notifications.optout;

import java.util.Set;
import java.util.UUID;

import org.childalert.events.DeliveryChannel;
import org.childalert.events.RecipientKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opting out of a channel and back in, whichever way the person asks: SMS reply, email link, or the API. */
@Service
class OptOuts {

    private final JdbcClient jdbc;

    OptOuts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** STOP (or START) from a phone: every volunteer and police channel on that number. Returns how many changed. */
    @Transactional
    int smsFrom(String phone, boolean optOut) {
        String set = optOut ? "opted_out_at = coalesce(opted_out_at, now())" : "opted_out_at = null";
        return jdbc.sql("update volunteer_channel set " + set + """
                 where channel = 'SMS' and volunteer_id in (select id from volunteer where phone = :phone)
                """).param("phone", phone).update()
                + jdbc.sql("update police_contact_channel set " + set + """
                 where channel = 'SMS' and police_contact_id in (select id from police_contact where phone = :phone)
                """).param("phone", phone).update();
    }

    @Transactional
    void email(RecipientKind kind, UUID id) {
        String table = kind == RecipientKind.VOLUNTEER ? "volunteer_channel" : "police_contact_channel";
        String key = kind == RecipientKind.VOLUNTEER ? "volunteer_id" : "police_contact_id";
        jdbc.sql("update " + table + " set opted_out_at = coalesce(opted_out_at, now()) where channel = 'EMAIL' and "
                        + key + " = :id")
                .param("id", id).update();
    }

    /** From the console or the API, for the volunteer's own record. */
    @Transactional
    void volunteer(UUID id, Set<DeliveryChannel> channels, boolean optOut) {
        jdbc.sql("update volunteer_channel set "
                        + (optOut ? "opted_out_at = coalesce(opted_out_at, now())" : "opted_out_at = null")
                        + " where volunteer_id = :id and channel in (:channels)")
                .param("id", id)
                .param("channels", channels.stream().map(Enum::name).toList())
                .update();
    }

    boolean isVolunteerOwnedBy(UUID id, String subject) {
        return jdbc.sql("select exists (select 1 from volunteer where id = :id and owner_subject = :subject)")
                .param("id", id).param("subject", subject).query(Boolean.class).single();
    }

    boolean volunteerExists(UUID id) {
        return jdbc.sql("select exists (select 1 from volunteer where id = :id)")
                .param("id", id).query(Boolean.class).single();
    }
}
