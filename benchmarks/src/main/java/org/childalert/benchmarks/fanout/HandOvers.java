package org.childalert.benchmarks.fanout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.childalert.benchmarks.ceilings.Latencies;

/**
 * The messages one fake took, read from its hand-over file: when each arrived and for whom. From them, the
 * figures of the fan-out (counted from approval) and the check of the crash test (who was reached, who twice).
 */
final class HandOvers {

    private final long[] epochMillis;
    private final Map<String, Integer> perAddress;

    private HandOvers(long[] epochMillis, Map<String, Integer> perAddress) {
        this.epochMillis = epochMillis;
        this.perAddress = perAddress;
    }

    static HandOvers read(Path file) throws IOException {
        return parse(Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of());
    }

    /** Lines as {@link HandOverLog} writes them: {@code <epoch millis> <address>}. */
    static HandOvers parse(List<String> lines) {
        long[] times = new long[lines.size()];
        Map<String, Integer> perAddress = new HashMap<>();
        int count = 0;
        for (String line : lines) {
            int space = line.indexOf(' ');
            if (space <= 0) {
                continue;
            }
            times[count++] = Long.parseLong(line.substring(0, space));
            perAddress.merge(line.substring(space + 1), 1, Integer::sum);
        }
        long[] sorted = Arrays.copyOf(times, count);
        Arrays.sort(sorted);
        return new HandOvers(sorted, perAddress);
    }

    int count() {
        return epochMillis.length;
    }

    /** Seconds from approval to the first message; NaN when there was none. */
    double firstAfterSeconds(long approvalMillis) {
        return epochMillis.length == 0 ? Double.NaN : (epochMillis[0] - approvalMillis) / 1000.0;
    }

    /** Seconds from approval to the last message; NaN when there was none. */
    double lastAfterSeconds(long approvalMillis) {
        return epochMillis.length == 0 ? Double.NaN : (epochMillis[epochMillis.length - 1] - approvalMillis) / 1000.0;
    }

    /** Messages per second from approval to the last message. */
    double perSecondSince(long approvalMillis) {
        double seconds = lastAfterSeconds(approvalMillis);
        return epochMillis.length == 0 || seconds <= 0 ? 0 : epochMillis.length / seconds;
    }

    /** Time from approval to each hand-over, as latencies (nearest-rank percentiles). */
    Latencies sinceApproval(long approvalMillis) {
        return Latencies.ofNanos(Arrays.stream(epochMillis).map(at -> (at - approvalMillis) * 1_000_000).toArray());
    }

    HandOvers with(HandOvers other) {
        long[] times = new long[epochMillis.length + other.epochMillis.length];
        System.arraycopy(epochMillis, 0, times, 0, epochMillis.length);
        System.arraycopy(other.epochMillis, 0, times, epochMillis.length, other.epochMillis.length);
        Arrays.sort(times);
        Map<String, Integer> addresses = new HashMap<>(perAddress);
        other.perAddress.forEach((address, n) -> addresses.merge(address, n, Integer::sum));
        return new HandOvers(times, addresses);
    }

    /** Who was reached, against who had to be: missed, reached more than once, reached without being expected. */
    Reach reachOf(Set<String> expected) {
        long missed = expected.stream().filter(address -> !perAddress.containsKey(address)).count();
        long extraMessages = 0;
        long reachedTwice = 0;
        long unexpected = 0;
        for (Map.Entry<String, Integer> entry : perAddress.entrySet()) {
            if (!expected.contains(entry.getKey())) {
                unexpected += entry.getValue();
            } else if (entry.getValue() > 1) {
                reachedTwice++;
                extraMessages += entry.getValue() - 1;
            }
        }
        return new Reach(expected.size(), expected.size() - missed, missed, reachedTwice, extraMessages, unexpected);
    }

    /**
     * @param extraMessages messages beyond the first to an address: the duplicates
     * @param unexpected    messages to addresses nobody seeded
     */
    record Reach(long expected, long reached, long missed, long reachedTwice, long extraMessages, long unexpected) {
    }
}
