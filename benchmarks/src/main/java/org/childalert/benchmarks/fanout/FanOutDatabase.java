package org.childalert.benchmarks.fanout;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The benchmark's reads and writes in notification-service's database, in plain SQL on the tables Flyway created
 * (the service's own schema, never changed here): the seed of volunteers and police contacts, the addresses that
 * must be reached, and the states of the alert's deliveries.
 */
final class FanOutDatabase implements AutoCloseable {

    /** Seeded rows carry this in {@code registered_by}, so that a rerun on a kept database can tell them apart. */
    static final String SEEDED_BY = "fanout-bench";

    private final Connection connection;

    FanOutDatabase(FanOutSettings settings) throws SQLException {
        connection = DriverManager.getConnection(settings.jdbcUrl(), settings.jdbcUser(), "");
        connection.setAutoCommit(true);
    }

    /**
     * Seeds volunteers whose homes lie within {@code homesWithinKm} of the centre, spread evenly over the disc (a
     * fixed low-discrepancy sequence: the same homes every run), each with a radius of {@code radiusKm}, so that
     * they are reached whether targeting asks "do the areas overlap" or "is the home in the alert's circle and the
     * centre in the volunteer's": homes within the alert's radius, radii at least as long as that. Each has one
     * verified channel: EMAIL for {@code emailPercent} in a hundred (by number, n mod 100), SMS for the others.
     * Inserted into the base tables in one statement, so that triggers and indexes see ordinary inserts.
     */
    void seedVolunteers(int count, int emailPercent, double latitude, double longitude, double homesWithinKm,
            double radiusKm) throws SQLException {
        execute(sql("""
                with numbered as (
                    select n,
                           %2$f * sqrt(n * 0.7548776662466927 - floor(n * 0.7548776662466927)) as distance_km,
                           2 * pi() * (n * 0.5698402909980532 - floor(n * 0.5698402909980532)) as bearing
                    from generate_series(1, %1$d) n
                ), seeded as (
                    insert into volunteer (id, name, phone, email, language, home_latitude, home_longitude, radius_km,
                                           unsubscribe_token, registered_by)
                    select gen_random_uuid(), 'Fan-out volunteer ' || n, '+3247' || lpad(n::text, 7, '0'),
                           'volunteer-' || n || '@fanout.childalert.test', (array['nl', 'fr', 'de', 'en'])[n %% 4 + 1],
                           %3$f + distance_km * cos(bearing) / 111.32,
                           %4$f + distance_km * sin(bearing) / (111.32 * cos(radians(%3$f))),
                           %5$f, 'fanout-volunteer-' || n, '%7$s'
                    from numbered
                    returning id, unsubscribe_token
                )
                insert into volunteer_channel (volunteer_id, channel, verified_at)
                select id, case when substr(unsubscribe_token, 18)::int %% 100 < %6$d then 'EMAIL' else 'SMS' end, now()
                from seeded
                """, count, homesWithinKm, latitude, longitude, radiusKm, emailPercent, SEEDED_BY));
    }

    /** Police contacts on duty whose zone is centred on the alert, each with a verified SMS and email channel. */
    void seedPoliceContacts(int count, double latitude, double longitude) throws SQLException {
        execute(sql("""
                with seeded as (
                    insert into police_contact (id, name, unit, phone, email, language, zone_latitude, zone_longitude,
                                                zone_radius_km, unsubscribe_token, registered_by)
                    select gen_random_uuid(), 'Fan-out officer ' || n, 'Fan-out zone', '+3248' || lpad(n::text, 7, '0'),
                           'police-' || n || '@fanout.childalert.test', 'nl', %2$f, %3$f, 20,
                           'fanout-police-' || n, '%4$s'
                    from generate_series(1, %1$d) n
                    returning id
                )
                insert into police_contact_channel (police_contact_id, channel, verified_at)
                select id, channel, now() from seeded cross join (values ('SMS'), ('EMAIL')) c (channel)
                """, count, latitude, longitude, SEEDED_BY));
        execute("analyze volunteer; analyze volunteer_channel; analyze police_contact; analyze police_contact_channel");
    }

    /** The addresses the seed made reachable on one channel: each must receive the alert exactly once. */
    Set<String> expectedAddresses(String channel) throws SQLException {
        String column = channel.equals("SMS") ? "phone" : "email";
        Set<String> addresses = new HashSet<>();
        try (PreparedStatement query = connection.prepareStatement(sql("""
                select v.%1$s from volunteer v join volunteer_channel c on c.volunteer_id = v.id
                where c.channel = ? and c.verified_at is not null and v.registered_by = '%2$s'
                union all
                select p.%1$s from police_contact p join police_contact_channel c on c.police_contact_id = p.id
                where c.channel = ? and c.verified_at is not null and p.registered_by = '%2$s'
                """, column, SEEDED_BY))) {
            query.setString(1, channel);
            query.setString(2, channel);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    addresses.add(rows.getString(1));
                }
            }
        }
        return addresses;
    }

    /** The PostgreSQL backends connected to this database (the service's pool), this connection excepted. */
    Set<Long> backends() throws SQLException {
        Set<Long> pids = new HashSet<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()
                     """)) {
            while (rows.next()) {
                pids.add(rows.getLong(1));
            }
        }
        return pids;
    }

    /** The phone numbers of the seeded volunteers with an SMS channel whose home is within {@code km} of the point. */
    Set<String> volunteerPhonesWithin(double latitude, double longitude, double km) throws SQLException {
        Set<String> phones = new HashSet<>();
        try (PreparedStatement query = connection.prepareStatement(sql("""
                select v.phone from volunteer v join volunteer_channel c on c.volunteer_id = v.id
                where c.channel = 'SMS' and c.verified_at is not null and v.registered_by = '%s'
                  and earth_distance(ll_to_earth(?, ?), ll_to_earth(v.home_latitude, v.home_longitude)) <= ? * 1000
                """, SEEDED_BY))) {
            query.setDouble(1, latitude);
            query.setDouble(2, longitude);
            query.setDouble(3, km);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    phones.add(rows.getString(1));
                }
            }
        }
        return phones;
    }

    /** How many of these addresses' deliveries of the alert a provider took (or gave up on): none left to send. */
    long settled(UUID alertId, Set<String> addresses) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                select count(*) from delivery
                where alert_id = ? and address = any(?) and state not in ('PENDING', 'SENDING')
                """)) {
            query.setObject(1, alertId);
            query.setArray(2, connection.createArrayOf("text", addresses.toArray()));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /**
     * Rows inserted, updated and deleted so far in the tables the service writes while it fans out (deliveries, their
     * outbox, the throttle's slots, the jobs, the notice, the handled events, the zones reached); the seed's tables are
     * left out, whether or not their counts have reached the statistics yet.
     */
    long rowWrites() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("""
                     select coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) from pg_stat_user_tables
                     where relname in ('delivery', 'outbox_event', 'sms_send_slot', 'fanout_job', 'alert_notice',
                                       'processed_event', 'police_zone_alert')
                     """)) {
            row.next();
            return row.getLong(1);
        }
    }

    /** How many of the alert's deliveries are in each state now. */
    DeliveryStates states(UUID alertId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                select count(*) filter (where state = 'PENDING'),
                       count(*) filter (where state = 'SENDING'),
                       count(*) filter (where state not in ('PENDING', 'SENDING', 'FAILED')),
                       count(*) filter (where state = 'FAILED'),
                       count(*)
                from delivery where alert_id = ?
                """)) {
            query.setObject(1, alertId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return new DeliveryStates(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4),
                        row.getLong(5));
            }
        }
    }

    /** Outbox rows the service recorded and has not published yet (its events about the deliveries). */
    long unpublishedEvents() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select count(*) from outbox_event where published_at is null")) {
            row.next();
            return row.getLong(1);
        }
    }

    /**
     * The alert's deliveries by state; "handed over" are those a provider accepted: ACCEPTED, or any later state
     * the provider reported (DELIVERED today; whatever status callbacks add), that is every state but the two that
     * wait (PENDING, SENDING) and FAILED.
     */
    record DeliveryStates(long pending, long sending, long handedOver, long failed, long total) {

        boolean allFinal(long expected) {
            return total >= expected && pending == 0 && sending == 0;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,d queued: %,d handed over, %,d sending, %,d pending, %,d failed",
                    total, handedOver, sending, pending, failed);
        }
    }

    /** Values written into SQL the same way whatever the machine's locale (a decimal point, never a comma). */
    private static String sql(String template, Object... values) {
        return String.format(Locale.ROOT, template, values);
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
