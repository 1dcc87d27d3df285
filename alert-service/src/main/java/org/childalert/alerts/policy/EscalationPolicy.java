package org.childalert.alerts.policy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.childalert.events.DisclosureLevel;
import org.springframework.stereotype.Component;

/**
 * Decides whether an escalation may go to the police for approval, from the criteria checklist and the
 * disclosure level asked for. The wider the distribution, the more criteria must hold:
 * <ul>
 * <li>{@code POLICE_ONLY}: the child is under eighteen;</li>
 * <li>{@code TARGETED}: and there is an immediate danger to the child's life or physical integrity;</li>
 * <li>{@code PUBLIC}: and the child is likely still in the country, and there is enough information for the
 * public to help (Belgium's Child Alert conditions).</li>
 * </ul>
 * Every unmet criterion is explained, so that the coordinator knows what is missing.
 */
@Component
public class EscalationPolicy {

    private enum Criterion {
        UNDER_EIGHTEEN(Criteria::underEighteen, "the child is under eighteen"),
        LIFE_IN_DANGER(Criteria::lifeInDanger,
                "there is an immediate danger to the child's life or physical integrity"),
        LIKELY_IN_COUNTRY(Criteria::likelyInCountry, "the child is likely still in the country"),
        ENOUGH_INFORMATION(Criteria::enoughInformation,
                "there is enough information (description, photo, vehicle) for the public to help");

        private final Predicate<Criteria> answer;
        private final String requirement;

        Criterion(Predicate<Criteria> answer, String requirement) {
            this.answer = answer;
            this.requirement = requirement;
        }
    }

    public PolicyVerdict assess(DisclosureLevel level, Criteria criteria) {
        List<String> refusals = new ArrayList<>();
        for (Criterion criterion : requiredFor(level)) {
            if (!criterion.answer.test(criteria)) {
                refusals.add("A " + level + " alert requires that " + criterion.requirement
                        + ", which the criteria checklist does not confirm.");
            }
        }
        return new PolicyVerdict(refusals);
    }

    private static Set<Criterion> requiredFor(DisclosureLevel level) {
        if (level == DisclosureLevel.PUBLIC) {
            return EnumSet.allOf(Criterion.class);
        }
        if (level == DisclosureLevel.TARGETED) {
            return EnumSet.of(Criterion.UNDER_EIGHTEEN, Criterion.LIFE_IN_DANGER);
        }
        return EnumSet.of(Criterion.UNDER_EIGHTEEN);
    }
}
