package org.childalert.notifications.volunteers;

import java.util.UUID;

import org.childalert.notifications.security.Caller;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erasure on request (GDPR art. 17): the volunteer's record, channels, consents and pending confirmations are
 * deleted; their deliveries and SMS replies keep only anonymous counts (the address, the number and the text
 * are erased, messages not sent yet are withdrawn). The send limits' counts stay: they hold only keyed hashes.
 */
@Service
class VolunteerErasure {

    static final String RECIPIENT_ERASED = "RECIPIENT_ERASED";

    private final JdbcClient jdbc;
    private final Volunteers volunteers;
    private final VolunteerAccess access;

    VolunteerErasure(JdbcClient jdbc, Volunteers volunteers, VolunteerAccess access) {
        this.jdbc = jdbc;
        this.volunteers = volunteers;
        this.access = access;
    }

    @Transactional
    void erase(UUID id, Caller caller) {
        access.check(id, caller);
        volunteers.find(id).orElseThrow();
        jdbc.sql("""
                update delivery set address = null,
                       state = case when state = 'PENDING' then 'FAILED' else state end,
                       error_code = case when state = 'PENDING' then :erased else error_code end,
                       updated_at = clock_timestamp()
                where recipient_kind = 'VOLUNTEER' and recipient_id = :id
                """)
                .param("id", id)
                .param("erased", RECIPIENT_ERASED)
                .update();
        // their replies to alerts stay as anonymous counts per kind: who, from which number and what they wrote go
        jdbc.sql("""
                update reply set recipient_id = null, phone = null, text = null
                where recipient_kind = 'VOLUNTEER' and recipient_id = :id
                """)
                .param("id", id)
                .update();
        // the counts of confirmations sent to their number and address stay (SendLimits keeps only keyed hashes):
        // erasing and signing up again must not start the count afresh
        jdbc.sql("delete from volunteer where id = :id").param("id", id).update(); // channels, consents cascade
    }
}
