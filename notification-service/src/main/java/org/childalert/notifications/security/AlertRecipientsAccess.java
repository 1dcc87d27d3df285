package org.childalert.notifications.security;

import java.util.UUID;

import org.childalert.kit.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Who may read the people an alert reached (their names, numbers, addresses, replies): coordinators and admins
 * for every alert; a police officer only for an alert that reached their zone, the claim {@code police_zone} of
 * their token matching a zone recorded for the alert in {@code police_zone_alert}. For anyone else the alert is
 * not found, so that nobody learns which alerts exist elsewhere.
 */
@Component
public class AlertRecipientsAccess {

    static final String ZONE_CLAIM = "police_zone";

    private final JdbcClient jdbc;

    AlertRecipientsAccess(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Throws {@link NotFoundException} unless the caller may read the alert's recipients. */
    public void check(UUID alertId, Authentication authentication) {
        Caller caller = Caller.from(authentication);
        if (caller.hasRole(SecurityConfiguration.COORDINATOR) || caller.hasRole(SecurityConfiguration.ADMIN)) {
            return;
        }
        String zone = authentication instanceof JwtAuthenticationToken token ? token.getToken().getClaimAsString(ZONE_CLAIM) : null;
        boolean reachedTheirZone = caller.hasRole(SecurityConfiguration.POLICE) && zone != null && !zone.isBlank()
                && jdbc.sql("select exists (select 1 from police_zone_alert where alert_id = :alertId and zone_code = :zone)")
                        .param("alertId", alertId).param("zone", zone.trim())
                        .query(Boolean.class).single();
        if (!reachedTheirZone) {
            throw new NotFoundException("Alert", alertId);
        }
    }
}
