package org.childalert.benchmarks.fanout;

import java.time.Instant;
import java.util.Locale;

/**
 * Issue 6's crash test: kill -9 notification-service in the middle of a fan-out, start it again, and check at the
 * fakes that every recipient was reached, nobody twice except at most the messages in flight at the moment of the
 * kill (deliveries claimed, state SENDING, whose hand-over the dead service could not record), and that nothing is
 * left pending. Exits 1 when a guarantee does not hold.
 */
public final class CrashTest {

    private CrashTest() {
    }

    public static void main(String[] args) throws Exception {
        FanOutSettings settings = FanOutSettings.fromSystemProperties(20_000);
        boolean held;
        try (FanOutRig rig = FanOutRig.start(settings, "crash")) {
            held = crash(rig, settings);
        }
        System.exit(held ? 0 : 1);
    }

    private static boolean crash(FanOutRig rig, FanOutSettings settings) throws Exception {
        long expected = rig.expectedMessages();
        long killAt = Math.max(1, Math.round(expected * settings.killAtFraction()));
        rig.say("%,d messages to send (%,d SMS, %,d email); kill -9 once %,d are handed over; load average %s",
                expected, rig.expectedSms().size(), rig.expectedEmail().size(), killAt, FanOutBenchmark.loadAverage());
        Instant approval = rig.approve();
        rig.say("AlertIssued published at %s", approval);
        FanOutDatabase.DeliveryStates beforeKill = rig.await(approval, states -> states.handedOver() >= killAt);
        if (beforeKill.handedOver() < killAt) {
            rig.say("FAILED: the fan-out never reached %,d handed over, nothing to kill in the middle of", killAt);
            return false;
        }
        NotificationServiceProcess first = rig.service();
        long pid = first.pid();
        first.killHard();
        double killedAfter = (System.currentTimeMillis() - approval.toEpochMilli()) / 1000.0;
        // the dead service's connections are gone: what it had not committed is rolled back, so the rows still
        // SENDING are exactly the claimed ones whose hand-over it never recorded
        FanOutDatabase.DeliveryStates atKill = rig.database().states(rig.alertId());
        long inFlight = atKill.sending();
        rig.say("kill -9 %d at %.1f s after approval: %s", pid, killedAfter, atKill);

        rig.startService("notification-service-restarted");
        FanOutDatabase.DeliveryStates end = rig.awaitAllFinal(approval);
        double finalAfter = (System.currentTimeMillis() - approval.toEpochMilli()) / 1000.0;
        rig.stopService();
        rig.stopFakes();
        HandOvers.Reach reach = rig.smsHandedOver().with(rig.emailHandedOver()).reachOf(rig.expectedAddresses());
        long pendingLeft = end.pending() + end.sending();

        boolean everyoneReached = reach.missed() == 0 && end.total() >= expected;
        boolean duplicatesWithinInFlight = reach.extraMessages() <= inFlight;
        boolean nothingPending = pendingLeft == 0;
        boolean nobodyUnknown = reach.unexpected() == 0;
        boolean held = everyoneReached && duplicatesWithinInFlight && nothingPending && nobodyUnknown;

        System.out.println();
        line("crash test: %,d messages (%,d SMS, %,d email), kill -9 at %.1f s, all final at %.1f s after approval",
                expected, rig.expectedSms().size(), rig.expectedEmail().size(), killedAfter, finalAfter);
        line("at the kill:            %s", atKill);
        line("in flight at the kill:  %,d (deliveries SENDING: may have reached their provider unrecorded)", inFlight);
        line("after the restart:      %s", end);
        line("reached (at the fakes): %,d of %,d addresses%s", reach.reached(), reach.expected(),
                everyoneReached ? "" : "  -- NOT EVERY RECIPIENT REACHED");
        line("missed:                 %,d", reach.missed());
        line("duplicates:             %,d messages beyond the first, to %,d addresses (at most %,d allowed)%s",
                reach.extraMessages(), reach.reachedTwice(), inFlight,
                duplicatesWithinInFlight ? "" : "  -- MORE THAN WERE IN FLIGHT");
        line("to unknown addresses:   %,d%s", reach.unexpected(), nobodyUnknown ? "" : "  -- UNEXPECTED");
        line("pending left:           %,d%s", pendingLeft, nothingPending ? "" : "  -- LEFT PENDING");
        line("failed deliveries:      %,d", end.failed());
        line("%s", held ? "PASSED: every recipient reached, duplicates within the in-flight count, nothing pending"
                : "FAILED");
        return held;
    }

    private static void line(String format, Object... arguments) {
        System.out.println(String.format(Locale.ROOT, format, arguments));
    }
}
