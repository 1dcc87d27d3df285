package org.childalert.alerts.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.childalert.events.DisclosureLevel;
import org.junit.jupiter.api.Test;

class EscalationPolicyTests {

    private final EscalationPolicy policy = new EscalationPolicy();

    @Test
    void permitsAPublicAlertWhenAllFourCriteriaHold() {
        assertThat(policy.assess(DisclosureLevel.PUBLIC, new Criteria(true, true, true, true)).permits()).isTrue();
    }

    @Test
    void refusesAPublicAlertWithOneReasonPerUnmetCriterion() {
        PolicyVerdict verdict = policy.assess(DisclosureLevel.PUBLIC, new Criteria(true, true, false, false));

        assertThat(verdict.permits()).isFalse();
        assertThat(verdict.refusals()).containsExactly(
                "A PUBLIC alert requires that the child is likely still in the country, which the criteria checklist does not confirm.",
                "A PUBLIC alert requires that there is enough information (description, photo, vehicle) for the public to help, which the criteria checklist does not confirm.");
    }

    @Test
    void permitsATargetedAlertForAChildInDangerEvenWithoutPublicCriteria() {
        assertThat(policy.assess(DisclosureLevel.TARGETED, new Criteria(true, true, false, false)).permits()).isTrue();
    }

    @Test
    void refusesATargetedAlertWhenTheChildsLifeIsNotInDanger() {
        PolicyVerdict verdict = policy.assess(DisclosureLevel.TARGETED, new Criteria(true, false, true, true));

        assertThat(verdict.refusals()).singleElement().asString()
                .contains("TARGETED").contains("immediate danger to the child's life");
    }

    @Test
    void permitsAPoliceOnlyAlertForAnyMinor() {
        assertThat(policy.assess(DisclosureLevel.POLICE_ONLY, new Criteria(true, false, false, false)).permits()).isTrue();
    }

    @Test
    void refusesEveryLevelForAnAdult() {
        for (DisclosureLevel level : DisclosureLevel.values()) {
            PolicyVerdict verdict = policy.assess(level, new Criteria(false, true, true, true));

            assertThat(verdict.refusals()).as(level.name()).singleElement().asString().contains("under eighteen");
        }
    }
}
