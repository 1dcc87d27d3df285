package org.childalert.cases.casefile;

import org.childalert.events.Actor;

/**
 * Which cases police may see: those that are, or were, escalated to police. A case is police business from the
 * moment a coordinator asks police to approve an alert for it (pending approval), and stays so whatever police or
 * the alert's life decide after that (issued, rejected by an officer, cancelled, expired), because police then
 * hold a record of it. An escalation that the alert-service's escalation policy refused on arrival, because its
 * checklist did not allow the level asked for, never reached an officer: on its own it does not make the case
 * police business. A case that was never escalated, whatever its status (resolved or closed on the
 * coordinator's desk, imported from the archive), is not shown to police at all.
 */
public final class PoliceVisibility {

    /** The actor the alert-service names when its escalation policy, not an officer, refuses an escalation. */
    public static final Actor ESCALATION_POLICY = new Actor("alert-service", "escalation-policy");

    /** The condition, on a {@code case_file} aliased {@code c}, that police may see the case. */
    public static final String ESCALATED_TO_POLICE =
            "exists (select 1 from escalation e where e.case_id = c.id and not e.refused_by_policy)";

    private PoliceVisibility() {
    }

    /** Whether a rejection came from the escalation policy before any officer saw the escalation. */
    public static boolean refusedByPolicy(Actor rejectedBy) {
        return ESCALATION_POLICY.equals(rejectedBy);
    }
}
