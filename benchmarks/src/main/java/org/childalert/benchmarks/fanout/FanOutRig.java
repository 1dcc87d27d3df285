package org.childalert.benchmarks.fanout;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import org.childalert.benchmarks.ceilings.FakeProcess;

/**
 * Everything one fan-out needs, started by the benchmark on ports, a database and a vhost of its own, and stopped
 * at the end: the Twilio fake (bin/stack's WireMock and stubs, no request journal, plus {@link
 * TwilioHandOverRecorder}), the SMTP fake ({@link RecordingSmtpFake}), notification-service as built, the seed of
 * recipients, and the broker connection that publishes the AlertIssued.
 */
final class FanOutRig implements AutoCloseable {

    /** Homes lie within this share of the alert's radius, and each volunteer's own radius reaches past the centre. */
    static final double HOMES_WITHIN_SHARE_OF_RADIUS = 0.8;
    static final double VOLUNTEER_RADIUS_SHARE_OF_ALERT_RADIUS = 1.5;

    /*
     * By name: these classes run in the fakes' JVMs, against the fakes' own jars, which this JVM does not have
     * (loading them here would fail).
     */
    private static final String TWILIO_RECORDER = "org.childalert.benchmarks.fanout.TwilioHandOverRecorder";
    private static final String SMTP_FAKE_MAIN = "org.childalert.benchmarks.fanout.RecordingSmtpFake";

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(15);
    /** No delivery pending or sending and none added for this long: the service has queued all it will. */
    private static final Duration QUIET_WHEN_SHORT = Duration.ofSeconds(60);

    private final FanOutSettings settings;
    private final String prefix;
    private final UUID alertId = UUID.randomUUID();
    private final String goldenAlertIssued;
    private FakeProcess twilio;
    private FakeProcess smtp;
    private NotificationServiceProcess service;
    private FanOutDatabase database;
    private AlertBroker broker;
    private Set<String> expectedSms = Set.of();
    private Set<String> expectedEmail = Set.of();

    private FanOutRig(FanOutSettings settings, String prefix) throws IOException {
        this.settings = settings;
        this.prefix = prefix;
        String golden = AlertBroker.readGoldenSample(settings.goldenAlertIssued());
        // a wider circle than the sample's (bin/bench-nearest-first: homes over 25 km)
        this.goldenAlertIssued = settings.alertRadiusKm() > 0
                ? golden.replaceFirst("\"radiusKm\"\\s*:\\s*[0-9.]+", "\"radiusKm\": " + settings.alertRadiusKm())
                : golden;
    }

    FanOutSettings settings() {
        return settings;
    }

    /** The alert's area: where the recipients live. */
    AlertBroker.Area area() {
        return AlertBroker.areaOf(goldenAlertIssued);
    }

    /** Starts the fakes and the service, and seeds the recipients; closes what it started if a step fails. */
    static FanOutRig start(FanOutSettings settings, String prefix) throws Exception {
        // interrupted (SIGTERM from the script's trap): stop the fakes and the service too, not leave them running
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroy), "stop-started-processes"));
        FanOutRig rig = new FanOutRig(settings, prefix);
        try {
            rig.startAll();
            return rig;
        } catch (Exception | Error e) {
            rig.close();
            throw e;
        }
    }

    private void startAll() throws Exception {
        Path work = settings.workDirectory();
        Files.createDirectories(work);
        Files.deleteIfExists(twilioHandOvers());
        Files.deleteIfExists(smtpHandOvers());

        say("starting the Twilio fake on 127.0.0.1:%d (WireMock, bin/stack's stubs, no request journal)",
                settings.twilioPort());
        twilio = FakeProcess.start("Twilio fake", List.of(
                "-Xmx512m", "-D" + TwilioHandOverRecorder.LOG_PROPERTY + "=" + twilioHandOvers(),
                "-cp", settings.wiremockJar() + ":" + settings.classes(), "wiremock.Run",
                "--port", String.valueOf(settings.twilioPort()), "--bind-address", "127.0.0.1",
                "--root-dir", settings.twilioStubs().toString(),
                "--global-response-templating", "--disable-banner", "--async-response-enabled", "true",
                "--no-request-journal", "--extensions", TWILIO_RECORDER),
                List.of(settings.twilioPort()),
                URI.create("http://127.0.0.1:" + settings.twilioPort() + "/__admin/health"),
                work.resolve("twilio-fake.log"));

        say("starting the SMTP fake on 127.0.0.1:%d (GreenMail)", settings.smtpPort());
        smtp = FakeProcess.start("SMTP fake", List.of(
                "-Xmx512m", "-cp", settings.greenmailJar() + ":" + settings.classes(),
                SMTP_FAKE_MAIN, String.valueOf(settings.smtpPort()), smtpHandOvers().toString()),
                List.of(settings.smtpPort()), () -> FakeProcess.accepts(settings.smtpPort()),
                work.resolve("smtp-fake.log"));

        startService("notification-service");

        database = new FanOutDatabase(settings);
        AlertBroker.Area area = AlertBroker.areaOf(goldenAlertIssued);
        say("seeding %,d volunteers (%d%% by email only, the others by SMS only) within %.1f km of %.4f,%.4f, radius"
                        + " %.1f km each, and %d police contacts (SMS and email)", settings.volunteers(),
                settings.emailPercent(), area.radiusKm() * HOMES_WITHIN_SHARE_OF_RADIUS, area.latitude(),
                area.longitude(), area.radiusKm() * VOLUNTEER_RADIUS_SHARE_OF_ALERT_RADIUS, settings.policeContacts());
        database.seedVolunteers(settings.volunteers(), settings.emailPercent(), area.latitude(), area.longitude(),
                area.radiusKm() * HOMES_WITHIN_SHARE_OF_RADIUS, area.radiusKm() * VOLUNTEER_RADIUS_SHARE_OF_ALERT_RADIUS);
        database.seedPoliceContacts(settings.policeContacts(), area.latitude(), area.longitude());
        expectedSms = database.expectedAddresses("SMS");
        expectedEmail = database.expectedAddresses("EMAIL");
        broker = new AlertBroker(settings);
    }

    /** Starts (or, after a crash, starts again) notification-service; {@code name} names its logs. */
    void startService(String name) throws IOException, InterruptedException {
        say("starting %s on 127.0.0.1:%d (%s, database %s, vhost %s)", name, settings.servicePort(),
                settings.serviceJavaOptions(), settings.jdbcUrl(), settings.amqpVirtualHost());
        long started = System.nanoTime();
        service = NotificationServiceProcess.start(settings, name);
        say("%s healthy after %.1f s (pid %d)", name, (System.nanoTime() - started) / 1e9, service.pid());
    }

    NotificationServiceProcess service() {
        return service;
    }

    FanOutDatabase database() {
        return database;
    }

    AlertBroker broker() {
        return broker;
    }

    UUID alertId() {
        return alertId;
    }

    Set<String> expectedSms() {
        return expectedSms;
    }

    Set<String> expectedEmail() {
        return expectedEmail;
    }

    Set<String> expectedAddresses() {
        Set<String> all = new HashSet<>(expectedSms);
        all.addAll(expectedEmail);
        return all;
    }

    long expectedMessages() {
        return expectedSms.size() + expectedEmail.size();
    }

    /** Publishes the AlertIssued; its instant is "approval". */
    Instant approve() throws IOException, InterruptedException, TimeoutException {
        return broker.publishAlertIssued(goldenAlertIssued, alertId);
    }

    /**
     * Polls the alert's deliveries until {@code done} holds, printing progress, or until the timeout (counted from
     * approval) passes; returns the last states seen. Stops early if the service died.
     */
    FanOutDatabase.DeliveryStates await(Instant approval, Predicate<FanOutDatabase.DeliveryStates> done)
            throws SQLException, InterruptedException {
        long deadline = approval.toEpochMilli() + settings.timeout().toMillis();
        long nextProgress = System.currentTimeMillis() + PROGRESS_EVERY.toMillis();
        FanOutDatabase.DeliveryStates states = database.states(alertId);
        long lastTotal = -1;
        long quietSince = System.currentTimeMillis();
        while (!done.test(states)) {
            long now = System.currentTimeMillis();
            if (now >= deadline) {
                say("TIMEOUT: not done %s after approval: %s", settings.timeout(), states);
                return states;
            }
            if (!service.isAlive()) {
                throw new IllegalStateException("notification-service died; read " + service.log());
            }
            if (states.total() != lastTotal || states.pending() + states.sending() > 0) {
                lastTotal = states.total();
                quietSince = now;
            } else if (states.total() > 0 && now - quietSince > QUIET_WHEN_SHORT.toMillis()) {
                say("nothing pending or sending for %d s, and no new delivery: the service queued %s",
                        QUIET_WHEN_SHORT.toSeconds(), states);
                return states;
            }
            if (now >= nextProgress) {
                say("%6.1f s after approval: %s", (now - approval.toEpochMilli()) / 1000.0, states);
                nextProgress = now + PROGRESS_EVERY.toMillis();
            }
            TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
            states = database.states(alertId);
        }
        return states;
    }

    /** Every expected delivery queued, and none pending or sending. */
    FanOutDatabase.DeliveryStates awaitAllFinal(Instant approval) throws SQLException, InterruptedException {
        return await(approval, states -> states.allFinal(expectedMessages()));
    }

    void stopService() throws InterruptedException {
        if (service != null) {
            service.stop();
        }
    }

    /** Stops the fakes, which writes out the last of their hand-over files. */
    void stopFakes() throws InterruptedException {
        if (twilio != null) {
            twilio.close();
        }
        if (smtp != null) {
            smtp.close();
        }
    }

    /** The SMS the Twilio fake took; read after {@link #stopFakes()}. */
    HandOvers smsHandedOver() throws IOException {
        return HandOvers.read(twilioHandOvers());
    }

    /** The emails the SMTP fake took (one line per recipient); read after {@link #stopFakes()}. */
    HandOvers emailHandedOver() throws IOException {
        return HandOvers.read(smtpHandOvers());
    }

    private Path twilioHandOvers() {
        return settings.workDirectory().resolve("twilio-hand-overs.txt");
    }

    private Path smtpHandOvers() {
        return settings.workDirectory().resolve("smtp-hand-overs.txt");
    }

    void say(String format, Object... arguments) {
        System.out.println("[" + prefix + "] " + String.format(Locale.ROOT, format, arguments));
    }

    @Override
    public void close() throws Exception {
        try {
            if (broker != null) {
                broker.close();
            }
            if (database != null) {
                database.close();
            }
        } finally {
            stopService();
            stopFakes();
        }
    }
}
