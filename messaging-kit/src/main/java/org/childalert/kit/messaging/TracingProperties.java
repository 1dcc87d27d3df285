package org.childalert.kit.messaging;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the kit names an event's subject on the spans it opens or continues (publishing from the outbox, handling
 * an inbound event). The kit knows no domain: the service says what its subjects are. Only identifiers go on a
 * span, never anything a payload holds.
 *
 * @param subjectTag  the span tag of an event's subject id, e.g. {@code childalert.alert_id}
 * @param subjectTags the tag for the types whose subject is something else, by type name, e.g.
 *                    {@code cases.CaseResolved.v1: childalert.case_id}
 */
@ConfigurationProperties("childalert.tracing")
public record TracingProperties(@DefaultValue("childalert.subject_id") String subjectTag,
                                @DefaultValue Map<String, String> subjectTags) {

    public TracingProperties {
        if (subjectTag == null || subjectTag.isBlank()) {
            throw new IllegalArgumentException("childalert.tracing.subject-tag must name a span tag, was blank");
        }
        subjectTags = Map.copyOf(subjectTags);
    }

    String subjectTagOf(String typeName) {
        return subjectTags.getOrDefault(typeName, subjectTag);
    }
}
