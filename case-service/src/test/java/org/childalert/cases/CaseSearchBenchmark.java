package org.childalert.cases;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The case search benchmark (issue 3): fills the database {@code cases_bench} with 20,000 and then 200,000 cases
 * and measures the latency of {@code GET /api/cases} over a few hundred varied searches, through the whole
 * Spring MVC and Spring Security stack (MockMvc; the JWT itself is not decoded) with the audit entry every
 * search writes. Run by {@code bin/bench-case-search}; never part of the test build (the name does not end in
 * Tests). Arguments: the case counts to measure, ascending (default 20000 200000).
 */
public final class CaseSearchBenchmark {

    private static final String[] FIRST_NAMES = { "Emma", "Noah", "Olivia", "Liam", "Louise", "Arthur", "Mila", "Jules",
            "Elena", "Louis", "Alice", "Adam", "Juliette", "Victor", "Lina", "Gabriel", "Nora", "Lucas", "Sofia", "Mohamed",
            "Anna", "Finn", "Ella", "Vic", "Lore", "Milan", "Fien", "Wout", "Amira", "Youssef", "Yasmine", "Rayan",
            "Chloé", "Théo", "Zoë", "Seppe", "Marie", "Lars", "Ines", "Kobe" };
    private static final String[] LAST_NAMES = { "Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes",
            "Goossens", "Wouters", "De Smet", "Dubois", "Lambert", "Dupont", "Martin", "Simon", "Laurent", "Leroy",
            "Declercq", "Hermans", "Aerts", "Michiels", "Lemmens", "Desmet", "Vermeulen", "Van Damme", "Pauwels",
            "Van den Broeck", "De Clercq", "Smets", "Renard", "El Amrani", "Benali", "Kowalski", "Nowak", "Popescu",
            "Yilmaz", "Diallo", "Bah", "Haddad", "Novak", "Hendrickx", "Cools", "Verbruggen", "Segers", "Bogaert",
            "Van Acker", "Stevens", "Coppens", "Baert", "Moens", "Devos", "Lievens", "Verhaegen", "De Backer",
            "Mathieu", "Gerard", "Denis", "Lejeune", "Collard", "Thiry" };
    private static final String[] PLACES = { "Brussels-North station", "Brussels-Central", "Antwerpen-Centraal",
            "Gent-Sint-Pieters", "Liège-Guillemins", "Charleroi-Sud", "Leuven station", "Mechelen Grote Markt",
            "Brugge 't Zand", "Namur citadel", "Hasselt Kolonel Dusart", "Mons Grand-Place", "Kortrijk Xpo",
            "Oostende beach", "Aalst Keizersplein", "Sint-Niklaas station", "Genk Shopping 1", "Roeselare station",
            "Turnhout Grote Markt", "Tournai cathedral", "Arlon station", "Wavre Walibi", "Ieper Menenpoort",
            "Lier Zimmertoren", "Dendermonde station", "Knokke casino", "Vilvoorde station", "Zaventem airport",
            "Fedasil Klein-Kasteeltje", "Fedasil Mouscron" };

    private static final int WARM_UP = 150;
    private static final int MEASURED = 500;

    private CaseSearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = args.length == 0 ? new int[] { 20_000, 200_000 } : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        // system properties, so that they win over application.yml
        Map.of("spring.datasource.url", "jdbc:postgresql://127.0.0.1:5432/cases_bench",
                "spring.rabbitmq.virtual-host", "childalert-test",
                // the benchmark consumes nothing: the queue is declared but its listener never starts
                "spring.cloud.stream.bindings.alertEvents-in-0.consumer.auto-startup", "false",
                "childalert.retention.schedule", "-",
                "server.port", "0",
                "management.server.port", "0",
                "logging.level.root", "warn",
                "spring.main.banner-mode", "off",
                "childalert.outbox.purge-schedule", "-").forEach(System::setProperty);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CaseServiceApplication.class).profiles("dev").run()) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            MockMvc mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) context).apply(springSecurity()).build();
            jdbc.sql("truncate audit_log, timeline_entry, escalation, case_photo, outbox_event, processed_event, case_file, child").update();

            System.out.printf(Locale.ROOT, "%nCase search benchmark: %d warm-up and %d measured requests per size, "
                    + "%d cores, PostgreSQL database cases_bench%n", WARM_UP, MEASURED, Runtime.getRuntime().availableProcessors());
            int filled = 0;
            for (int size : sizes) {
                long started = System.nanoTime();
                fill(jdbc, filled + 1, size);
                filled = size;
                System.out.printf(Locale.ROOT, "%nFilled %,d cases in %.1f s%n", size, (System.nanoTime() - started) / 1e9);
                measure(mvc, size);
            }
        }
    }

    /** Children and cases {@code from..to}, generated inside PostgreSQL; every sixth case is a repeat of the child before. */
    private static void fill(JdbcClient jdbc, int from, int to) {
        jdbc.sql("""
                insert into child (id, first_name, last_name, date_of_birth, created_at)
                select md5('child' || g)::uuid, (cast(:first as text[]))[1 + g % 40], (cast(:last as text[]))[1 + (g / 40) % 60],
                       date '2006-01-01' + (g % 4000), now()
                from generate_series(:from, :to) g
                """)
                .param("first", arrayLiteral(FIRST_NAMES)).param("last", arrayLiteral(LAST_NAMES)).param("from", from).param("to", to)
                .update();
        jdbc.sql("""
                insert into case_file (id, child_id, category, subtype, destination_country, destination_in_europe,
                    status, last_seen_at, last_seen_latitude, last_seen_longitude, last_seen_place, description,
                    opened_at, opened_by, opened_by_subject, coordinator, outcome, resolved_at, closed_at)
                select md5('case' || g)::uuid,
                       md5('child' || case when g % 6 = 0 and g > 1 then g - 1 else g end)::uuid,
                       c.category,
                       case when c.category = 'PARENTAL_ABDUCTION' then case when g % 5 < 3 then 'PREVENTIVE_ADVICE' else 'ACTUAL_ABDUCTION' end end,
                       case when c.category = 'PARENTAL_ABDUCTION' and g % 5 >= 3 then case when g % 3 = 0 then 'MA' else 'FR' end end,
                       case when c.category = 'PARENTAL_ABDUCTION' and g % 5 >= 3 then g % 3 <> 0 end,
                       s.status, o.opened_at - interval '3 hours', 50.5 + (g % 100) / 100.0, 4.0 + (g % 200) / 100.0,
                       (cast(:places as text[]))[1 + g % 30], 'Generated case ' || g, o.opened_at, 'coord' || (g % 25), 'coord' || (g % 25),
                       'coord' || (g % 25),
                       case when s.status in ('RESOLVED', 'CLOSED') then 'RETURNED' end,
                       case when s.status in ('RESOLVED', 'CLOSED') then o.opened_at + interval '2 days' end,
                       case when s.status = 'CLOSED' then o.opened_at + interval '9 days' end
                from generate_series(:from, :to) g
                cross join lateral (select case when g % 100 < 70 then 'RUNAWAY' when g % 100 < 80 then 'UNACCOMPANIED_MINOR'
                        when g % 100 < 92 then 'PARENTAL_ABDUCTION' when g % 100 < 95 then 'CRIMINAL_ABDUCTION'
                        else 'LOST_OR_UNEXPLAINED' end as category) c
                cross join lateral (select case when g % 20 < 2 then 'OPEN' when g % 20 = 2 then 'ESCALATION_REQUESTED'
                        when g % 20 = 3 then 'ALERT_ACTIVE' when g % 20 < 10 then 'RESOLVED' else 'CLOSED' end as status) s
                cross join lateral (select now() - ((g::bigint * 7919) % (3650 * 24 * 60)) * interval '1 minute' as opened_at) o
                """)
                .param("places", arrayLiteral(PLACES)).param("from", from).param("to", to)
                .update();
        jdbc.sql("analyze child").update();
        jdbc.sql("analyze case_file").update();
    }

    /** A PostgreSQL array literal, so that the values reach the server as one text[] parameter. */
    private static String arrayLiteral(String[] values) {
        return Arrays.stream(values).map(v -> '"' + v.replace("\"", "\\\"") + '"')
                .collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }

    private static void measure(MockMvc mvc, int size) throws Exception {
        Random random = new Random(42);
        Map<String, Function<Random, MockHttpServletRequestBuilder>> queries = queries();
        List<String> names = new ArrayList<>(queries.keySet());
        for (int i = 0; i < WARM_UP; i++) {
            run(mvc, queries.get(names.get(i % names.size())).apply(random));
        }
        Map<String, List<Double>> perQuery = new LinkedHashMap<>();
        List<Double> all = new ArrayList<>();
        for (int i = 0; i < MEASURED; i++) {
            String name = names.get(random.nextInt(names.size()));
            double millis = run(mvc, queries.get(name).apply(random));
            perQuery.computeIfAbsent(name, n -> new ArrayList<>()).add(millis);
            all.add(millis);
        }
        System.out.printf(Locale.ROOT, "%-44s %6s %8s %8s %8s%n", "search at " + String.format(Locale.ROOT, "%,d", size)
                + " cases", "n", "p50 ms", "p95 ms", "max ms");
        perQuery.forEach((name, samples) -> print(name, samples));
        print("ALL", all);
    }

    private static Map<String, Function<Random, MockHttpServletRequestBuilder>> queries() {
        Map<String, Function<Random, MockHttpServletRequestBuilder>> queries = new LinkedHashMap<>();
        queries.put("newest first, no filter", r -> search(Callers.alice()));
        queries.put("status=OPEN", r -> search(Callers.alice()).param("status", "OPEN"));
        queries.put("category+status", r -> search(Callers.alice()).param("category", "RUNAWAY").param("status", "RESOLVED"));
        queries.put("coordinator", r -> search(Callers.alice()).param("coordinator", "coord" + r.nextInt(25)));
        queries.put("name: part of a last name", r -> search(Callers.alice())
                .param("name", prefix(LAST_NAMES[r.nextInt(LAST_NAMES.length)], 5).toLowerCase(Locale.ROOT)));
        queries.put("name: first and last name", r -> search(Callers.alice())
                .param("name", FIRST_NAMES[r.nextInt(FIRST_NAMES.length)] + " " + LAST_NAMES[r.nextInt(LAST_NAMES.length)]));
        queries.put("place: part of the place", r -> search(Callers.alice())
                .param("place", prefix(PLACES[r.nextInt(PLACES.length)], 6)));
        queries.put("opened in one month", r -> {
            java.time.LocalDate from = java.time.LocalDate.now().minusDays(30 + r.nextInt(3000));
            return search(Callers.alice()).param("openedFrom", from.toString()).param("openedTo", from.plusDays(30).toString());
        });
        queries.put("category+month, oldest last seen first", r -> {
            java.time.LocalDate from = java.time.LocalDate.now().minusDays(30 + r.nextInt(3000));
            return search(Callers.alice()).param("category", "PARENTAL_ABDUCTION").param("openedFrom", from.toString())
                    .param("openedTo", from.plusDays(30).toString()).param("sort", "LAST_SEEN_AT").param("direction", "ASC");
        });
        queries.put("page 50 of everything", r -> search(Callers.alice()).param("page", "50"));
        queries.put("police: escalated and closed only", r -> search(Callers.bob()).param("category", "CRIMINAL_ABDUCTION"));
        return queries;
    }

    private static String prefix(String text, int length) {
        return text.substring(0, Math.min(length, text.length()));
    }

    private static MockHttpServletRequestBuilder search(RequestPostProcessor caller) {
        return get("/api/cases").with(caller);
    }

    private static double run(MockMvc mvc, MockHttpServletRequestBuilder request) throws Exception {
        long started = System.nanoTime();
        int status = mvc.perform(request).andReturn().getResponse().getStatus();
        double millis = (System.nanoTime() - started) / 1e6;
        if (status != 200) {
            throw new IllegalStateException("Search answered " + status);
        }
        return millis;
    }

    private static void print(String name, List<Double> samples) {
        double[] sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "%-44s %6d %8.1f %8.1f %8.1f%n", name, sorted.length, percentile(sorted, 50),
                percentile(sorted, 95), sorted[sorted.length - 1]);
    }

    private static double percentile(double[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }
}
