package org.childalert.benchmarks.fanout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Issue 16, item 5: when the provider's rate is the limit, are the people nearest the last-seen place told first?
 * One alert over volunteers spread evenly over a disc around its centre (by SMS only), the service's SMS throttle
 * at {@code CHILDALERT_TWILIO_SEGMENTS_PER_SECOND} (100 in bin/bench-nearest-first: a Twilio short code). It waits
 * until every volunteer within {@code fanout.near-km} (2 km) has been handed over, then measures at the Twilio fake
 * how long each waited from approval, p50 and p100, against the ideal: the police and those volunteers, who must all
 * go before anyone farther, at the rate the throttle let SMS through in this run (messages per second from the
 * first SMS to the last; the segments per second divided by the segments per message). The run stops there: the
 * thousands of farther volunteers would only take the throttle's time.
 */
public final class NearestFirstBenchmark {

    static final double TARGET_P100_OVER_IDEAL = 1.2;

    private NearestFirstBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        FanOutSettings settings = FanOutSettings.fromSystemProperties(20_000);
        double nearKm = Double.parseDouble(System.getProperty("fanout.near-km", "2"));
        Waits waits;
        try (FanOutRig rig = FanOutRig.start(settings, "nearest-first")) {
            waits = run(rig, nearKm);
        }
        System.out.println();
        System.out.print(waits.report());
        if (!waits.complete()) {
            System.exit(1);
        }
    }

    private static Waits run(FanOutRig rig, double nearKm) throws Exception {
        AlertBroker.Area area = rig.area();
        Set<String> near = rig.database().volunteerPhonesWithin(area.latitude(), area.longitude(), nearKm);
        Set<String> police = new HashSet<>(rig.expectedSms());
        police.removeIf(address -> !address.startsWith("+3248")); // the seeded officers' numbers
        Set<String> first = new HashSet<>(near);
        first.addAll(police);
        rig.say("%,d SMS to send: %,d volunteers within %.1f km of the centre and %d police contacts go first",
                rig.expectedSms().size(), near.size(), nearKm, police.size());
        Instant approval = rig.approve();
        rig.say("AlertIssued published at %s (approval)", approval);
        long deadline = approval.toEpochMilli() + rig.settings().timeout().toMillis();
        long settled = 0;
        while (System.currentTimeMillis() < deadline && (settled = rig.database().settled(rig.alertId(), first)) < first.size()) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
        TimeUnit.SECONDS.sleep(1); // a little more, so that the rate is measured over more than the first ones
        rig.stopService();
        rig.stopFakes();
        Map<String, Long> firstHandOver = firstHandOvers(rig.settings().workDirectory().resolve("twilio-hand-overs.txt"));
        return new Waits(approval.toEpochMilli(), nearKm, police.size(), near, firstHandOver, settled == first.size(),
                Math.round(area.radiusKm() * FanOutRig.HOMES_WITHIN_SHARE_OF_RADIUS), rig.expectedSms().size());
    }

    /** The first hand-over at the Twilio fake of each number, and all of them, from its hand-over file. */
    static Map<String, Long> firstHandOvers(Path file) throws IOException {
        Map<String, Long> first = new HashMap<>();
        for (String line : Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.<String>of()) {
            int space = line.indexOf(' ');
            if (space > 0) {
                first.merge(line.substring(space + 1), Long.parseLong(line.substring(0, space)), Math::min);
            }
        }
        return first;
    }

    /** What the run measured. */
    record Waits(long approvalMillis, double nearKm, int police, Set<String> near, Map<String, Long> handOvers,
            boolean allNearSettled, long homesWithinKm, int smsToSend) {

        boolean complete() {
            return allNearSettled && near.stream().allMatch(handOvers::containsKey);
        }

        /** SMS per second the throttle let through: all handed over, from the first to the last. */
        double rate() {
            long firstAt = handOvers.values().stream().mapToLong(Long::longValue).min().orElse(0);
            long lastAt = handOvers.values().stream().mapToLong(Long::longValue).max().orElse(0);
            return lastAt > firstAt ? (handOvers.size() - 1) * 1000.0 / (lastAt - firstAt) : Double.NaN;
        }

        String report() {
            long[] waits = near.stream().filter(handOvers::containsKey)
                    .mapToLong(address -> handOvers.get(address) - approvalMillis).sorted().toArray();
            double ideal = (near.size() + police) / rate();
            double p50 = percentileSeconds(waits, 50);
            double p100 = percentileSeconds(waits, 100);
            StringBuilder out = new StringBuilder();
            line(out, "nearest first: %,d SMS to send, volunteers spread evenly within %d km; %,d of them within %.1f km,"
                    + " and %d police contacts, must go first%s", smsToSend, homesWithinKm, near.size(), nearKm, police,
                    complete() ? "" : "  -- INCOMPLETE");
            line(out, "handed over in the run:  %,d SMS at %.1f/s (the throttle's rate in this run, first to last)",
                    handOvers.size(), rate());
            line(out, "within %.1f km waited:    p50 %.3f s, p100 %.3f s from approval (%,d of %,d handed over)", nearKm,
                    p50, p100, waits.length, near.size());
            line(out, "ideal:                   (%,d + %d police) / %.1f per second = %.3f s", near.size(), police, rate(),
                    ideal);
            line(out, "p100 / ideal:            %.2f (target <= %.1f: %s)", p100 / ideal, TARGET_P100_OVER_IDEAL,
                    p100 / ideal <= TARGET_P100_OVER_IDEAL ? "met" : "MISSED");
            return out.toString();
        }

        private static double percentileSeconds(long[] sortedMillis, double percentile) {
            if (sortedMillis.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(percentile / 100 * sortedMillis.length);
            return sortedMillis[Math.max(0, Math.min(sortedMillis.length - 1, rank - 1))] / 1000.0;
        }

        private static void line(StringBuilder out, String format, Object... arguments) {
            out.append(String.format(Locale.ROOT, format, arguments)).append('\n');
        }
    }
}
