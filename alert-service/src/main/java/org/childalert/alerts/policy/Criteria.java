package org.childalert.alerts.policy;

/**
 * The coordinator's answers to the alert criteria checklist (Belgium's Child Alert conditions, close to
 * the US AMBER criteria).
 */
public record Criteria(boolean underEighteen, boolean lifeInDanger, boolean likelyInCountry,
                       boolean enoughInformation) {
}
