package org.childalert.benchmarks.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.childalert.benchmarks.ceilings.Ceiling;
import org.childalert.benchmarks.ceilings.Ceilings;
import org.childalert.benchmarks.ceilings.Part;
import org.junit.jupiter.api.Test;

class FanOutBenchmarkTests {

    private static final long APPROVAL = 1_000_000;

    /**
     * The run of 5 December 2026 on main (issue 16): 90,002 SMS at the Twilio fake's 3,708 req/s need 24.3 s, 10,002
     * emails at the SMTP fake's 667 msg/s 15.0 s: the bound is the SMS's 24.3 s, against 146.8 s taken, 0.17.
     */
    @Test
    void theBoundIsTheSlowerChannelsShareAtItsOwnCeilingAndOurTimeIsAFractionOfIt() {
        FanOutBenchmark.Figures figures = figures(90_002, 10_002, 146_800);
        Ceilings ceilings = new Ceilings(List.of(
                new Ceiling(Part.TWILIO_FAKE, 32, 3_708, 5, 9, 0, ""),
                new Ceiling(Part.TWILIO_FAKE, 64, 3_500, 9, 15, 0, ""),
                new Ceiling(Part.SMTP_FAKE, 8, 667, 10, 20, 0, "")));

        String printed = figures.againstCeilings(ceilings);

        assertThat(printed)
                .contains("bound, SMS:   90,002 SMS at the Twilio fake's 3708 req/s = 24.3 s")
                .contains("bound, email: 10,002 email at the SMTP fake's 667 msg/s = 15.0 s")
                .contains("bound:        24.3 s (SMS); ours 146.8 s (approval -> last hand-over): 0.17 of the bound")
                .contains("target >= 0.35 of the bound (aim 0.50): MISSED");
    }

    @Test
    void theCpuOfOurProcessesIsSummedPerMessageHandedOver() {
        Map<String, Double> cpu = new LinkedHashMap<>();
        cpu.put("notification-service", 30.0);
        cpu.put("PostgreSQL backends of its database", 15.0);
        cpu.put("RabbitMQ (beam.smp, the whole broker)", 5.0);
        FanOutBenchmark.Figures figures = figures(90_000, 10_000, 40_000, cpu);

        assertThat(figures.ourCpuMillisPerMessage()).isEqualTo(0.5);
        assertThat(figures.report())
                .contains("notification-service 30.0 s = 0.300 ms; PostgreSQL backends of its database 15.0 s = 0.150 ms")
                .contains("summed 0.500 ms per message (target <= 0.287 ms")
                .contains("target nobody missed or told twice: met");
    }

    private static FanOutBenchmark.Figures figures(int sms, int email, long lastMillis) {
        return figures(sms, email, lastMillis, Map.of("notification-service", 1.0));
    }

    /** Every message handed over once, evenly from approval to {@code lastMillis} after it. */
    private static FanOutBenchmark.Figures figures(int sms, int email, long lastMillis, Map<String, Double> cpu) {
        HandOvers smsHandOvers = handOvers("+3247", sms, lastMillis);
        HandOvers emailHandOvers = handOvers("volunteer-", email, lastMillis * 9 / 10);
        return new FanOutBenchmark.Figures(sms + email, sms, email,
                new FanOutDatabase.DeliveryStates(0, 0, sms + email, 0, sms + email), APPROVAL, smsHandOvers,
                emailHandOvers, new HandOvers.Reach(sms + email, sms + email, 0, 0, 0, 0), 1,
                lastMillis / 1000.0, 300, Optional.empty(), 0, "none", cpu, 3L * (sms + email));
    }

    private static HandOvers handOvers(String prefix, int count, long lastMillis) {
        List<String> lines = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            lines.add((APPROVAL + lastMillis * n / count) + " " + prefix + n);
        }
        return HandOvers.parse(lines);
    }
}
