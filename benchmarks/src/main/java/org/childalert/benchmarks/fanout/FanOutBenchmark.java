package org.childalert.benchmarks.fanout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.childalert.benchmarks.ceilings.Ceiling;
import org.childalert.benchmarks.ceilings.Ceilings;
import org.childalert.benchmarks.ceilings.CeilingsBenchmark;
import org.childalert.benchmarks.ceilings.Latencies;
import org.childalert.benchmarks.ceilings.Part;

/**
 * Issue 6: one alert fanned out to 100,000 recipients by notification-service as built, SMS to the Twilio fake and
 * email to the SMTP fake, observed at the fakes (when each message arrived) and through the service's delivery
 * table (when all are final); then, in the same run, the ceilings of the parts alone ({@link CeilingsBenchmark}),
 * and our throughput as a fraction of them. "Approval" is the publish of the AlertIssued event: the alert-service's
 * own time from the police approval to that publish is not part of this figure.
 */
public final class FanOutBenchmark {

    static final double TARGET_SHARE_OF_CEILING = 0.5;
    static final double TARGET_FIRST_SMS_SECONDS = 1.0;
    static final double TARGET_RESIDENT_MIB = 512;

    private FanOutBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        FanOutSettings settings = FanOutSettings.fromSystemProperties(100_000);
        Figures figures;
        try (FanOutRig rig = FanOutRig.start(settings, "fanout")) {
            figures = fanOut(rig);
        }
        Ceilings ceilings = null;
        if (!Boolean.getBoolean("fanout.skip-ceilings")) {
            say("the ceilings of the parts alone, same machine, right after (CeilingsBenchmark)");
            ceilings = CeilingsBenchmark.measure(CeilingsBenchmark.Settings.fromSystemProperties());
        }
        System.out.println();
        System.out.print(figures.report());
        if (ceilings != null) {
            System.out.println();
            System.out.print(ceilings.table());
            System.out.print(figures.againstCeilings(ceilings));
        }
        if (!figures.complete()) {
            System.exit(1);
        }
    }

    private static Figures fanOut(FanOutRig rig) throws Exception {
        NotificationServiceProcess service = rig.service();
        say("%,d messages to send: %,d SMS, %,d email; load average %s", rig.expectedMessages(),
                rig.expectedSms().size(), rig.expectedEmail().size(), loadAverage());
        double cpuBefore = service.cpuSeconds();
        Instant approval = rig.approve();
        say("AlertIssued published at %s (approval)", approval);
        FanOutDatabase.DeliveryStates states = rig.awaitAllFinal(approval);
        Instant finalAt = Instant.now();
        double cpu = service.cpuSeconds() - cpuBefore;
        double peakResident = service.peakResidentMiB();
        long unpublished = rig.database().unpublishedEvents();
        String loadAtEnd = loadAverage();
        rig.stopService();
        Optional<NotificationServiceProcess.HeapPeak> heap = service.heapPeak();
        String events = rig.broker().serviceEventCounts();
        rig.stopFakes();
        say("%s at %s; load average %s", states.allFinal(rig.expectedMessages()) ? "all final" : "stopped waiting",
                finalAt, loadAtEnd);
        return new Figures(rig.expectedMessages(), rig.expectedSms().size(), rig.expectedEmail().size(), states,
                approval.toEpochMilli(), rig.smsHandedOver(), rig.emailHandedOver(),
                rig.smsHandedOver().with(rig.emailHandedOver()).reachOf(rig.expectedAddresses()), cpu,
                (finalAt.toEpochMilli() - approval.toEpochMilli()) / 1000.0, peakResident, heap, unpublished, events);
    }

    /** What one fan-out measured. */
    record Figures(long expected, long expectedSms, long expectedEmail, FanOutDatabase.DeliveryStates states,
            long approvalMillis, HandOvers sms, HandOvers email, HandOvers.Reach reach, double cpuSeconds,
            double secondsUntilFinal, double peakResidentMiB, Optional<NotificationServiceProcess.HeapPeak> heap,
            long unpublishedEvents, String serviceEvents) {

        boolean complete() {
            return states.allFinal(expected) && reach.missed() == 0;
        }

        HandOvers all() {
            return sms.with(email);
        }

        double perSecond() {
            return all().perSecondSince(approvalMillis);
        }

        String report() {
            HandOvers all = all();
            Latencies latencies = all.sinceApproval(approvalMillis);
            Latencies smsLatencies = sms.sinceApproval(approvalMillis);
            Latencies emailLatencies = email.sinceApproval(approvalMillis);
            StringBuilder out = new StringBuilder();
            line(out, "fan-out of one alert: %,d messages to send (%,d SMS, %,d email)%s", expected, expectedSms,
                    expectedEmail, complete() ? "" : "  -- INCOMPLETE");
            line(out, "deliveries:              %s", states);
            line(out, "handed over (at fakes):  %,d (SMS %,d, email %,d); %,d recipients missed, %,d messages"
                    + " twice, %,d to unknown addresses", all.count(), sms.count(), email.count(), reach.missed(),
                    reach.extraMessages(), reach.unexpected());
            line(out, "approval -> first:       SMS %s, email %s", seconds(sms.firstAfterSeconds(approvalMillis)),
                    seconds(email.firstAfterSeconds(approvalMillis)));
            line(out, "approval -> last:        %s (SMS %s, email %s)", seconds(all.lastAfterSeconds(approvalMillis)),
                    seconds(sms.lastAfterSeconds(approvalMillis)), seconds(email.lastAfterSeconds(approvalMillis)));
            line(out, "throughput:              %.1f msg/s (SMS %.1f/s, email %.1f/s; each: its messages over"
                            + " approval -> its last)", all.perSecondSince(approvalMillis),
                    sms.perSecondSince(approvalMillis), email.perSecondSince(approvalMillis));
            line(out, "approval -> hand-over:   p50 %s, p99 %s (SMS p50 %s p99 %s; email p50 %s p99 %s)",
                    millis(latencies, 50), millis(latencies, 99), millis(smsLatencies, 50), millis(smsLatencies, 99),
                    millis(emailLatencies, 50), millis(emailLatencies, 99));
            line(out, "notification-service:    CPU %.1f s from approval until all final or the timeout (%.1f s: %.0f%%"
                    + " of one core);"
                    + " peak RSS %.0f MiB (VmHWM)", cpuSeconds, secondsUntilFinal,
                    100 * cpuSeconds / secondsUntilFinal, peakResidentMiB);
            line(out, "                         heap %s", heap.map(peak -> String.format(Locale.ROOT,
                    "peak %.0f MiB in use before a GC, at most %.0f MiB committed (GC log)", peak.usedMiB(),
                    peak.committedMiB())).orElse("(no GC ran)"));
            line(out, "its events:              %s; %,d still in its outbox", serviceEvents, unpublishedEvents);
            return out.toString();
        }

        String againstCeilings(Ceilings ceilings) {
            StringBuilder out = new StringBuilder();
            Optional<Ceiling> smaller = ceilings.smallerProviderCeiling();
            Optional<Ceiling> twilio = ceilings.best(Part.TWILIO_FAKE);
            Optional<Ceiling> smtp = ceilings.best(Part.SMTP_FAKE);
            smaller.ifPresent(ceiling -> line(out, "our throughput / smaller ceiling: %.1f / %.0f = %.2f (%s)",
                    perSecond(), ceiling.perSecond(), perSecond() / ceiling.perSecond(), ceiling.part().label()));
            if (twilio.isPresent() && sms.count() > 0) {
                double rate = sms.perSecondSince(approvalMillis);
                line(out, "per channel: SMS %.1f/s / Twilio fake %.0f req/s = %.2f", rate, twilio.get().perSecond(),
                        rate / twilio.get().perSecond());
            }
            if (smtp.isPresent() && email.count() > 0) {
                double rate = email.perSecondSince(approvalMillis);
                line(out, "per channel: email %.1f/s / SMTP fake %.0f msg/s = %.2f", rate, smtp.get().perSecond(),
                        rate / smtp.get().perSecond());
            }
            smaller.ifPresent(ceiling -> line(out, "target >= %.0f%% of the smaller ceiling: %s",
                    100 * TARGET_SHARE_OF_CEILING, verdict(perSecond() >= TARGET_SHARE_OF_CEILING * ceiling.perSecond())));
            line(out, "target first SMS within %.0f s of approval: %s", TARGET_FIRST_SMS_SECONDS,
                    verdict(sms.count() > 0 && sms.firstAfterSeconds(approvalMillis) <= TARGET_FIRST_SMS_SECONDS));
            line(out, "target notification-service under %.0f MiB: %s (peak RSS %.0f MiB)", TARGET_RESIDENT_MIB,
                    verdict(peakResidentMiB < TARGET_RESIDENT_MIB), peakResidentMiB);
            return out.toString();
        }
    }

    private static String verdict(boolean met) {
        return met ? "met" : "MISSED";
    }

    private static String seconds(double seconds) {
        return Double.isNaN(seconds) ? "-" : String.format(Locale.ROOT, "%.3f s", seconds);
    }

    private static String millis(Latencies latencies, double percentile) {
        return latencies.count() == 0 ? "-"
                : String.format(Locale.ROOT, "%.3f s", latencies.percentileMillis(percentile) / 1000);
    }

    private static void line(StringBuilder out, String format, Object... arguments) {
        out.append(String.format(Locale.ROOT, format, arguments)).append('\n');
    }

    static String loadAverage() {
        try {
            String[] load = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return load[0] + " " + load[1] + " " + load[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static void say(String format, Object... arguments) {
        System.out.println("[fanout] " + String.format(Locale.ROOT, format, arguments));
    }
}
