package org.childalert.benchmarks.fanout;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What the fan-out benchmark and the crash test run against, as bin/bench-fanout and bin/crash-test pass it in
 * system properties ({@code fanout.*}).
 *
 * @param jdbcUrl          the benchmark's own database (fresh, with cube and earthdistance), never the stack's
 * @param amqpVirtualHost  the benchmark's own vhost (fresh), never the stack's
 * @param serviceJar       notification-service's executable jar, as built from this checkout
 * @param serviceJavaOptions JVM options of the service (bin/stack's {@code -Xmx384m})
 * @param managementPort   the service's management port (health), 127.0.0.1: never the stack's 9083
 * @param classes          benchmarks/target/classes: the recorders the fakes load
 * @param workDirectory    logs of every process started, the fakes' hand-over files
 * @param volunteers       volunteers seeded around the alert's centre, all of whom must be told
 * @param emailPercent     of the volunteers, the share reached by email only (the others by SMS only)
 * @param policeContacts   police contacts on duty in the zone, each with a verified SMS and email channel
 * @param timeout          longest wait for every delivery to be final, from approval
 * @param killAtFraction   crash test: kill the service once this share of the messages was handed over
 * @param sendingLease     crash test: how long a claimed delivery waits before another dispatcher may take it
 *                         back (the service's {@code childalert.delivery.sending-lease}); null leaves the default
 * @param clockTicksPerSecond {@code getconf CLK_TCK}: the unit of CPU times in /proc/[pid]/stat
 * @param alertRadiusKm    the alert's radius instead of the golden sample's when positive; homes are seeded within
 *                         0.8 of it
 */
record FanOutSettings(String jdbcUrl, String jdbcUser, String amqpHost, int amqpPort, String amqpVirtualHost,
        Path serviceJar, String serviceJavaOptions, int servicePort, int managementPort, Path wiremockJar, Path twilioStubs,
        Path greenmailJar, Path classes, int twilioPort, int smtpPort, Path goldenAlertIssued, Path workDirectory,
        int volunteers, int emailPercent, int policeContacts, Duration timeout, double killAtFraction,
        Duration sendingLease, int clockTicksPerSecond, double alertRadiusKm) {

    FanOutSettings {
        if (volunteers < 1 || emailPercent < 0 || emailPercent > 100 || policeContacts < 0) {
            throw new IllegalArgumentException("volunteers >= 1, email percent 0-100, police contacts >= 0");
        }
        if (killAtFraction <= 0 || killAtFraction >= 1) {
            throw new IllegalArgumentException("the kill must come strictly between the first and the last message");
        }
    }

    static FanOutSettings fromSystemProperties(int defaultVolunteers) {
        String lease = System.getProperty("fanout.sending-lease", "");
        return new FanOutSettings(
                System.getProperty("fanout.jdbc-url", "jdbc:postgresql://127.0.0.1:5432/notifications_fanout"),
                System.getProperty("fanout.jdbc-user", "childalert"),
                System.getProperty("fanout.amqp-host", "127.0.0.1"),
                Integer.getInteger("fanout.amqp-port", 5672),
                System.getProperty("fanout.vhost", "childalert-fanout"),
                Path.of(required("fanout.service-jar")),
                System.getProperty("fanout.service-java-options", "-Xmx384m"),
                Integer.getInteger("fanout.service-port", 28083),
                Integer.getInteger("fanout.management-port", 29083),
                Path.of(required("fanout.wiremock-jar")),
                Path.of(required("fanout.twilio-stubs")),
                Path.of(required("fanout.greenmail-jar")),
                Path.of(required("fanout.classes")),
                Integer.getInteger("fanout.twilio-port", 28089),
                Integer.getInteger("fanout.smtp-port", 23025),
                Path.of(required("fanout.golden-alert-issued")),
                Path.of(System.getProperty("fanout.work", "target/fanout")),
                Integer.getInteger("fanout.volunteers", defaultVolunteers),
                Integer.getInteger("fanout.email-percent", 10),
                Integer.getInteger("fanout.police-contacts", 2),
                Duration.ofSeconds(Long.getLong("fanout.timeout-seconds", 1800)),
                Double.parseDouble(System.getProperty("fanout.kill-at", "0.4")),
                lease.isBlank() ? null : Duration.ofSeconds(Long.parseLong(lease)),
                Integer.getInteger("fanout.clock-ticks", 100),
                Double.parseDouble(System.getProperty("fanout.alert-radius-km", "0")));
    }

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("system property " + name + " is missing (run bin/bench-fanout)");
        }
        return value;
    }
}
