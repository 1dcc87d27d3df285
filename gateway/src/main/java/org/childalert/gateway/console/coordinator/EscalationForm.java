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
        @BindParam("criteria.enoughInformation") Boolean enoughInformation,
        Boolean wideRadiusConfirmed) {

    static final String DEFAULT_RADIUS_KM = "10";
    /** Wider than this, a circle covers most of Belgium (about 280 km across): the console asks again. */
    public static final int WIDE_RADIUS_KM = 150;

    /** The fields the form marks a service's error on; any other goes above the form. */
    static final java.util.Set<String> FIELDS = java.util.Set.of("level", "radiusKm", "criteria");

    static EscalationForm blank() {
        return new EscalationForm("TARGETED", DEFAULT_RADIUS_KM, false, false, false, false, false);
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

    /** A radius over {@link #WIDE_RADIUS_KM} km, which must be confirmed before it is sent. */
    public boolean isWide() {
        try {
            return Double.parseDouble(radiusKm.replace(',', '.')) > WIDE_RADIUS_KM;
        }
        catch (RuntimeException unreadable) {
            return false;
        }
    }

    public boolean wideRadiusIsConfirmed() {
        return Boolean.TRUE.equals(wideRadiusConfirmed);
    }

    /** The radius as typed, if it is a number above 0; otherwise null. */
    Double radius() {
        try {
            double radius = Double.parseDouble(radiusKm.replace(',', '.'));
            return radius > 0 ? radius : null;
        }
        catch (RuntimeException unreadable) {
            return null;
        }
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
