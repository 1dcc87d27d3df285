package org.childalert.alerts.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.childalert.events.DisclosureLevel;
import org.junit.jupiter.api.Test;

class AlertLifetimesTests {

    private final AlertLifetimes lifetimes = new AlertLifetimes(Duration.ofHours(12), Duration.ofHours(24));

    @Test
    void aPublicAlertAlwaysLastsSixHoursAsBelgiumsChildAlertRuleSays() {
        assertThat(new AlertLifetimes(Duration.ofHours(48), Duration.ofHours(48)).of(DisclosureLevel.PUBLIC))
                .isEqualTo(Duration.ofHours(6));
    }

    @Test
    void theDiscreetLevelsRunForTheirConfiguredLifetimes() {
        assertThat(lifetimes.of(DisclosureLevel.TARGETED)).isEqualTo(Duration.ofHours(12));
        assertThat(lifetimes.of(DisclosureLevel.POLICE_ONLY)).isEqualTo(Duration.ofHours(24));
    }
}
