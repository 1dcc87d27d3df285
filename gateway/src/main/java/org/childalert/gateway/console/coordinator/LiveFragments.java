package org.childalert.gateway.console.coordinator;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.core.convert.ConversionService;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

/**
 * Renders the fragments of {@code coordinator/live.html} that a live alert page swaps in: the summary, the counts,
 * the recipients, the replies, the reachability note and the alert's badge. Each fragment is also the name of
 * the server-sent event that carries it.
 */
@Component
class LiveFragments {

    static final String SUMMARY = "summary";
    static final String COUNTS = "counts";
    static final String RECIPIENTS = "recipients";
    static final String REPLIES = "replies";
    static final String STATUS = "status";
    /** The alert's own state (waiting, active, rejected, ended), read from alert-service. */
    static final String BADGE = "badge";

    private static final String TEMPLATE = "coordinator/live";
    private static final Pattern LINE_BREAKS = Pattern.compile("\\s*\\R\\s*");

    private final ITemplateEngine templates;
    private final ThymeleafEvaluationContext beans;

    LiveFragments(ITemplateEngine templates, ApplicationContext application,
                  @Qualifier("mvcConversionService") ConversionService conversions) {
        this.templates = templates;
        this.beans = new ThymeleafEvaluationContext(application, conversions);
    }

    /** The fragment in one line: an event's data may not hold line breaks, and HTML does not need them. */
    String render(String fragment, UUID alertId, Locale locale, Map<String, Object> variables) {
        Context context = new Context(locale, variables);
        context.setVariable("alertId", alertId);
        context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME, beans);
        return LINE_BREAKS.matcher(templates.process(TEMPLATE, Set.of(fragment), context)).replaceAll(" ").strip();
    }
}
