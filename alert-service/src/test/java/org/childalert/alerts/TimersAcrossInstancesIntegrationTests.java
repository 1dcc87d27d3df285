package org.childalert.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.childalert.alerts.Escalations.ALL_CRITERIA_MET;
import static org.childalert.alerts.Escalations.escalation;
import static org.childalert.alerts.Escalations.someCoordinator;
import static org.childalert.alerts.Tokens.officer;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.childalert.alerts.lifecycle.EscalationIntake;
import org.childalert.events.CaseEscalationRequested;
import org.childalert.events.DisclosureLevel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Timers live in the database: they survive a restart of the service, and with two instances polling the same
 * database each timer fires exactly once. Each instance is a whole application context of its own on the test
 * database and broker, running on the shared {@link MovableClock}.
 */
class TimersAcrossInstancesIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final MovableClock CLOCK = MovableClock.SHARED;

    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

    @AfterEach
    void stopInstances() {
        instances.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void aWideningDueWhileTheServiceWasDownHappensOnceAfterTheRestart() throws Exception {
        ConfigurableApplicationContext first = startInstance();
        UUID id = issue(first, DisclosureLevel.TARGETED);
        first.close();

        CLOCK.advance(Duration.ofMinutes(61));
        ConfigurableApplicationContext restarted = startInstance();
        JdbcClient jdbc = restarted.getBean(JdbcClient.class);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(radiusOf(jdbc, id)).isEqualTo(15.0));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> outboxCount(jdbc, id, "alerts.AlertWidened.v1") == 1);
        assertThat(firedTimers(jdbc, id, "WIDENING")).isEqualTo(1);
    }

    @Test
    void twoInstancesSideBySideFireEachTimerExactlyOnce() throws Exception {
        ConfigurableApplicationContext one = startInstance();
        ConfigurableApplicationContext two = startInstance();
        List<UUID> alerts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            alerts.add(issue(i % 2 == 0 ? one : two, DisclosureLevel.TARGETED));
        }
        JdbcClient jdbc = one.getBean(JdbcClient.class);

        CLOCK.advance(Duration.ofHours(13)); // both widening steps (1 h, 3 h) and the 12 h expiry are due

        await().atMost(PATIENCE).untilAsserted(() -> {
            for (UUID id : alerts) {
                assertThat(statusOf(jdbc, id)).isEqualTo("EXPIRED");
            }
        });
        for (UUID id : alerts) {
            assertThat(outboxCount(jdbc, id, "alerts.AlertWidened.v1")).as("widenings of %s", id).isEqualTo(2);
            assertThat(outboxCount(jdbc, id, "alerts.AlertExpired.v1")).as("expiries of %s", id).isEqualTo(1);
            assertThat(radiusOf(jdbc, id)).isEqualTo(40.0);
            assertThat(firedTimers(jdbc, id, "WIDENING")).isEqualTo(2);
            assertThat(firedTimers(jdbc, id, "EXPIRY")).isEqualTo(1);
        }
    }

    private ConfigurableApplicationContext startInstance() {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(AlertServiceApplication.class,
                MovableClock.Configuration.class)
                .profiles("test")
                .run("--server.port=0", "--childalert.timers.poll-interval=100ms");
        instances.add(context);
        return context;
    }

    private static UUID issue(ConfigurableApplicationContext instance, DisclosureLevel level) throws Exception {
        CaseEscalationRequested request = escalation(level, ALL_CRITERIA_MET, someCoordinator());
        instance.getBean(EscalationIntake.class).open(request);
        MockMvc mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) instance).apply(springSecurity()).build();
        mvc.perform(post("/api/alerts/{id}/approval", request.alertId()).with(officer("bob")))
                .andExpect(status().isOk());
        return request.alertId();
    }

    private static double radiusOf(JdbcClient jdbc, UUID id) {
        return jdbc.sql("select radius_km from alert where id = :id").param("id", id).query(Double.class).single();
    }

    private static String statusOf(JdbcClient jdbc, UUID id) {
        return jdbc.sql("select status from alert where id = :id").param("id", id).query(String.class).single();
    }

    private static long outboxCount(JdbcClient jdbc, UUID id, String type) {
        return jdbc.sql("select count(*) from outbox_event where subject_id = :id and type_name = :type")
                .param("id", id).param("type", type).query(Long.class).single();
    }

    private static long firedTimers(JdbcClient jdbc, UUID id, String kind) {
        return jdbc.sql("select count(*) from alert_timer where alert_id = :id and kind = :kind and fired_at is not null")
                .param("id", id).param("kind", kind).query(Long.class).single();
    }
}
