package org.childalert.notifications.targeting;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import ch.qos.logback.classic.Level;
import org.childalert.notifications.geo.PostalCodeGeocoder;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills the benchmark database ({@code notifications_bench}, never the service's own) with volunteers spread
 * over Belgium's postal codes: each volunteer lives within a couple of kilometres of a place of the postal
 * code list, chooses a radius as people do (most 5 to 15 km, a few up to 50), one or both channels, and a
 * language. A few are unverified, opted out, paused or have quiet hours, as in real life. Same seed, same data.
 *
 * <p>The volunteers and their channels go in by COPY; the migration's triggers fill {@code volunteer_reach}
 * from the channels' COPY in one statement, as they would for any writer. Then the copy is ordered by its
 * index ({@code CLUSTER}, which also rebuilds its indexes compactly after the bulk load) and everything is
 * vacuumed and analysed, so that the resolver's reads are index-only and the planner knows the tables.
 * Run it with {@code bin/bench-recipients generate 1000000}.
 */
public final class VolunteerGenerator {

    static final String BENCH_URL = "jdbc:postgresql://127.0.0.1:5432/notifications_bench";

    private VolunteerGenerator() {
    }

    public static void main(String[] args) throws Exception {
        quietLogs();
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        PGSimpleDataSource database = benchDatabase(args.length > 1 ? args[1] : BENCH_URL);
        Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();

        List<PostalCodeGeocoder.Coordinates> places = new ArrayList<>();
        new PostalCodeGeocoder().all().values().forEach(places::addAll);
        List<String> codes = new ArrayList<>();
        new PostalCodeGeocoder().all().forEach((code, list) -> list.forEach(place -> codes.add(code)));

        long started = System.nanoTime();
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("truncate volunteer cascade");
            }
            Random random = new Random(42);
            CopyIn volunteers = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                    copy volunteer (id, name, phone, email, language, home_postal_code, home_latitude, home_longitude,
                                    radius_km, unsubscribe_token, registered_by, quiet_from, quiet_until, paused_until)
                    from stdin (format csv)""");
            ByteArrayOutputStream channels = new ByteArrayOutputStream(count * 80);
            ByteArrayOutputStream rows = new ByteArrayOutputStream(1 << 20);
            String now = Instant.now().toString();
            for (int i = 0; i < count; i++) {
                int place = random.nextInt(places.size());
                PostalCodeGeocoder.Coordinates centre = places.get(place);
                double latitude = centre.latitude() + random.nextGaussian() * 0.012; // about 1.3 km
                double longitude = centre.longitude() + random.nextGaussian() * 0.018;
                UUID id = new UUID(random.nextLong(), random.nextLong());
                boolean quiet = random.nextInt(10) == 0;
                boolean paused = random.nextInt(100) == 0;
                rows.writeBytes(String.format(Locale.ROOT, "%s,Volunteer %d,+3247%07d,bench-%d@example.org,%s,%s,%.6f,%.6f,%.1f,bench-%d,generator,%s,%s,%s%n",
                        id, i, i, i, language(random), codes.get(place), latitude, longitude, radius(random), i,
                        quiet ? "23:00" : "", quiet ? "07:00" : "", paused ? "2999-01-01T00:00:00Z" : "")
                        .getBytes(StandardCharsets.UTF_8));
                int channelChoice = random.nextInt(20);
                if (channelChoice != 0) {
                    channels.writeBytes(channel(id, "SMS", random, now));
                }
                if (channelChoice != 1) {
                    channels.writeBytes(channel(id, "EMAIL", random, now));
                }
                if (rows.size() > (1 << 20) - 512) {
                    volunteers.writeToCopy(rows.toByteArray(), 0, rows.size());
                    rows.reset();
                }
            }
            volunteers.writeToCopy(rows.toByteArray(), 0, rows.size());
            volunteers.endCopy();
            CopyIn channelCopy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "copy volunteer_channel (volunteer_id, channel, verified_at, opted_out_at) from stdin (format csv)");
            byte[] all = channels.toByteArray();
            channelCopy.writeToCopy(all, 0, all.length);
            channelCopy.endCopy();
            connection.commit();
            try (Statement statement = connection.createStatement()) {
                connection.setAutoCommit(true);
                statement.execute("cluster volunteer_reach using volunteer_reach_nearby");
                statement.execute("vacuum analyze volunteer");
                statement.execute("vacuum analyze volunteer_channel");
                statement.execute("vacuum analyze volunteer_reach");
            }
        }
        System.out.printf(Locale.ROOT, "Generated %,d volunteers over %,d places of %,d postal codes in %.1f s%n",
                count, places.size(), new PostalCodeGeocoder().all().size(), (System.nanoTime() - started) / 1e9);
    }

    /** Warnings only: without a configuration, Logback would print every debug line of Flyway and the driver. */
    static void quietLogs() {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
    }

    static PGSimpleDataSource benchDatabase(String url) {
        PGSimpleDataSource database = new PGSimpleDataSource();
        database.setUrl(url);
        database.setUser("childalert");
        database.setPassword("childalert");
        return database;
    }

    /** 95% verified, 2% of those opted out later. */
    private static byte[] channel(UUID id, String channel, Random random, String now) {
        boolean verified = random.nextInt(100) < 95;
        boolean optedOut = verified && random.nextInt(100) < 2;
        return (id + "," + channel + "," + (verified ? now : "") + "," + (optedOut ? now : "") + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Most people choose 5 to 15 km; some less, a few up to the maximum of 50. */
    private static double radius(Random random) {
        int bucket = random.nextInt(100);
        if (bucket < 10) {
            return 1 + random.nextInt(4);
        }
        if (bucket < 85) {
            return 5 + random.nextInt(11);
        }
        if (bucket < 97) {
            return 16 + random.nextInt(15);
        }
        return 31 + random.nextInt(20);
    }

    private static String language(Random random) {
        int bucket = random.nextInt(100);
        return bucket < 56 ? "nl" : bucket < 94 ? "fr" : bucket < 95 ? "de" : "en";
    }
}
