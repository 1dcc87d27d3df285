package org.childalert.alerts.security;

import org.childalert.events.Actor;
import org.springframework.security.oauth2.jwt.Jwt;

/** Who is calling, as the audit trail and the events name them: the token's subject and user name. */
public final class Callers {

    private Callers() {
    }

    public static Actor actor(Jwt token) {
        String username = token.getClaimAsString("preferred_username");
        return new Actor(token.getSubject(), username != null ? username : token.getSubject());
    }
}
