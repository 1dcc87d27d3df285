package org.childalert.benchmarks.ceilings;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The closing lines PerfTest prints, for example
 * <pre>
 * id: q, sending rate avg: 3730 msg/s
 * id: q, receiving rate avg: 3730 msg/s
 * id: q, consumer latency min/median/75th/95th/99th 2291/21182/88619/338849/357339 µs
 * id: q, confirm latency min/median/75th/95th/99th 423/6288/10977/25365/55315 µs
 * </pre>
 * Latencies are in microseconds (PerfTest's default; the unit is matched loosely because "µ" depends on the
 * console's encoding, but milliseconds are refused); the consumer latency runs from publish to consume.
 */
record PerfTestSummary(double sentPerSecond, double receivedPerSecond, Percentiles consumerLatency,
        Percentiles confirmLatency) {

    /** min, median, 75th, 95th and 99th percentiles, in microseconds. */
    record Percentiles(long min, long median, long p75, long p95, long p99) {
    }

    private static final Pattern SENT = Pattern.compile("sending rate avg: (\\d+(?:\\.\\d+)?) msg/s");
    private static final Pattern RECEIVED = Pattern.compile("receiving rate avg: (\\d+(?:\\.\\d+)?) msg/s");
    private static final Pattern CONSUMER_LATENCY = latency("consumer");
    private static final Pattern CONFIRM_LATENCY = latency("confirm");

    private static Pattern latency(String kind) {
        return Pattern.compile("^id: .*, " + kind
                + " latency min/median/75th/95th/99th (\\d+)/(\\d+)/(\\d+)/(\\d+)/(\\d+) [^\\sm]{1,2}s$");
    }

    static PerfTestSummary parse(List<String> output) {
        return new PerfTestSummary(
                Double.parseDouble(last(SENT, output).group(1)),
                Double.parseDouble(last(RECEIVED, output).group(1)),
                percentiles(last(CONSUMER_LATENCY, output)),
                percentiles(last(CONFIRM_LATENCY, output)));
    }

    private static Matcher last(Pattern pattern, List<String> output) {
        for (int i = output.size() - 1; i >= 0; i--) {
            Matcher matcher = pattern.matcher(output.get(i));
            if (matcher.find()) {
                return matcher;
            }
        }
        throw new IllegalArgumentException("PerfTest printed no line matching " + pattern);
    }

    private static Percentiles percentiles(Matcher m) {
        return new Percentiles(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                Long.parseLong(m.group(4)), Long.parseLong(m.group(5)));
    }
}
