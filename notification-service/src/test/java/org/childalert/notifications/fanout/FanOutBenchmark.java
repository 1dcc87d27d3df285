package org.childalert.notifications.fanout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.zaxxer.hikari.HikariDataSource;
import org.childalert.events.Actor;
import org.childalert.events.AlertIssued;
import org.childalert.events.DisclosureLevel;
import org.childalert.events.GeoCircle;
import org.childalert.notifications.dispatch.DeliveryQueue;
import org.childalert.notifications.dispatch.StoredAlertNotices;
import org.childalert.notifications.geo.PostalCodeGeocoder;
import org.childalert.notifications.targeting.RecipientResolver;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Measures the fan-out of a TARGETED alert over Brussels on a database filled by
 * {@code targeting.VolunteerGenerator}, through the service's own classes ({@link AlertNotices}' consumer
 * transaction: the notice and the job; then {@link FanOutWorker}): how long the consumer's transaction takes,
 * how long after its commit the first chunk of deliveries is committed (from then the dispatcher sends the
 * first SMS), and how long until every delivery is queued. Each run's deliveries are deleted afterwards. Not a
 * test: run it with
 *
 * <pre>
 * mvn -B -q org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.childalert.notifications.fanout.FanOutBenchmark \
 *     -Dexec.args="jdbc:postgresql://127.0.0.1:5432/notifications_bench_fanout 40 3"
 * </pre>
 * (arguments: the database, the circle's radius in km, the number of runs).
 */
public final class FanOutBenchmark {

    private static final double BRUSSELS_LATITUDE = 50.8466;
    private static final double BRUSSELS_LONGITUDE = 4.3528;

    private FanOutBenchmark() {
    }

    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/notifications_bench_fanout";
        double radiusKm = args.length > 1 ? Double.parseDouble(args[1]) : 40;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        try (HikariDataSource database = new HikariDataSource()) {
            database.setJdbcUrl(url);
            database.setUsername("childalert");
            database.setPassword("childalert");
            database.setMaximumPoolSize(4);
            Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();

            JdbcClient jdbc = JdbcClient.create(database);
            DeliveryQueue queue = new DeliveryQueue(jdbc, new NamedParameterJdbcTemplate(database));
            StoredAlertNotices notices = new StoredAlertNotices(jdbc);
            FanOutJobs jobs = new FanOutJobs(jdbc);
            DataSourceTransactionManager transactions = new DataSourceTransactionManager(database);
            Clock noon = Clock.fixed(Instant.parse("2026-11-28T11:00:00Z"), ZoneOffset.UTC);
            RecipientResolver resolver = new RecipientResolver(database, new PostalCodeGeocoder(), noon);
            AtomicLong firstChunkAt = new AtomicLong();
            FanOutWorker worker = new FanOutWorker(jobs, queue, new PoliceZoneAlerts(jdbc), resolver,
                    () -> firstChunkAt.compareAndSet(0, System.nanoTime()), event -> { },
                    new FanOutProperties(1000, 1000, 1, Duration.ofMinutes(10), Duration.ofHours(1)), transactions);
            TransactionTemplate consumer = new TransactionTemplate(transactions);

            System.out.printf(Locale.ROOT, "%-4s %-10s %12s %16s %16s %14s %12s%n", "run", "circle", "consumer tx",
                    "first chunk", "all queued", "deliveries", "rows/s");
            double[] firstChunks = new double[runs];
            for (int run = 1; run <= runs; run++) {
                UUID alertId = UUID.randomUUID();
                AlertIssued issued = new AlertIssued(UUID.randomUUID(), Instant.now(), alertId, UUID.randomUUID(),
                        DisclosureLevel.TARGETED, new GeoCircle(BRUSSELS_LATITUDE, BRUSSELS_LONGITUDE, radiusKm),
                        Instant.now().plus(Duration.ofHours(6)), new AlertIssued.Notice("Lina", 9, "Red coat",
                        "Brussels-North station", Instant.now()), new Actor("bench", "bench"));
                firstChunkAt.set(0);
                long started = System.nanoTime();
                consumer.executeWithoutResult(status -> {
                    notices.keepNotice(issued);
                    jobs.record(alertId, org.childalert.events.NoticeKind.ISSUED, issued.level(), issued.area(), null);
                });
                long committed = System.nanoTime();
                worker.runPending();
                long finished = System.nanoTime();
                long deliveries = jdbc.sql("select count(*) from delivery where alert_id = :id").param("id", alertId)
                        .query(Long.class).single();
                firstChunks[run - 1] = millis(firstChunkAt.get() - committed);
                System.out.printf(Locale.ROOT, "%-4d %-10s %9.1f ms %13.1f ms %13.1f ms %,14d %,12.0f%n", run,
                        radiusKm + " km", millis(committed - started), firstChunks[run - 1], millis(finished - committed),
                        deliveries, deliveries / ((finished - committed) / 1e9));
                jdbc.sql("delete from delivery where alert_id = :id").param("id", alertId).update();
                jdbc.sql("delete from fanout_job where alert_id = :id").param("id", alertId).update();
                jdbc.sql("delete from alert_notice where alert_id = :id").param("id", alertId).update();
            }
            Arrays.sort(firstChunks);
            System.out.printf(Locale.ROOT, "first chunk committed after the consumer's commit: median %.1f ms, max %.1f ms%n",
                    firstChunks[runs / 2], firstChunks[runs - 1]);
            worker.destroy();
        }
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
