package org.childalert.notifications.targeting;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

import org.childalert.events.DeliveryChannel;
import org.childalert.events.DisclosureLevel;
import org.childalert.events.GeoCircle;
import org.childalert.events.RecipientKind;
import org.childalert.notifications.geo.PostalCodeGeocoder;
import org.childalert.notifications.templates.Language;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Measures recipient resolution on the benchmark database filled by {@link VolunteerGenerator}: the time to
 * stream every volunteer who must be told of a TARGETED alert over a 10 km and a 40 km circle around Brussels,
 * through the service's own {@link RecipientResolver}, beside a naive full scan in the same run that applies
 * the same rules to every volunteer of the source tables ({@code volunteer} joined with
 * {@code volunteer_channel}: the distance computed on every row, no index for it). Before timing, it checks
 * that both find the same set of (volunteer, channel, address), which also checks that the triggers' copy
 * ({@code volunteer_reach}) agrees with the source tables. Prints p50 and p95 and the load average at the
 * start and the end. Not a test: run it with {@code bin/bench-recipients}.
 */
public final class RecipientResolutionBenchmark {

    private static final double BRUSSELS_LATITUDE = 50.8466;
    private static final double BRUSSELS_LONGITUDE = 4.3528;
    private static final int WARM_UP = 5;
    private static final int RUNS = 30;
    // a full scan takes a second or more: fewer runs; p95 of 20 runs is their slowest but one
    private static final int NAIVE_WARM_UP = 1;
    private static final int NAIVE_RUNS = 20;

    /** Noon in Brussels: quiet hours (typically at night) apply as they would to a daytime alert. */
    private static final Instant NOON = Instant.parse("2026-11-28T11:00:00Z");

    /**
     * The resolver's rules, naively: every volunteer with each of their channels, the distance computed for
     * each, with the same distance function ({@code great_circle_km}, so that the two differ only in how they
     * find the rows), the same exclusions, the same instant and local time.
     */
    private static final String NAIVE = """
            select v.id, c.channel, case c.channel when 'SMS' then v.phone else v.email end as address, v.language
            from volunteer v
            join volunteer_channel c on c.volunteer_id = v.id
            where great_circle_km(?, ?, v.home_latitude, v.home_longitude) <= least(?, v.radius_km)
              and c.verified_at is not null and c.opted_out_at is null
              and case c.channel when 'SMS' then v.phone else v.email end is not null
              and (v.paused_until is null or v.paused_until <= ?)
              and (v.quiet_from is null or not (case when v.quiet_from <= v.quiet_until
                       then time '12:00' >= v.quiet_from and time '12:00' < v.quiet_until
                       else time '12:00' >= v.quiet_from or time '12:00' < v.quiet_until end))
            """;

    private RecipientResolutionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        VolunteerGenerator.quietLogs();
        PGSimpleDataSource database = VolunteerGenerator.benchDatabase(args.length > 0 ? args[0] : VolunteerGenerator.BENCH_URL);
        RecipientResolver resolver = new RecipientResolver(database, new PostalCodeGeocoder(), Clock.fixed(NOON, ZoneOffset.UTC));
        TransactionTemplate readOnly = new TransactionTemplate(new DataSourceTransactionManager(database));
        readOnly.setReadOnly(true);
        JdbcTemplate naive = new JdbcTemplate(database);
        naive.setFetchSize(2000);

        long volunteers = naive.queryForObject("select count(*) from volunteer", Long.class);
        long channels = naive.queryForObject("select count(*) from volunteer_reach", Long.class);
        System.out.printf(Locale.ROOT, "Recipient resolution over %,d volunteers, %,d reachable channels (Java %s, %d cores)%n",
                volunteers, channels, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        System.out.println("load average at the start: " + loadAverage());
        for (double radiusKm : new double[] {10, 40}) {
            GeoCircle circle = new GeoCircle(BRUSSELS_LATITUDE, BRUSSELS_LONGITUDE, radiusKm);
            Consumer<Consumer<String>> resolved = each -> readOnly.executeWithoutResult(status -> {
                try (Stream<Recipient> recipients = resolver.volunteers(circle, DisclosureLevel.TARGETED)) {
                    recipients.forEach(recipient -> each.accept(recipient.id() + " " + recipient.channel() + " " + recipient.address()));
                }
            });
            Consumer<Consumer<String>> scanned = each -> readOnly.executeWithoutResult(status ->
                    naive.query(NAIVE, (RowCallbackHandler) rs -> each.accept(
                                    rs.getString("id") + " " + rs.getString("channel") + " " + rs.getString("address")),
                            circle.latitude(), circle.longitude(), circle.radiusKm(), Timestamp.from(NOON)));

            Set<String> byResolver = new HashSet<>();
            resolved.accept(byResolver::add);
            Set<String> byScan = new HashSet<>();
            scanned.accept(byScan::add);
            if (!byResolver.equals(byScan)) {
                Set<String> missed = new HashSet<>(byScan);
                missed.removeAll(byResolver);
                Set<String> extra = new HashSet<>(byResolver);
                extra.removeAll(byScan);
                throw new IllegalStateException("The resolver and the full scan disagree: the resolver missed "
                        + missed.size() + " (e.g. " + missed.stream().limit(3).toList() + ") and found " + extra.size()
                        + " more (e.g. " + extra.stream().limit(3).toList() + ")");
            }

            // timed: what an alert does with each row (the resolver maps it to a Recipient), then only counted
            LongSupplier resolving = () -> readOnly.execute(status -> {
                try (Stream<Recipient> recipients = resolver.volunteers(circle, DisclosureLevel.TARGETED)) {
                    return recipients.mapToLong(recipient -> 1).sum();
                }
            });
            LongSupplier scanning = () -> readOnly.execute(status -> {
                long[] rows = {0};
                naive.query(NAIVE, (RowCallbackHandler) rs -> {
                    new Recipient(RecipientKind.VOLUNTEER, rs.getObject("id", UUID.class),
                            DeliveryChannel.valueOf(rs.getString("channel")), rs.getString("address"),
                            Language.fromCode(rs.getString("language")));
                    rows[0]++;
                }, circle.latitude(), circle.longitude(), circle.radiusKm(), Timestamp.from(NOON));
                return rows[0];
            });
            Result resolution = measure(resolving, WARM_UP, RUNS);
            Result scan = measure(scanning, NAIVE_WARM_UP, NAIVE_RUNS);
            if (resolution.rows != byResolver.size() || scan.rows != byScan.size()) {
                throw new IllegalStateException("The timed runs found another number of recipients than the check");
            }
            System.out.printf(Locale.ROOT,
                    "%2.0f km circle: %,d recipients (the same set in both) | resolver p50 %.1f ms, p95 %.1f ms (%d runs)"
                            + " | naive full scan p50 %.1f ms, p95 %.1f ms (%d runs) | %.1fx faster at p50, %.1fx at p95%n",
                    radiusKm, byResolver.size(), resolution.p50, resolution.p95, RUNS, scan.p50, scan.p95, NAIVE_RUNS,
                    scan.p50 / resolution.p50, scan.p95 / resolution.p95);
        }
        System.out.println("load average at the end: " + loadAverage());
    }

    private record Result(long rows, double p50, double p95) {
    }

    private static Result measure(LongSupplier run, int warmUp, int runs) {
        long rows = run.getAsLong();
        for (int i = 1; i < warmUp; i++) {
            rows = run.getAsLong();
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            long counted = run.getAsLong();
            millis[i] = (System.nanoTime() - started) / 1e6;
            if (counted != rows) {
                throw new IllegalStateException("Runs disagree: " + counted + " vs " + rows);
            }
        }
        Arrays.sort(millis);
        return new Result(rows, percentile(millis, 50), percentile(millis, 95));
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
