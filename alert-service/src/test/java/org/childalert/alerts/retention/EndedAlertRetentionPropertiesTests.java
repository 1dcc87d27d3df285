package org.childalert.alerts.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The retention's settings as an operator writes them: the defaults, a dash for no schedule, and a bad period. */
class EndedAlertRetentionPropertiesTests {

    private static final String PREFIX = "childalert.retention.ended-alerts";

    @Test
    void keepsAnEndedAlertAsLongAsTheCaseServiceKeepsAClosedCasesDataAndRunsDaily() {
        EndedAlertRetentionProperties defaults = bind(Map.of());

        assertThat(defaults.period()).isEqualTo(Duration.ofDays(730));
        assertThat(defaults.schedule()).isEqualTo("0 15 4 * * *");
        assertThat(defaults.batchSize()).isEqualTo(200);
    }

    @Test
    void takesTheOperatorsSettingsADashSwitchingTheScheduleOff() {
        EndedAlertRetentionProperties set = bind(Map.of(PREFIX + ".period", "365d", PREFIX + ".schedule", "-",
                PREFIX + ".batch-size", "50"));

        assertThat(set.period()).isEqualTo(Duration.ofDays(365));
        assertThat(set.schedule()).isEqualTo("-");
        assertThat(set.batchSize()).isEqualTo(50);
    }

    @Test
    void refusesAPeriodThatIsNotPositiveNamingTheSetting() {
        assertThatThrownBy(() -> bind(Map.of(PREFIX + ".period", "0d")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining(PREFIX + ".period must be positive");
    }

    private static EndedAlertRetentionProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate(PREFIX, EndedAlertRetentionProperties.class);
    }
}
