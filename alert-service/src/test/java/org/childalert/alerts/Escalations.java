package org.childalert.alerts;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.childalert.events.Actor;
import org.childalert.events.CaseEscalationRequested;
import org.childalert.events.DisclosureLevel;

/** Escalation requests as the case-service sends them, each with fresh ids. */
public final class Escalations {

    public static final CaseEscalationRequested.Criteria ALL_CRITERIA_MET =
            new CaseEscalationRequested.Criteria(true, true, true, true);
    public static final CaseEscalationRequested.Criteria ONLY_UNDER_EIGHTEEN =
            new CaseEscalationRequested.Criteria(true, false, false, false);

    private Escalations() {
    }

    /** A fresh coordinator identity, so that no test depends on another's data. */
    public static Actor someCoordinator() {
        return new Actor(UUID.randomUUID().toString(), "alice");
    }

    public static CaseEscalationRequested publicEscalationBy(Actor requester) {
        return escalation(DisclosureLevel.PUBLIC, ALL_CRITERIA_MET, requester);
    }

    public static CaseEscalationRequested escalation(DisclosureLevel level, CaseEscalationRequested.Criteria criteria,
                                                     Actor requester) {
        return escalationOfCase(UUID.randomUUID(), level, criteria, requester);
    }

    public static CaseEscalationRequested escalationOfCase(UUID caseId, DisclosureLevel level,
                                                           CaseEscalationRequested.Criteria criteria, Actor requester) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new CaseEscalationRequested(UUID.randomUUID(), now, caseId, UUID.randomUUID(), level, 10.0, criteria,
                new CaseEscalationRequested.LastSeen(now.minus(2, ChronoUnit.HOURS), 50.8603, 4.3617,
                        "Brussels-North station"),
                new CaseEscalationRequested.ChildNotice("Lena", 9,
                        "Red coat, blue backpack, shoulder-length brown hair."),
                requester);
    }
}
