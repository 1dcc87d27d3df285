package org.childalert.gateway.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's pages run under a Content-Security-Policy without {@code 'unsafe-inline'}: a page with an inline
 * script, an event handler attribute or inline style would silently lose it in the browser. None may have one.
 */
class ConsoleTemplatesTests {

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern EVENT_HANDLER = Pattern.compile("\\s(th:)?on[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_STYLE = Pattern.compile("<style|\\s(th:)?style\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern SCRIPT_URL = Pattern.compile("javascript:", Pattern.CASE_INSENSITIVE);

    @Test
    void noTemplateHasAnInlineScriptEventHandlerOrStyle() throws IOException {
        Resource[] templates = new PathMatchingResourcePatternResolver().getResources("classpath*:templates/**/*.html");
        assertThat(templates).isNotEmpty();
        List<String> offences = new ArrayList<>();
        for (Resource template : templates) {
            String html = template.getContentAsString(StandardCharsets.UTF_8);
            for (Pattern forbidden : List.of(INLINE_SCRIPT, EVENT_HANDLER, INLINE_STYLE, SCRIPT_URL)) {
                if (forbidden.matcher(html).find()) {
                    offences.add(template.getFilename() + ": " + forbidden.pattern());
                }
            }
        }
        assertThat(offences).isEmpty();
    }

    @Test
    void htmxIsToldNotToInsertItsInlineStylesheet() throws IOException {
        String head = new PathMatchingResourcePatternResolver().getResource("classpath:templates/fragments.html")
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(head).contains("<meta name=\"htmx-config\" content='{\"includeIndicatorStyles\":false}'>");
    }
}
