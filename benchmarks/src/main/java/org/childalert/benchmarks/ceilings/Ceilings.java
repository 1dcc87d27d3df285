package org.childalert.benchmarks.ceilings;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The ceilings measured in one run, and the table that shows them. */
public record Ceilings(List<Ceiling> measured) {

    public Ceilings {
        measured = List.copyOf(measured);
    }

    /** The best throughput of a part over the concurrencies tried. */
    public Optional<Ceiling> best(Part part) {
        return measured.stream()
                .filter(ceiling -> ceiling.part() == part)
                .max(Comparator.comparingDouble(Ceiling::perSecond));
    }

    /**
     * The smaller of the providers' ceilings (the Twilio fake's and the SMTP fake's best throughput): the most a
     * fan-out that feeds both providers could hope to sustain on one of them.
     */
    public Optional<Ceiling> smallerProviderCeiling() {
        return measured.stream()
                .map(Ceiling::part)
                .filter(Part::isProviderFake)
                .distinct()
                .map(this::best)
                .flatMap(Optional::stream)
                .min(Comparator.comparingDouble(Ceiling::perSecond));
    }

    public String table() {
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%-28s %5s %12s %9s %9s %7s  %s%n",
                "part", "conc", "throughput", "p50 ms", "p99 ms", "failed", "note"));
        for (Ceiling c : measured) {
            table.append(String.format(Locale.ROOT, "%-28s %5d %6.0f %-5s %9.2f %9.2f %7d  %s%n",
                    c.part().label(), c.concurrency(), c.perSecond(), c.part().unit(), c.p50Millis(), c.p99Millis(),
                    c.failed(), c.note()));
        }
        smallerProviderCeiling().ifPresent(smaller -> table.append(String.format(Locale.ROOT,
                "smaller ceiling of the providers: %.0f %s (%s at concurrency %d)%n", smaller.perSecond(),
                smaller.part().unit(), smaller.part().label(), smaller.concurrency())));
        return table.toString();
    }
}
