package org.childalert.gateway.console.coordinator;

import java.util.LinkedHashMap;
import java.util.Map;

import org.childalert.gateway.console.FormReader;
import org.springframework.web.bind.annotation.BindParam;

/**
 * The escalation request as typed: the disclosure level, the radius around the last-seen place and the
 * criteria checklist. Input names are the field names of case-service's JSON.
 */
record EscalationForm(
        String level,
        String radiusKm,
        @BindParam("criteria.underEighteen") Boolean underEighteen,
        @BindParam("criteria.lifeInDanger") Boolean lifeInDanger,
        @BindParam("criteria.likelyInCountry") Boolean likelyInCountry,
        @BindParam("criteria.enoughInformation") Boolean enoughInformation) {

    static final String DEFAULT_RADIUS_KM = "10";

    /** The fields the form marks a service's error on; any other goes above the form. */
    static final java.util.Set<String> FIELDS = java.util.Set.of("level", "radiusKm", "criteria");

    static EscalationForm blank() {
        return new EscalationForm("TARGETED", DEFAULT_RADIUS_KM, false, false, false, false);
    }

    /** The body of {@code POST /api/cases/{id}/escalations}; an unreadable radius is noted in the reader. */
    Map<String, Object> toRequest(FormReader form) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("level", form.text(level));
        request.put("radiusKm", form.decimal("radiusKm", radiusKm));
        request.put("criteria", Map.of("underEighteen", ticked(underEighteen), "lifeInDanger", ticked(lifeInDanger),
                "likelyInCountry", ticked(likelyInCountry), "enoughInformation", ticked(enoughInformation)));
        return request;
    }

    /** An unticked box is not sent by the browser: it means "no". */
    private static boolean ticked(Boolean box) {
        return Boolean.TRUE.equals(box);
    }

    /** The radius to draw on the map: what was typed if it is a sensible number, else the default. */
    public double radiusToDraw() {
        try {
            double radius = Double.parseDouble(radiusKm.replace(',', '.'));
            return radius > 0 ? radius : Double.parseDouble(DEFAULT_RADIUS_KM);
        }
        catch (RuntimeException unreadable) {
            return Double.parseDouble(DEFAULT_RADIUS_KM);
        }
    }
}
