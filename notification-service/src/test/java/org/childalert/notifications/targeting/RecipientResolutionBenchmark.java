package org.childalert.notifications.targeting;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

import org.childalert.events.DisclosureLevel;
import org.childalert.events.GeoCircle;
import org.childalert.notifications.geo.PostalCodeGeocoder;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Measures recipient resolution on the benchmark database filled by {@link VolunteerGenerator}: the time to
 * stream every volunteer who must be told of a TARGETED alert over a 10 km and a 40 km circle around Brussels,
 * through the service's own {@link RecipientResolver}, beside a naive full scan that computes the distance for
 * every row with the same rules, in the same run (both must find the same recipients). Prints p50 and p95 over
 * repeated runs. Not a test: run it with
 *
 * <pre>
 * mvn -B -q org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.childalert.notifications.targeting.RecipientResolutionBenchmark
 * </pre>
 */
public final class RecipientResolutionBenchmark {

    private static final double BRUSSELS_LATITUDE = 50.8466;
    private static final double BRUSSELS_LONGITUDE = 4.3528;
    private static final int WARM_UP = 5;
    private static final int RUNS = 30;
    // a full scan takes seconds on a loaded machine: one warm-up run, p95 of 7 runs is their slowest but one
    private static final int NAIVE_WARM_UP = 1;
    private static final int NAIVE_RUNS = 7;

    /** The resolver's rules without its index: the distance is computed for every volunteer. */
    private static final String NAIVE = """
            select v.id, c.channel, case c.channel when 'SMS' then v.phone else v.email end as address, v.language
            from volunteer v
            join volunteer_channel c on c.volunteer_id = v.id
            where earth_distance(ll_to_earth(?, ?), ll_to_earth(v.home_latitude, v.home_longitude))
                  <= (v.radius_km + ?) * 1000
              and c.verified_at is not null and c.opted_out_at is null
              and (v.paused_until is null or v.paused_until <= now())
              and (v.quiet_from is null or not (case when v.quiet_from <= v.quiet_until
                       then time '12:00' >= v.quiet_from and time '12:00' < v.quiet_until
                       else time '12:00' >= v.quiet_from or time '12:00' < v.quiet_until end))
            """;

    private RecipientResolutionBenchmark() {
    }

    public static void main(String[] args) {
        PGSimpleDataSource database = VolunteerGenerator.benchDatabase(args.length > 0 ? args[0] : VolunteerGenerator.BENCH_URL);
        // noon in Brussels: quiet hours (typically at night) apply as they would to a daytime alert
        Clock noon = Clock.fixed(Instant.parse("2026-11-28T11:00:00Z"), ZoneOffset.UTC);
        RecipientResolver resolver = new RecipientResolver(database, new PostalCodeGeocoder(), noon);
        TransactionTemplate readOnly = new TransactionTemplate(new DataSourceTransactionManager(database));
        readOnly.setReadOnly(true);
        JdbcTemplate naive = new JdbcTemplate(database);
        naive.setFetchSize(2000);

        long volunteers = naive.queryForObject("select count(*) from volunteer", Long.class);
        System.out.printf(Locale.ROOT, "Recipient resolution over %,d volunteers (Java %s, %d cores)%n",
                volunteers, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        for (double radiusKm : new double[] {10, 40}) {
            GeoCircle circle = new GeoCircle(BRUSSELS_LATITUDE, BRUSSELS_LONGITUDE, radiusKm);
            LongSupplier indexed = () -> readOnly.execute(status -> {
                try (Stream<Recipient> recipients = resolver.volunteers(circle, DisclosureLevel.TARGETED)) {
                    return recipients.count();
                }
            });
            LongSupplier fullScan = () -> readOnly.execute(status -> {
                LongAdder rows = new LongAdder();
                naive.query(NAIVE, (RowCallbackHandler) rs -> {
                    if (rs.getString("address") != null) {
                        rows.increment();
                    }
                }, circle.latitude(), circle.longitude(), circle.radiusKm());
                return rows.sum();
            });
            Result resolved = measure(indexed, WARM_UP, RUNS);
            Result scanned = measure(fullScan, NAIVE_WARM_UP, NAIVE_RUNS);
            if (resolved.rows != scanned.rows) {
                throw new IllegalStateException("The resolver found " + resolved.rows + " recipients, the full scan "
                        + scanned.rows + ": they must agree");
            }
            System.out.printf(Locale.ROOT,
                    "%2.0f km circle: %,d recipients (same in both) | resolver p50 %.1f ms, p95 %.1f ms | naive full scan p50 %.1f ms, p95 %.1f ms | %.1fx faster at p50, %.1fx at p95%n",
                    radiusKm, resolved.rows, resolved.p50, resolved.p95, scanned.p50, scanned.p95,
                    scanned.p50 / resolved.p50, scanned.p95 / resolved.p95);
        }
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
}
