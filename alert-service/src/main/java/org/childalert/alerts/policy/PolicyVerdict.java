package org.childalert.alerts.policy;

import java.util.List;

/** What the escalation policy says about a request: permitted, or refused with one reason per unmet criterion. */
public record PolicyVerdict(List<String> refusals) {

    public PolicyVerdict {
        refusals = List.copyOf(refusals);
    }

    public boolean permits() {
        return refusals.isEmpty();
    }
}
