package org.childalert.benchmarks.ceilings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The ceilings of the parts of a fan-out, each measured alone on this machine: RabbitMQ (PerfTest), the Twilio
 * fake (raw HTTP, then through the Twilio SDK) and the SMTP fake (Jakarta Mail), each fake started here on ports
 * of its own and stopped at the end. A fan-out benchmark calls {@link #measure(Settings)} in the same run and
 * divides its own throughput by {@link Ceilings#smallerProviderCeiling()}.
 */
public final class CeilingsBenchmark {

    /**
     * What to run and how long; {@link #fromSystemProperties()} reads them as bin/bench-ceilings passes them.
     *
     * @param perfTestClasspath the classpath of com.rabbitmq:perf-test (benchmarks/perf-test/pom.xml)
     * @param amqpUri           a vhost of the benchmark's own
     * @param concurrencies     the numbers of concurrent senders tried on each fake
     * @param fakeWarmUp        load on a freshly started fake, at the highest concurrency, not measured (its JIT)
     * @param warmUp            load before each measurement, not measured
     */
    public record Settings(Path wiremockJar, Path twilioStubs, Path greenmailJar, String perfTestClasspath,
            String amqpUri, Path logDirectory, List<Integer> concurrencies, Duration fakeWarmUp, Duration warmUp,
            Duration measured, int perfTestSeconds, int twilioFakePort, int smtpPort, int imapPort, int smtpApiPort) {

        public Settings {
            concurrencies = List.copyOf(concurrencies);
        }

        public static Settings fromSystemProperties() throws IOException {
            return new Settings(
                    Path.of(required("ceilings.wiremock-jar")),
                    Path.of(required("ceilings.twilio-stubs")),
                    Path.of(required("ceilings.greenmail-jar")),
                    Files.readString(Path.of(required("ceilings.perf-test-classpath-file"))).trim(),
                    System.getProperty("ceilings.amqp-uri", "amqp://guest:guest@127.0.0.1:5672/childalert-bench"),
                    Path.of(System.getProperty("ceilings.logs", "target/ceilings-logs")),
                    Arrays.stream(System.getProperty("ceilings.concurrency", "8,32,64").split(","))
                            .map(String::trim).map(Integer::valueOf).toList(),
                    Duration.ofSeconds(Long.getLong("ceilings.fake-warm-up-seconds", 10)),
                    Duration.ofSeconds(Long.getLong("ceilings.warm-up-seconds", 3)),
                    Duration.ofSeconds(Long.getLong("ceilings.seconds", 10)),
                    Integer.getInteger("ceilings.perf-test-seconds", 15),
                    Integer.getInteger("ceilings.twilio-fake-port", 18089),
                    Integer.getInteger("ceilings.smtp-port", 13025),
                    Integer.getInteger("ceilings.imap-port", 13143),
                    Integer.getInteger("ceilings.smtp-api-port", 18025));
        }

        private static String required(String name) {
            String value = System.getProperty(name);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("system property " + name + " is missing (run bin/bench-ceilings)");
            }
            return value;
        }
    }

    private CeilingsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Ceilings ceilings = measure(Settings.fromSystemProperties());
        System.out.println();
        System.out.print(ceilings.table());
    }

    public static Ceilings measure(Settings settings) throws Exception {
        List<Ceiling> measured = new ArrayList<>();
        RabbitPerfTest perfTest = new RabbitPerfTest(settings.perfTestClasspath(), settings.amqpUri(),
                settings.perfTestSeconds(), settings.logDirectory());
        for (Part queue : List.of(Part.RABBITMQ_CLASSIC_QUEUE, Part.RABBITMQ_QUORUM_QUEUE)) {
            progress("%s: PerfTest for %d s", queue.label(), settings.perfTestSeconds());
            measured.add(perfTest.measure(queue));
        }

        ClosedLoopLoad load = new ClosedLoopLoad(settings.warmUp(), settings.measured());
        try (TwilioFake twilio = TwilioFake.start(settings.wiremockJar(), settings.twilioStubs(),
                settings.twilioFakePort(), settings.logDirectory().resolve("twilio-fake.log"))) {
            RawTwilioSenders raw = new RawTwilioSenders(twilio.baseUrl());
            SdkTwilioSenders sdk = new SdkTwilioSenders(twilio.baseUrl());
            warmUp(settings, load, Part.TWILIO_FAKE, raw);
            warmUp(settings, load, Part.TWILIO_FAKE_THROUGH_SDK, sdk);
            for (int concurrency : settings.concurrencies()) {
                twilio.forgetRequests();
                measured.add(measure(load, Part.TWILIO_FAKE, concurrency, raw, "JDK HttpClient, keep-alive"));
                twilio.forgetRequests();
                measured.add(measure(load, Part.TWILIO_FAKE_THROUGH_SDK, concurrency, sdk,
                        "twilio 13.0.1, its pool: 20 connections per host"));
            }
        }

        try (SmtpFake smtp = SmtpFake.start(settings.greenmailJar(), settings.smtpPort(), settings.imapPort(),
                settings.smtpApiPort(), settings.logDirectory().resolve("smtp-fake.log"))) {
            SmtpSenders senders = new SmtpSenders(smtp.smtpPort());
            warmUp(settings, load, Part.SMTP_FAKE, senders);
            for (int concurrency : settings.concurrencies()) {
                smtp.purge();
                measured.add(measure(load, Part.SMTP_FAKE, concurrency, senders,
                        "one connection per sender, multipart text+HTML ~6 KB"));
            }
        }
        return new Ceilings(measured);
    }

    /** A fresh JVM is slow until its JIT has compiled the hot paths: load it a while before measuring anything. */
    private static void warmUp(Settings settings, ClosedLoopLoad load, Part part, ClosedLoopLoad.SenderFactory senders)
            throws Exception {
        int concurrency = settings.concurrencies().stream().max(Integer::compare).orElseThrow();
        progress("%s: warming up for %d s", part.label(), settings.fakeWarmUp().toSeconds());
        load.warmUp(concurrency, senders, settings.fakeWarmUp());
    }

    private static Ceiling measure(ClosedLoopLoad load, Part part, int concurrency,
            ClosedLoopLoad.SenderFactory senders, String note) throws Exception {
        progress("%s: %d concurrent senders", part.label(), concurrency);
        ClosedLoopLoad.Result result = load.run(concurrency, senders);
        if (result.firstFailure() != null) {
            note = note + "; first failure: " + result.firstFailure();
        }
        return new Ceiling(part, concurrency, result.perSecond(), result.latencies().percentileMillis(50),
                result.latencies().percentileMillis(99), result.failed(), note);
    }

    private static void progress(String format, Object... arguments) {
        System.out.println("[ceilings] " + String.format(Locale.ROOT, format, arguments));
    }
}
