package org.childalert.gateway.console;

/**
 * Who acted, as the services name them. A refusal by alert-service's escalation policy reaches the console with
 * the policy as its actor (alert-service's {@code AlertRejected} carries it, case-service records it as the
 * timeline entry's author): it must never read as an officer's decision.
 */
public final class Actors {

    /** The user name alert-service gives its escalation policy when it refuses an escalation by itself. */
    public static final String ESCALATION_POLICY = "escalation-policy";

    private Actors() {
    }

    public static boolean isEscalationPolicy(String username) {
        return ESCALATION_POLICY.equals(username);
    }
}
