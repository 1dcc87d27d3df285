package org.childalert.notifications.targeting;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.childalert.events.DeliveryChannel;
import org.childalert.events.DisclosureLevel;
import org.childalert.events.GeoCircle;
import org.childalert.events.RecipientKind;
import org.childalert.notifications.geo.PostalCodeGeocoder;
import org.childalert.notifications.templates.Language;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Measures recipient resolution on the benchmark database filled by {@link VolunteerGenerator}: the time to
 * stream every volunteer who must be told of a TARGETED alert over a 10 km and a 40 km circle around Brussels,
 * through the service's own {@link RecipientResolver}, beside, in the same run, a naive full scan that applies
 * the same rules (the same SQL text for the distance) to every volunteer of the source tables
 * ({@code volunteer} joined with {@code volunteer_channel}), and a full scan of the trigger-kept copy
 * ({@code volunteer_reach}) without its index. Before timing, it checks that all three find the same set of
 * (volunteer, channel, address), which also checks the copy against the source tables. Prints p50 and p95 and
 * the load average at the start and the end. Connections are pooled (Hikari, as in the service). Not a test:
 * run it with {@code bin/bench-recipients}.
 */
public final class RecipientResolutionBenchmark {

    private static final double BRUSSELS_LATITUDE = 50.8466;
    private static final double BRUSSELS_LONGITUDE = 4.3528;
    // Interleaved rounds, so that the resolver and the scans share whatever else the machine is doing: each round
    // runs the resolver twice, its query counted in the database once, the naive scan once and the copy's scan once.
    private static final int ROUNDS = 20;
    private static final int RESOLVER_RUNS_PER_ROUND = 2;
    // Enough runs for the JIT to have compiled the resolver's path (the driver's row decoding, the mapping): with 5,
    // the first three measured runs still took 2-3 times the others, which is the compiler, not the resolver.
    private static final int RESOLVER_WARM_UP = 20;
    private static final int SCAN_WARM_UP = 1;

    /** Noon in Brussels: quiet hours (typically at night) apply as they would to a daytime alert. */
    private static final Instant NOON = Instant.parse("2026-11-28T11:00:00Z");

    /**
     * The resolver's rules, naively: every volunteer with each of their channels, the rule computed for each with
     * the resolver's own text ({@link RecipientResolver#WITHIN_REACH}, so that the two differ only in how they
     * find the rows), the same exclusions, the same instant and local time.
     */
    private static final String NAIVE = """
            select v.id, c.channel, case c.channel when 'SMS' then v.phone else v.email end as address, v.language
            from volunteer v
            join volunteer_channel c on c.volunteer_id = v.id
            where %s
              and c.verified_at is not null and c.opted_out_at is null
              and case c.channel when 'SMS' then v.phone else v.email end is not null
              and (v.paused_until is null or v.paused_until <= :now)
              and (v.quiet_from is null or not (case when v.quiet_from <= v.quiet_until
                       then :localTime >= v.quiet_from and :localTime < v.quiet_until
                       else :localTime >= v.quiet_from or :localTime < v.quiet_until end))
            """.formatted(RecipientResolver.WITHIN_REACH);

    /**
     * The same rules over the trigger-kept copy, without its index: shows what the index and the ranges add to the
     * copy alone (no join, only reachable channels).
     */
    private static final String COPY_SCAN = """
            select r.volunteer_id as id, r.channel, r.address, r.language
            from volunteer_reach r
            where %s
              and (r.paused_until is null or r.paused_until <= :now)
              and (r.quiet_from is null or not (case when r.quiet_from <= r.quiet_until
                       then :localTime >= r.quiet_from and :localTime < r.quiet_until
                       else :localTime >= r.quiet_from or :localTime < r.quiet_until end))
            """.formatted(RecipientResolver.WITHIN_REACH);

    private RecipientResolutionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        VolunteerGenerator.quietLogs();
        // pooled, as in the service (Boot's Hikari): connections and their prepared statements are reused
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(VolunteerGenerator.benchDatabase(args.length > 0 ? args[0] : VolunteerGenerator.BENCH_URL));
        pool.setMaximumPoolSize(2);
        try (HikariDataSource database = new HikariDataSource(pool)) {
            measure(database);
        }
    }

    private static void measure(DataSource database) throws Exception {
        RecipientResolver resolver = new RecipientResolver(database, new PostalCodeGeocoder(), Clock.fixed(NOON, ZoneOffset.UTC));
        TransactionTemplate readOnly = new TransactionTemplate(new DataSourceTransactionManager(database));
        readOnly.setReadOnly(true);
        JdbcTemplate jdbc = new JdbcTemplate(database);
        jdbc.setFetchSize(2000);
        NamedParameterJdbcTemplate naive = new NamedParameterJdbcTemplate(jdbc);

        long volunteers = jdbc.queryForObject("select count(*) from volunteer", Long.class);
        long channels = jdbc.queryForObject("select count(*) from volunteer_reach", Long.class);
        System.out.printf(Locale.ROOT, "Recipient resolution over %,d volunteers, %,d reachable channels (Java %s, %d cores)%n",
                volunteers, channels, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        System.out.println("load average at the start: " + loadAverage());
        for (double radiusKm : new double[] {10, 40}) {
            GeoCircle circle = new GeoCircle(BRUSSELS_LATITUDE, BRUSSELS_LONGITUDE, radiusKm);
            MapSqlParameterSource naiveParams = RecipientResolver.withinReach(circle)
                    .addValue("now", Timestamp.from(NOON))
                    .addValue("localTime", LocalTime.ofInstant(NOON, RecipientResolver.QUIET_HOURS_ZONE));
            Consumer<Consumer<String>> resolved = each -> readOnly.executeWithoutResult(status -> {
                try (Stream<Recipient> recipients = resolver.volunteers(circle, DisclosureLevel.TARGETED)) {
                    recipients.forEach(recipient -> each.accept(recipient.id() + " " + recipient.channel() + " " + recipient.address()));
                }
            });
            Set<String> byResolver = new HashSet<>();
            resolved.accept(byResolver::add);
            Set<String> byScan = new HashSet<>();
            scan(readOnly, naive, NAIVE, naiveParams, rs -> byScan.add(
                    rs.getString("id") + " " + rs.getString("channel") + " " + rs.getString("address")));
            Set<String> byCopyScan = new HashSet<>();
            scan(readOnly, naive, COPY_SCAN, naiveParams, rs -> byCopyScan.add(
                    rs.getString("id") + " " + rs.getString("channel") + " " + rs.getString("address")));
            agree(byResolver, byScan, "the naive full scan");
            agree(byResolver, byCopyScan, "the full scan of volunteer_reach");

            // timed: what an alert does with each row (the resolver maps it to a Recipient), then only counted
            LongSupplier resolving = () -> readOnly.execute(status -> {
                try (Stream<Recipient> recipients = resolver.volunteers(circle, DisclosureLevel.TARGETED)) {
                    return recipients.mapToLong(recipient -> 1).sum();
                }
            });
            // the resolver's own query and parameters, counted where it runs: what finding the rows costs, without
            // moving them to the JVM (the difference to the resolver is the transfer, the decoding and the mapping)
            MapSqlParameterSource resolverParams = resolver.volunteersQuery(circle, DisclosureLevel.TARGETED);
            LongSupplier counting = () -> readOnly.execute(status -> naive.queryForObject(
                    "select count(*) from (" + RecipientResolver.VOLUNTEERS + ") resolved", resolverParams, Long.class));
            LongSupplier scanning = () -> scan(readOnly, naive, NAIVE, naiveParams, RecipientResolutionBenchmark::recipient);
            LongSupplier copyScanning = () -> scan(readOnly, naive, COPY_SCAN, naiveParams, RecipientResolutionBenchmark::recipient);
            for (int i = 0; i < RESOLVER_WARM_UP; i++) {
                resolving.getAsLong();
                counting.getAsLong();
            }
            for (int i = 0; i < SCAN_WARM_UP; i++) {
                scanning.getAsLong();
                copyScanning.getAsLong();
            }
            Timings resolverTimes = new Timings(ROUNDS * RESOLVER_RUNS_PER_ROUND);
            Timings scanTimes = new Timings(ROUNDS);
            Timings copyScanTimes = new Timings(ROUNDS);
            Timings countTimes = new Timings(ROUNDS);
            for (int round = 0; round < ROUNDS; round++) {
                countTimes.time(counting);
                resolverTimes.time(resolving);
                scanTimes.time(scanning);
                resolverTimes.time(resolving);
                copyScanTimes.time(copyScanning);
            }
            Result resolution = resolverTimes.result();
            Result scan = scanTimes.result();
            Result copyScan = copyScanTimes.result();
            Result counted = countTimes.result();
            if (resolution.rows != byResolver.size() || scan.rows != byResolver.size() || copyScan.rows != byResolver.size()
                    || counted.rows != byResolver.size()) {
                throw new IllegalStateException("The timed runs found another number of recipients than the check");
            }
            System.out.printf(Locale.ROOT, "%.0f km circle: %,d recipients, the same set in all three%n", radiusKm, byResolver.size());
            System.out.printf(Locale.ROOT, "  %-40s p50 %8.1f ms  p95 %8.1f ms  (%d runs after %d warm-up)%n",
                    "resolver", resolution.p50, resolution.p95, ROUNDS * RESOLVER_RUNS_PER_ROUND, RESOLVER_WARM_UP);
            System.out.printf(Locale.ROOT, "  %-40s p50 %8.1f ms  p95 %8.1f ms  (%d runs after %d; the rest is moving the rows)%n",
                    "  of which finding them (in PostgreSQL)", counted.p50, counted.p95, ROUNDS, RESOLVER_WARM_UP);
            for (Result reference : new Result[] {scan, copyScan}) {
                System.out.printf(Locale.ROOT, "  %-40s p50 %8.1f ms  p95 %8.1f ms  (%d runs after %d)  resolver %.1fx faster at p50, %.1fx at p95%n",
                        reference == scan ? "naive full scan of the source tables" : "full scan of volunteer_reach",
                        reference.p50, reference.p95, ROUNDS, SCAN_WARM_UP,
                        reference.p50 / resolution.p50, reference.p95 / resolution.p95);
            }
        }
        System.out.println("load average at the end: " + loadAverage());
    }

    private record Result(long rows, double p50, double p95) {
    }

    private interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    /** Runs a full scan in a read-only transaction, giving each row to {@code row}; returns how many. */
    private static long scan(TransactionTemplate readOnly, NamedParameterJdbcTemplate jdbc, String sql,
                             MapSqlParameterSource params, Row row) {
        return readOnly.execute(status -> {
            long[] rows = {0};
            jdbc.query(sql, params, (RowCallbackHandler) rs -> {
                row.accept(rs);
                rows[0]++;
            });
            return rows[0];
        });
    }

    /** What the resolver does with a row. */
    private static void recipient(ResultSet rs) throws SQLException {
        new Recipient(RecipientKind.VOLUNTEER, rs.getObject("id", UUID.class), DeliveryChannel.valueOf(rs.getString("channel")),
                rs.getString("address"), Language.fromCode(rs.getString("language")));
    }

    private static void agree(Set<String> byResolver, Set<String> byScan, String scan) {
        if (!byResolver.equals(byScan)) {
            Set<String> missed = new HashSet<>(byScan);
            missed.removeAll(byResolver);
            Set<String> extra = new HashSet<>(byResolver);
            extra.removeAll(byScan);
            throw new IllegalStateException("The resolver and " + scan + " disagree: the resolver missed " + missed.size()
                    + " (e.g. " + missed.stream().limit(3).toList() + ") and found " + extra.size() + " more (e.g. "
                    + extra.stream().limit(3).toList() + ")");
        }
    }

    /** The durations of one kind of run; every run must find the same number of recipients. */
    private static final class Timings {

        private final double[] millis;
        private int count;
        private long rows = -1;

        Timings(int runs) {
            millis = new double[runs];
        }

        void time(LongSupplier run) {
            long started = System.nanoTime();
            long counted = run.getAsLong();
            millis[count++] = (System.nanoTime() - started) / 1e6;
            if (rows >= 0 && counted != rows) {
                throw new IllegalStateException("Runs disagree: " + counted + " vs " + rows);
            }
            rows = counted;
        }

        Result result() {
            double[] sorted = Arrays.copyOf(millis, count);
            Arrays.sort(sorted);
            return new Result(rows, percentile(sorted, 50), percentile(sorted, 95));
        }
    }

    /** Nearest-rank percentile. */
    private static double percentile(double[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /** The 1, 5 and 15 minute load averages of the machine (Linux). */
    private static String loadAverage() throws Exception {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }
}
