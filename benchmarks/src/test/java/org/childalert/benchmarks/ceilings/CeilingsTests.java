package org.childalert.benchmarks.ceilings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CeilingsTests {

    @Test
    void theSmallerProviderCeilingIsTheLowerOfEachFakesBestThroughput() {
        Ceilings ceilings = new Ceilings(List.of(
                ceiling(Part.RABBITMQ_QUORUM_QUEUE, 1, 300),
                ceiling(Part.TWILIO_FAKE, 8, 2_000),
                ceiling(Part.TWILIO_FAKE, 32, 2_600),
                ceiling(Part.TWILIO_FAKE_THROUGH_SDK, 32, 900),
                ceiling(Part.SMTP_FAKE, 8, 1_400),
                ceiling(Part.SMTP_FAKE, 32, 1_100)));

        assertThat(ceilings.smallerProviderCeiling()).contains(ceiling(Part.SMTP_FAKE, 8, 1_400));
        assertThat(ceilings.best(Part.TWILIO_FAKE)).contains(ceiling(Part.TWILIO_FAKE, 32, 2_600));
    }

    @Test
    void withoutAnyProviderFakeMeasuredThereIsNoProviderCeiling() {
        Ceilings ceilings = new Ceilings(List.of(ceiling(Part.RABBITMQ_CLASSIC_QUEUE, 1, 5_000)));

        assertThat(ceilings.smallerProviderCeiling()).isEmpty();
    }

    @Test
    void theTableHasARowPerMeasurementAndNamesTheSmallerProviderCeiling() {
        Ceilings ceilings = new Ceilings(List.of(
                ceiling(Part.TWILIO_FAKE, 64, 2_345.4),
                ceiling(Part.SMTP_FAKE, 64, 1_234.6)));

        assertThat(ceilings.table().lines())
                .hasSize(4)
                .anySatisfy(row -> assertThat(row).startsWith("Twilio fake, raw HTTP").contains("2345 req/s"))
                .anySatisfy(row -> assertThat(row).startsWith("SMTP fake, Jakarta Mail").contains("1235 msg/s"))
                .last().isEqualTo("smaller ceiling of the providers: 1235 msg/s (SMTP fake, Jakarta Mail at"
                        + " concurrency 64)");
    }

    private static Ceiling ceiling(Part part, int concurrency, double perSecond) {
        return new Ceiling(part, concurrency, perSecond, 1.0, 9.0, 0, "");
    }
}
