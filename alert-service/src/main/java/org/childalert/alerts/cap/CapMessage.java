package org.childalert.alerts.cap;

import java.util.List;

/**
 * A CAP 1.2 message as read by {@link CapMessageReader}: the header and, per language, what it announces and
 * where. Only the parts this platform uses; the rest of the document is validated but not kept.
 */
public record CapMessage(String identifier, String sender, String sent, String status, String msgType,
                         String scope, List<String> references, List<Info> infos) {

    public record Info(String language, List<String> categories, String event, String urgency, String severity,
                       String certainty, String expires, String headline, String description,
                       List<String> resourceUris, List<Area> areas) {
    }

    public record Area(String areaDesc, List<String> circles, List<String> polygons, List<String> geocodes) {
    }

    public CapMessage {
        references = List.copyOf(references);
        infos = List.copyOf(infos);
    }
}
