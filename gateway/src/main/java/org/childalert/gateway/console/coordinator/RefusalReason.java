package org.childalert.gateway.console.coordinator;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of alert-service's reasons for refusing an escalation, readable in the user's language. The escalation
 * policy writes each unmet criterion as "A TARGETED alert requires that <the criterion>, which the criteria
 * checklist does not confirm."; the console recognises the level and the criterion and says it with the
 * checklist's own words ({@code criteria.<key>}). An officer's free-text reason, or a sentence the console does not
 * recognise, is shown as written.
 *
 * @param level the alert's level, or null when the reason is free text
 * @param criterion the checklist key ({@code underEighteen}, ...), or null when the reason is free text
 * @param text the reason as alert-service wrote it
 */
record RefusalReason(String level, String criterion, String text) {

    private static final Pattern POLICY = Pattern.compile(
            "A (POLICE_ONLY|TARGETED|PUBLIC) alert requires that (.+), which the criteria checklist does not confirm\\.");

    /** The policy's words for each criterion, as alert-service's EscalationPolicy writes them. */
    private static final Map<String, String> CRITERIA = Map.of(
            "the child is under eighteen", "underEighteen",
            "there is an immediate danger to the child's life or physical integrity", "lifeInDanger",
            "the child is likely still in the country", "likelyInCountry",
            "there is enough information (description, photo, vehicle) for the public to help", "enoughInformation");

    static RefusalReason of(String text) {
        Matcher policy = POLICY.matcher(text == null ? "" : text.strip());
        if (policy.matches() && CRITERIA.containsKey(policy.group(2))) {
            return new RefusalReason(policy.group(1), CRITERIA.get(policy.group(2)), text);
        }
        return new RefusalReason(null, null, text);
    }

    public boolean recognised() {
        return criterion != null;
    }
}
