package org.childalert.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The running stack rides through faults without losing or doubling anything (issue 13, item 5).
 *
 * <p>RabbitMQ and PostgreSQL are reached by the services through TCP proxies of this test ({@link TcpProxy}), which it
 * cuts: to a service that is what a broker or database restart looks like, and the machine's RabbitMQ and PostgreSQL,
 * shared with other checkouts, are never restarted. For each {@link Fault}, a flow of alerts goes through the gateway
 * with real Keycloak tokens (volunteers registered, cases opened, escalations requested, approved by a police officer,
 * cancelled as found safe) and the fault is injected at a chosen point of it. Then: every escalation became exactly
 * one alert; every recipient got each notice (ISSUED, FOUND) exactly once by SMS and by email, or, for a kill -9 of
 * notification-service, at most as many extra messages as deliveries were claimed and unrecorded at the kill (the
 * in-flight window of docs/reliability.md); no outbox row unpublished, no delivery PENDING or SENDING, no message
 * dead-lettered; the four services ready again without anyone touching them (a killed one is started again, as an
 * orchestrator would, and must catch up by itself).
 *
 * <p>Run by {@code bin/fault-test} (which stops the stack first, so that this test starts it through the proxies).
 */
class StackFaultTests {

    private static final int RABBITMQ_PROXY_PORT = Integer.getInteger("fault.rabbitmq-proxy-port", 27672);
    private static final int POSTGRES_PROXY_PORT = Integer.getInteger("fault.postgres-proxy-port", 27432);
    private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("fault.outage-seconds", 15));
    private static final int ALERTS_PER_FAULT = Integer.getInteger("fault.alerts-per-fault", 3);
    private static final int VOLUNTEERS_PER_ALERT = 2;
    /** Notices each recipient gets: the alert (ISSUED) and, after the cancellation, the child was found (FOUND). */
    private static final int NOTICES = 2;
    /** Claims of a killed notification-service come back after this (application.yml: 5 minutes). */
    private static final String SENDING_LEASE = "20s";

    private static final TcpProxy RABBITMQ = new TcpProxy("rabbitmq", RABBITMQ_PROXY_PORT, 5672);
    private static final TcpProxy POSTGRES = new TcpProxy("postgres", POSTGRES_PROXY_PORT, 5432);
    private static final LocalStack STACK = new LocalStack(RABBITMQ_PROXY_PORT, POSTGRES_PROXY_PORT, SENDING_LEASE);
    private static final AtomicInteger PLACES = new AtomicInteger();

    @BeforeAll
    static void startTheStackBehindTheProxies() throws Exception {
        RABBITMQ.start();
        POSTGRES.start();
        Instant start = Instant.now();
        STACK.up();
        System.out.printf("[fault] stack up through the proxies in %d s%n", Duration.between(start, Instant.now()).toSeconds());
        assertThat(RABBITMQ.accepted()).as("the services connect to RabbitMQ through the proxy on %d; if 0, they were "
                + "already running on 5672: bin/stack down first (bin/fault-test does)", RABBITMQ_PROXY_PORT).isPositive();
        assertThat(POSTGRES.accepted()).as("the services connect to PostgreSQL through the proxy on %d; if 0, they were "
                + "already running on 5432: bin/stack down first (bin/fault-test does)", POSTGRES_PROXY_PORT).isPositive();
    }

    @AfterAll
    static void closeTheProxies() {
        RABBITMQ.close();
        POSTGRES.close();
    }

    @Test
    void everyAlertReachesEveryoneOnceThroughBrokerAndDatabaseOutagesAndKills() throws Exception {
        List<Outcome> outcomes = new ArrayList<>();
        Instant suiteStart = Instant.now();
        for (Fault fault : Fault.values()) {
            Outcome outcome;
            Instant faultStart = Instant.now();
            try {
                outcome = run(fault);
            } catch (Exception | AssertionError e) { // one fault's flow broke: say so, and go on with the others
                e.printStackTrace();
                outcome = Outcome.broken(fault, String.valueOf(e.getMessage()).lines().findFirst().orElse(""),
                        Duration.between(faultStart, Instant.now()));
            }
            outcomes.add(outcome);
            System.out.println("[fault] " + outcome.row());
        }
        String table = table(outcomes, Duration.between(suiteStart, Instant.now()));
        System.out.println();
        System.out.println(table);
        Path report = Path.of("target", "fault-table.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, table);
        assertThat(outcomes).as(table).allMatch(Outcome::passed);
    }

    /** One flow of alerts, with the fault injected at its point; what came out of it. */
    private Outcome run(Fault fault) throws Exception {
        Instant start = Instant.now();
        Api admin = Api.as("admin");
        Api alice = Api.as("alice");
        Api bob = Api.as("bob");
        List<Flow> flows = new ArrayList<>();
        for (int i = 0; i < ALERTS_PER_FAULT; i++) {
            flows.add(new Flow(place(), new ArrayList<>()));
        }
        for (Flow flow : flows) {
            for (int v = 0; v < VOLUNTEERS_PER_ALERT; v++) {
                flow.recipients.add(volunteer(admin, flow.place, v));
            }
        }
        Injection injection = new Injection();
        // the machine's broker is shared: count only what this round dead-letters
        int deadLetteredBefore = deadLetteredNow();

        for (Flow flow : flows) {
            flow.caseId = openCase(alice, flow.place);
            Api.Response escalated = alice.post("/api/cases/" + flow.caseId + "/escalations", """
                    {"level":"TARGETED","radiusKm":10,
                     "criteria":{"underEighteen":true,"lifeInDanger":true,"likelyInCountry":true,"enoughInformation":true}}
                    """);
            assertThat(escalated.status()).as("%s: escalation %s", fault, escalated).isEqualTo(201);
            flow.alertId = escalated.text("alertId");
        }
        if (fault == Fault.KILL_CASE_SERVICE) {
            injection.kill(fault, () -> alice.get("/api/cases/" + flows.get(0).caseId).status());
        }

        for (Flow flow : flows) {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .untilAsserted(() -> assertThat(alice.get("/api/alerts/" + flow.alertId).text("status"))
                            .as("%s: alert %s", fault, flow.alertId).isEqualTo("PENDING_APPROVAL"));
        }
        for (Flow flow : flows) {
            Api.Response approved = bob.post("/api/alerts/" + flow.alertId + "/approval", "{}");
            assertThat(approved.status()).as("%s: approval %s", fault, approved).isEqualTo(200);
        }
        List<String> alertIds = flows.stream().map(f -> f.alertId).toList();
        switch (fault) {
            case BROKER_CUT -> injection.cut(RABBITMQ, () -> alice.get("/api/alerts/" + alertIds.get(0)).status());
            case KILL_ALERT_SERVICE -> injection.kill(fault, () -> alice.get("/api/alerts/" + alertIds.get(0)).status());
            case DATABASE_CUT, KILL_NOTIFICATION_SERVICE -> {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                        .until(() -> Backlog.unfinishedDeliveries(alertIds) + Backlog.sendingDeliveries(alertIds) > 0
                                || everyoneHas(flows, 1));
                if (fault == Fault.DATABASE_CUT) {
                    injection.cut(POSTGRES, () -> alice.get("/api/alerts/" + alertIds.get(0) + "/deliveries").status());
                } else {
                    injection.kill(fault, () -> alice.get("/api/alerts/" + alertIds.get(0) + "/deliveries").status(),
                            // claimed and not recorded by the dead process: what it may have sent unrecorded
                            () -> injection.inFlight = Backlog.sendingDeliveries(alertIds));
                }
            }
            default -> {
            }
        }

        // the alert reaches everyone (after a kill of notification-service, its claims come back after the lease);
        // a wait that runs out is noted and the flow goes on, so that the table says what was missed and what stuck
        List<String> timedOut = new ArrayList<>();
        waitFor("everyone alerted", Duration.ofSeconds(150), () -> everyoneHas(flows, 1), timedOut);
        if (fault == Fault.KILL_GATEWAY) {
            injection.kill(fault, () -> alice.get("/api/alerts/" + alertIds.get(0)).status());
        }
        for (Flow flow : flows) {
            Api.Response cancelled = alice.post("/api/alerts/" + flow.alertId + "/cancellation", "{\"reason\":\"FOUND_SAFE\"}");
            assertThat(cancelled.status()).as("%s: cancellation %s", fault, cancelled).isEqualTo(200);
        }
        waitFor("everyone told the child was found", Duration.ofSeconds(150), () -> everyoneHas(flows, NOTICES), timedOut);
        // nothing left waiting: every outbox drained, every delivery final
        waitFor("outboxes drained and deliveries final", Duration.ofSeconds(90),
                () -> Backlog.unfinishedDeliveries(alertIds) == 0
                        && Backlog.unpublishedOutbox().values().stream().mapToInt(Integer::intValue).sum() == 0, timedOut);
        // a late copy (a claim given back after the lease) would show as a delivery due again: nothing may be left
        // waiting for 3 s in a row before the fakes are counted
        try {
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                    .until(() -> Backlog.unfinishedDeliveries(alertIds) == 0
                            && Backlog.unpublishedOutbox().values().stream().mapToInt(Integer::intValue).sum() == 0);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            timedOut.add("nothing due again for 3 s in a row (30 s)");
        }
        Outcome outcome = outcome(fault, injection, flows, alertIds, alice, deadLetteredBefore,
                Duration.between(start, Instant.now()));
        return timedOut.isEmpty() ? outcome : outcome.withError("waited in vain for: " + String.join(", ", timedOut));
    }

    private static void waitFor(String what, Duration atMost, java.util.concurrent.Callable<Boolean> condition,
            List<String> timedOut) {
        try {
            await().atMost(atMost).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(condition);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            timedOut.add(what + " (" + atMost.toSeconds() + " s)");
        }
    }

    private static int deadLetteredNow() throws Exception {
        return Backlog.deadLettered().values().stream().mapToInt(Integer::intValue).sum();
    }

    private Outcome outcome(Fault fault, Injection injection, List<Flow> flows, List<String> alertIds, Api alice,
            int deadLetteredBefore, Duration took) throws Exception {
        int alertsPerEscalationWrong = 0;
        for (Flow flow : flows) {
            if (Backlog.alertsOfCase(flow.caseId) != 1
                    || !"CANCELLED".equals(alice.get("/api/alerts/" + flow.alertId).text("status"))) {
                alertsPerEscalationWrong++;
            }
        }
        Map<String, List<String>> sms = Fakes.smsByNumber();
        int expected = 0;
        int received = 0;
        int missed = 0;
        int duplicates = 0;
        for (Flow flow : flows) {
            for (Recipient recipient : flow.recipients) {
                List<String> texts = sms.getOrDefault(recipient.phone, List.of());
                List<String> mails = Fakes.mailSubjects(recipient.email);
                for (List<String> messages : List.of(texts, mails)) {
                    expected += NOTICES;
                    received += messages.size();
                    int distinct = new HashSet<>(messages).size();
                    missed += Math.max(0, NOTICES - distinct);
                    duplicates += messages.size() - distinct;
                }
            }
        }
        int unpublished = Backlog.unpublishedOutbox().values().stream().mapToInt(Integer::intValue).sum();
        int unfinished = Backlog.unfinishedDeliveries(alertIds);
        int failed = Backlog.failedDeliveries(alertIds);
        int deadLettered = deadLetteredNow() - deadLetteredBefore;
        List<String> notReady = LocalStack.notReady();
        return new Outcome(fault, flows.size(), alertsPerEscalationWrong, expected, received, missed, duplicates,
                injection.inFlight, unpublished, unfinished, failed, deadLettered, notReady, injection.apiDuringFault,
                injection.recovery, took);
    }

    /** Every recipient of every flow has at least this many SMS and emails. */
    private static boolean everyoneHas(List<Flow> flows, int notices) throws Exception {
        Map<String, List<String>> sms = Fakes.smsByNumber();
        for (Flow flow : flows) {
            for (Recipient recipient : flow.recipients) {
                if (sms.getOrDefault(recipient.phone, List.of()).size() < notices
                        || Fakes.mailSubjects(recipient.email).size() < notices) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Places 20-25 km apart in Belgium, so that no flow's alert reaches another flow's volunteers. */
    private static double[] place() {
        int n = PLACES.getAndIncrement() % 18;
        double[] latitudes = {50.50, 50.72, 50.94};
        double[] longitudes = {3.65, 4.00, 4.35, 4.70, 5.05, 5.40};
        return new double[] {latitudes[n / 6], longitudes[n % 6]};
    }

    private static Recipient volunteer(Api admin, double[] place, int index) throws Exception {
        String phone = "+32473" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
        String email = "fault-" + System.nanoTime() + "@volunteer.example";
        Api.Response created = admin.post("/api/volunteers", """
                {"name":"Fault Volunteer","phone":"%s","email":"%s","language":"en","channels":["SMS","EMAIL"],
                 "home":{"latitude":%s,"longitude":%s},"radiusKm":5,"consent":true,"verifiedBy":"admin"}
                """.formatted(phone, email, place[0] + (index == 0 ? 0.005 : -0.005), place[1]));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new Recipient(phone, email);
    }

    private static String openCase(Api coordinator, double[] place) throws Exception {
        Api.Response opened = coordinator.post("/api/cases", """
                {"child":{"firstName":"Noor","lastName":"Fault-%d","dateOfBirth":"2014-05-01"},
                 "category":"CRIMINAL_ABDUCTION",
                 "lastSeen":{"at":"%s","latitude":%s,"longitude":%s,"place":"Fault test place"},
                 "description":"Grey hoodie, green backpack"}
                """.formatted(System.nanoTime(), Instant.now().minus(1, ChronoUnit.HOURS), place[0], place[1]));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return opened.text("id");
    }

    private static String table(List<Outcome> outcomes, Duration took) {
        StringBuilder table = new StringBuilder();
        table.append("| fault | injected | API during the fault | ready again | escalations → one alert each "
                + "| notices (SMS + email) received / expected | missed | duplicates (allowed) "
                + "| left: outbox, deliveries pending, dead-lettered | result |\n");
        table.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (Outcome outcome : outcomes) {
            table.append(outcome.row()).append('\n');
        }
        table.append("\n").append(outcomes.size()).append(" faults, ")
                .append(outcomes.stream().filter(Outcome::passed).count()).append(" passed, ")
                .append(outcomes.stream().filter(o -> !o.passed()).count()).append(" failed, in ")
                .append(took.toSeconds()).append(" s\n");
        return table.toString();
    }

    /** Injects a fault, measures what the API answered meanwhile and how long until all four services were ready. */
    private final class Injection {

        private String apiDuringFault = "-";
        private Duration recovery = Duration.ZERO;
        private int inFlight;

        void cut(TcpProxy proxy, ApiCall probe) throws Exception {
            proxy.cut();
            try {
                Thread.sleep(Math.min(3_000, OUTAGE.toMillis()));
                apiDuringFault = answer(probe);
                Thread.sleep(Math.max(0, OUTAGE.toMillis() - 3_000));
            } finally {
                proxy.restore(); // whatever happened, the next faults need the server back
            }
            awaitReady(Instant.now());
        }

        void kill(Fault fault, ApiCall probe) throws Exception {
            kill(fault, probe, () -> { });
        }

        void kill(Fault fault, ApiCall probe, AfterKill afterKill) throws Exception {
            STACK.kill9(fault.killed());
            afterKill.run();
            apiDuringFault = answer(probe);
            Instant restart = Instant.now();
            STACK.restart(fault.killed());
            awaitReady(restart);
        }

        private void awaitReady(Instant from) {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                    .until(() -> LocalStack.notReady().isEmpty());
            recovery = Duration.between(from, Instant.now());
        }

        private String answer(ApiCall probe) {
            try {
                return String.valueOf(probe.status());
            } catch (Exception e) {
                return e.getClass().getSimpleName();
            }
        }
    }

    @FunctionalInterface
    private interface AfterKill {
        void run() throws Exception;
    }

    @FunctionalInterface
    private interface ApiCall {
        int status() throws Exception;
    }

    private static final class Flow {
        private final double[] place;
        private final List<Recipient> recipients;
        private String caseId;
        private String alertId;

        Flow(double[] place, List<Recipient> recipients) {
            this.place = place;
            this.recipients = recipients;
        }
    }

    private record Recipient(String phone, String email) {
    }

    record Outcome(Fault fault, int escalations, int escalationsNotOneAlert, int expected, int received, int missed,
            int duplicates, int inFlightAtKill, int unpublished, int unfinished, int failed, int deadLettered,
            List<String> notReady, String apiDuringFault, Duration recovery, Duration took, String error) {

        Outcome(Fault fault, int escalations, int escalationsNotOneAlert, int expected, int received, int missed,
                int duplicates, int inFlightAtKill, int unpublished, int unfinished, int failed, int deadLettered,
                List<String> notReady, String apiDuringFault, Duration recovery, Duration took) {
            this(fault, escalations, escalationsNotOneAlert, expected, received, missed, duplicates, inFlightAtKill,
                    unpublished, unfinished, failed, deadLettered, notReady, apiDuringFault, recovery, took, null);
        }

        Outcome withError(String why) {
            return new Outcome(fault, escalations, escalationsNotOneAlert, expected, received, missed, duplicates,
                    inFlightAtKill, unpublished, unfinished, failed, deadLettered, notReady, apiDuringFault, recovery,
                    took, why);
        }

        /** A flow that did not get to its end (an answer or a wait that failed): what broke. */
        static Outcome broken(Fault fault, String error, Duration took) {
            return new Outcome(fault, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, List.of(), "-", Duration.ZERO, took,
                    error.length() > 200 ? error.substring(0, 200) + "…" : error);
        }

        /** Duplicates allowed: none, but after a kill -9 of notification-service, what it had claimed unrecorded. */
        int allowedDuplicates() {
            return fault == Fault.KILL_NOTIFICATION_SERVICE ? inFlightAtKill : 0;
        }

        boolean passed() {
            return error == null && escalationsNotOneAlert == 0 && missed == 0 && duplicates <= allowedDuplicates() && unpublished == 0
                    && unfinished == 0 && failed == 0 && deadLettered == 0 && notReady.isEmpty();
        }

        private String what() {
            return fault.what().replace("for the outage", "for " + OUTAGE.toSeconds() + " s");
        }

        String row() {
            if (error != null && escalations == 0) {
                return "| %s | %s | - | - | - | - | - | - | - | FAILED after %d s: %s |".formatted(what(), fault.when(),
                        took.toSeconds(), error.replace('|', '/'));
            }
            return "| %s | %s | %s | %d s | %d of %d | %d / %d | %d | %d (%d) | %d, %d, %d%s | %s |".formatted(
                    what(), fault.when(),
                    apiDuringFault, recovery.toSeconds(), escalations - escalationsNotOneAlert, escalations, received,
                    expected, missed, duplicates, allowedDuplicates(), unpublished, unfinished, deadLettered,
                    failed > 0 ? " (" + failed + " failed)" : "", passed() ? "PASSED in " + took.toSeconds() + " s"
                            : "FAILED" + (notReady.isEmpty() ? "" : ", not ready: " + notReady)
                            + (error == null ? "" : ", " + error));
        }
    }
}
