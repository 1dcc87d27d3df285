package org.childalert.notifications.replies;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.childalert.notifications.Callers;
import org.childalert.notifications.NotificationServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 12, finding 8: replies showed full numbers and names to police whose zone the alert never reached. The
 * replies and the per-recipient deliveries of an alert are for coordinators, admins and the police of a zone
 * the alert reached; any other officer gets 404, as if the alert did not exist.
 */
@NotificationServiceTest
class AlertRecipientsAccessIntegrationTests {

    private static final String PHONE = "+32470998877";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private UUID alertId;
    private String reachedZone;

    @BeforeEach
    void anAlertThatReachedOneZoneAndGotAReply() {
        alertId = UUID.randomUUID();
        reachedZone = "Z" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                insert into alert_notice (alert_id, case_id, level, child_first_name, child_age, issued_at)
                values (:alertId, :caseId, 'TARGETED', 'Test', 8, now())
                """).param("alertId", alertId).param("caseId", UUID.randomUUID()).update();
        jdbc.sql("insert into police_zone_alert (alert_id, zone_code, zone_name) values (:alertId, :zone, 'Reached')")
                .param("alertId", alertId).param("zone", reachedZone).update();
        jdbc.sql("""
                insert into reply (id, alert_id, recipient_kind, recipient_id, phone, kind, text, language, message_sid)
                values (:id, :alertId, 'VOLUNTEER', :recipient, :phone, 'SIGHTING', 'seen her at the station', 'nl', :sid)
                """).param("id", UUID.randomUUID()).param("alertId", alertId).param("recipient", UUID.randomUUID())
                .param("phone", PHONE).param("sid", "SM" + UUID.randomUUID().toString().replace("-", "")).update();
        jdbc.sql("""
                insert into delivery (id, alert_id, recipient_kind, recipient_id, channel, notice, address, language, state)
                values (:id, :alertId, 'VOLUNTEER', :recipient, 'SMS', 'ISSUED', :phone, 'nl', 'ACCEPTED')
                """).param("id", UUID.randomUUID()).param("alertId", alertId).param("recipient", UUID.randomUUID())
                .param("phone", PHONE).update();
    }

    @Test
    void policeOfAZoneTheAlertNeverReachedSeeNeitherItsRepliesNorItsDeliveries() throws Exception {
        RequestPostProcessor elsewhere = police("Z-elsewhere-" + UUID.randomUUID());
        for (String path : List.of("/replies", "/deliveries")) {
            mvc.perform(get("/api/alerts/" + alertId + path).with(elsewhere))
                    .andExpect(status().isNotFound())
                    .andExpect(content().string(not(containsString(PHONE))));
        }
    }

    @Test
    void policeWithoutAZoneInTheirTokenSeeNeither() throws Exception {
        for (String path : List.of("/replies", "/deliveries")) {
            mvc.perform(get("/api/alerts/" + alertId + path).with(Callers.bob()))
                    .andExpect(status().isNotFound());
        }
    }

    @Test
    void policeOfAZoneTheAlertReachedSeeItsRepliesAndDeliveries() throws Exception {
        mvc.perform(get("/api/alerts/" + alertId + "/replies").with(police(reachedZone)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.replies[0].phone").value(PHONE));
        mvc.perform(get("/api/alerts/" + alertId + "/deliveries").with(police(reachedZone)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.counts.total").value(1));
    }

    @Test
    void coordinatorsSeeTheRepliesAndDeliveriesOfEveryAlert() throws Exception {
        mvc.perform(get("/api/alerts/" + alertId + "/replies").with(Callers.alice()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.replies[0].phone").value(PHONE));
        mvc.perform(get("/api/alerts/" + alertId + "/deliveries").with(Callers.alice()))
                .andExpect(status().isOk());
    }

    private static RequestPostProcessor police(String zone) {
        return jwt().jwt(token -> token.subject("officer-" + zone)
                        .claim("preferred_username", "officer")
                        .claim("police_zone", zone)
                        .claim("realm_access", Map.of("roles", List.of("police"))))
                .authorities(new SimpleGrantedAuthority("ROLE_" + "police".toUpperCase(Locale.ROOT)));
    }
}
