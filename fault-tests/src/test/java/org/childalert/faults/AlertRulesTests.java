package org.childalert.faults;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alerting rules and the dashboard in infra/observability watch only metrics of the catalogue (metrics.md), every
 * rule says how grave it is and points at its runbook section in docs/operations.md, and Prometheus' own checker
 * accepts the rules, the scrape configuration and the rules' unit tests.
 */
class AlertRulesTests {

    private static final Path ROOT = repositoryRoot();
    private static final Path OBSERVABILITY = ROOT.resolve("infra/observability");
    private static final Pattern CATALOGUE_ROW = Pattern.compile("^\\| `([a-zA-Z_:][a-zA-Z0-9_:]*)` \\|");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> PROMQL_WORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without",
            "on", "ignoring", "group_left", "group_right", "inf", "nan");

    @Test
    void everyRuleExpressionNamesOnlyCataloguedMetrics() throws IOException {
        Set<String> catalogue = catalogue();
        List<String> unknown = new ArrayList<>();
        for (Map<String, Object> rule : rules()) {
            for (String metric : metricNames((String) rule.get("expr"))) {
                if (!catalogue.contains(metric)) {
                    unknown.add(rule.get("alert") + ": " + metric);
                }
            }
        }
        assertThat(unknown).as("metrics the rules name that infra/observability/metrics.md does not list").isEmpty();
    }

    @Test
    void everyDashboardQueryNamesOnlyCataloguedMetrics() throws IOException {
        Set<String> catalogue = catalogue();
        JsonNode dashboard = Api.JSON.readTree(Files.readString(OBSERVABILITY.resolve("grafana-dashboard.json")));
        List<String> queries = new ArrayList<>();
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.path("targets")) {
                queries.add(target.get("expr").asText());
            }
        }
        assertThat(queries).as("the dashboard's queries").hasSizeGreaterThan(10);
        List<String> unknown = new ArrayList<>();
        for (String query : queries) {
            for (String metric : metricNames(query)) {
                if (!catalogue.contains(metric)) {
                    unknown.add(metric + " in " + query);
                }
            }
        }
        assertThat(unknown).as("metrics the dashboard queries that metrics.md does not list").isEmpty();
    }

    @Test
    void everyRuleHasASeverityAndARunbookSection() throws IOException {
        String operations = Files.readString(ROOT.resolve("docs/operations.md"));
        Set<String> anchors = new LinkedHashSet<>();
        for (String line : operations.split("\n")) {
            if (line.startsWith("#")) {
                anchors.add(line.replaceFirst("^#+\\s*", "").trim().toLowerCase(Locale.ROOT)
                        .replaceAll("[^a-z0-9 -]", "").replace(' ', '-'));
            }
        }
        for (Map<String, Object> rule : rules()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> labels = (Map<String, Object>) rule.get("labels");
            @SuppressWarnings("unchecked")
            Map<String, Object> annotations = (Map<String, Object>) rule.get("annotations");
            assertThat(labels.get("severity")).as("%s's severity", rule.get("alert")).isIn("critical", "warning");
            assertThat(annotations).as("%s's annotations", rule.get("alert")).containsKeys("summary", "description");
            String runbook = (String) annotations.get("runbook");
            assertThat(runbook).as("%s's runbook", rule.get("alert")).startsWith("docs/operations.md#");
            assertThat(anchors).as("a section of docs/operations.md for %s", rule.get("alert"))
                    .contains(runbook.substring(runbook.indexOf('#') + 1));
        }
    }

    /**
     * Each business metric of the catalogue is registered by a service's code under the Micrometer name the catalogue
     * gives, and that name becomes the catalogue's Prometheus name (dots to underscores, {@code _seconds} for a base
     * unit of seconds, {@code _total} for a counter): a metric renamed on one side only fails here.
     */
    @Test
    void everyBusinessMetricIsRegisteredByTheCodeUnderTheNameTheCatalogueGives() throws IOException {
        String sources;
        try (var files = Files.walk(ROOT)) {
            StringBuilder text = new StringBuilder();
            for (Path file : files.filter(f -> f.toString().endsWith(".java")
                    && f.toString().contains("/src/main/java/")).toList()) {
                text.append(Files.readString(file));
            }
            sources = text.toString();
        }
        List<String> wrong = new ArrayList<>();
        int rows = 0;
        String markdown = Files.readString(OBSERVABILITY.resolve("metrics.md"));
        for (String line : markdown.substring(markdown.indexOf("## Business metrics")).split("\n")) {
            Matcher row = CATALOGUE_ROW.matcher(line);
            if (!row.find()) {
                continue;
            }
            rows++;
            String[] cells = line.split("\\|"); // | metric | type | labels | from | registered as | status | meaning |
            String prometheus = row.group(1);
            String type = cells[2].trim();
            Matcher registered = Pattern.compile("`(childalert\\.[a-z.]+)`").matcher(cells[5]);
            if (!cells[6].trim().equals("exposed") || !registered.find()) {
                wrong.add(prometheus + ": not exposed, or no Micrometer name in its row");
                continue;
            }
            String micrometer = registered.group(1);
            String expected = micrometer.replace('.', '_') + (cells[5].contains("base unit seconds") ? "_seconds" : "")
                    + (type.equals("counter") ? "_total" : "");
            if (!expected.equals(prometheus)) {
                wrong.add(prometheus + ": " + micrometer + " becomes " + expected + " in Prometheus");
            }
            if (!sources.contains("\"" + micrometer + "\"")) {
                wrong.add(prometheus + ": no service's code registers \"" + micrometer + "\"");
            }
        }
        assertThat(rows).as("business metrics in metrics.md").isGreaterThan(10);
        assertThat(wrong).as("business metrics of metrics.md that the code does not register as it says").isEmpty();
    }

    @Test
    void thePromQlReaderFindsTheMetricsOfAnExpression() {
        assertThat(metricNames("""
                sum by (service) (rate(http_server_requests_seconds_count{job="childalert", status=~"5.."}[5m]))
                  / on (service) group_left sum(childalert_outbox_depth) > 0.05
                  and max(childalert_dead_letter_messages{queue="a.b.dlq"} offset 5m) unless up == 0
                """)).containsExactlyInAnyOrder("http_server_requests_seconds_count", "childalert_outbox_depth",
                "childalert_dead_letter_messages", "up");
    }

    /** Prometheus' checker: syntax, types, templates of the rules, the scrape file, and the rules' unit tests. */
    @Test
    void promtoolAcceptsTheRulesTheScrapeConfigurationAndTheRuleTests() throws Exception {
        boolean installed = new File("/usr/bin/promtool").canExecute() || onPath("promtool");
        // .ci/run installs Debian's prometheus package for it; -Dpromtool.required=true makes its absence a failure
        Assumptions.assumeTrue(installed || Boolean.getBoolean("promtool.required"),
                "promtool is not installed (apt-get install prometheus): the rules are only checked against the catalogue");
        assertThat(promtool("check", "config", "prometheus-scrape.yml")).contains("SUCCESS");
        assertThat(promtool("test", "rules", "prometheus-rules.test.yml")).contains("SUCCESS");
    }

    /** The metric names of a PromQL expression: identifiers that are not functions, keywords or label names. */
    static Set<String> metricNames(String expression) {
        String bare = expression
                .replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
                .replaceAll("\\boffset\\s+\\S+", " ");
        Set<String> names = new LinkedHashSet<>();
        Matcher identifier = IDENTIFIER.matcher(bare);
        while (identifier.find()) {
            String name = identifier.group();
            if (identifier.start() > 0 && Character.isDigit(bare.charAt(identifier.start() - 1))) {
                continue; // the exponent or unit of a number (1e3, 5m)
            }
            String rest = bare.substring(identifier.end()).stripLeading();
            if (rest.startsWith("(") || PROMQL_WORDS.contains(name.toLowerCase(Locale.ROOT))) {
                continue; // a function or an aggregation, or a keyword
            }
            names.add(name);
        }
        return names;
    }

    private static Set<String> catalogue() throws IOException {
        Set<String> names = new LinkedHashSet<>();
        for (String line : Files.readAllLines(OBSERVABILITY.resolve("metrics.md"))) {
            Matcher row = CATALOGUE_ROW.matcher(line);
            if (row.find()) {
                names.add(row.group(1));
            }
        }
        assertThat(names).as("metric names in metrics.md").contains("up", "childalert_outbox_depth");
        return names;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rules() throws IOException {
        Map<String, Object> file = new Yaml().load(Files.readString(OBSERVABILITY.resolve("prometheus-rules.yml")));
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
            rules.addAll((List<Map<String, Object>>) group.get("rules"));
        }
        assertThat(rules).as("rules in prometheus-rules.yml").hasSizeGreaterThan(10);
        return rules;
    }

    private static String promtool(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("promtool"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(OBSERVABILITY.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("promtool %s:%n%s", String.join(" ", arguments), output).isZero();
        return output;
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (new File(dir, program).canExecute()) {
                return true;
            }
        }
        return false;
    }

    private static Path repositoryRoot() {
        File dir = new File("").getAbsoluteFile();
        while (dir != null && !new File(dir, "infra/observability").isDirectory()) {
            dir = dir.getParentFile();
        }
        if (dir == null) {
            throw new IllegalStateException("infra/observability not found above " + new File("").getAbsolutePath());
        }
        return dir.toPath();
    }
}
