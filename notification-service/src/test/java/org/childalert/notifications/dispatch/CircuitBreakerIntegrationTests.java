package org.childalert.notifications.dispatch;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.jayway.jsonpath.JsonPath;
import org.childalert.notifications.Callers;
import org.childalert.notifications.FakeProviders;
import org.childalert.notifications.NotificationServiceTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.childalert.notifications.dispatch.QueuedDeliveries.twilioAnswer;
import static org.childalert.notifications.dispatch.QueuedDeliveries.twilioError;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Twilio down (every message answered 500): after five consecutive failures (tests) the breaker opens and the
 * deliveries stay queued without using up their attempts; when Twilio is back, a trial call after the cool-down
 * (1 s in tests) closes it by itself and everything goes out.
 */
@NotificationServiceTest
class CircuitBreakerIntegrationTests {

    private static final int DELIVERIES = 150;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    private StubMapping outage;

    @AfterEach
    void twilioIsBack() {
        if (outage != null) {
            FakeProviders.twilio().removeStub(outage);
        }
    }

    @Test
    void opensWhenTwilioFailsLeavesDeliveriesQueuedAndClosesByItselfWhenTwilioIsBack() throws Exception {
        QueuedDeliveries queue = new QueuedDeliveries(jdbc);
        String prefix = "+32475" + (100 + (int) (Math.random() * 900)); // then 3 digits
        outage = FakeProviders.twilio().stubFor(twilioAnswer(matching(Pattern.quote(prefix) + "\\d{3}"),
                twilioError(500, 20500, "Internal Server Error")));
        long openedBefore = timesOpened();
        UUID alertId = queue.alert("Yellow raincoat.");
        List<UUID> deliveries = IntStream.range(0, DELIVERIES)
                .mapToObj(i -> queue.sms(alertId, prefix + "%03d".formatted(i)))
                .toList();

        await().atMost(Duration.ofSeconds(30)).until(() -> timesOpened() > openedBefore);
        // everything claimed so far was either tried (and is waiting for its retry) or given back untried
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                select count(*) from delivery where alert_id = :alertId and state = 'SENDING'
                """).param("alertId", alertId).query(Long.class).single() == 0);
        Set<String> calledDuringOutage = numbersAnswered500(prefix);
        assertThat(calledDuringOutage.size())
                .as("the breaker stopped the calls long before every delivery was tried once")
                .isLessThan(DELIVERIES / 2);

        FakeProviders.twilio().removeStub(outage);
        outage = null;

        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("""
                select count(*) from delivery where alert_id = :alertId and state in ('PENDING', 'SENDING')
                """).param("alertId", alertId).query(Long.class).single() == 0);
        await().atMost(Duration.ofSeconds(10)).until(() -> "CLOSED".equals(twilioState()));
        Set<String> calledInAll = numbersAnswered500(prefix);
        List<String> untriedDuringOutage = jdbc.sql("""
                select address || ' ' || state || ' ' || attempts from delivery where id in (:ids)
                """).param("ids", deliveries).query(String.class).list().stream()
                .filter(line -> !calledInAll.contains(line.split(" ")[0]))
                .toList();
        assertThat(untriedDuringOutage).isNotEmpty()
                .allSatisfy(line -> assertThat(line).as("left queued while Twilio was down, without losing an attempt")
                        .endsWith(" ACCEPTED 1"));
    }

    private long timesOpened() throws Exception {
        String health = mvc.perform(get("/actuator/health").with(Callers.admin())).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(health, "$.components.providerCircuits.details.twilioTimesOpened")).longValue();
    }

    private String twilioState() throws Exception {
        String health = mvc.perform(get("/actuator/health").with(Callers.admin())).andReturn().getResponse().getContentAsString();
        return JsonPath.read(health, "$.components.providerCircuits.details.twilio");
    }

    private static Set<String> numbersAnswered500(String prefix) {
        return FakeProviders.twilio().getAllServeEvents().stream()
                .filter(event -> event.getResponse().getStatus() == 500)
                .map(ServeEvent::getRequest)
                .map(request -> request.formParameters().get("To"))
                .filter(to -> to != null && to.firstValue().startsWith(prefix))
                .map(to -> to.firstValue())
                .collect(Collectors.toSet());
    }
}
