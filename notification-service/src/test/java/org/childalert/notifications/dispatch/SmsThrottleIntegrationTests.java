package org.childalert.notifications.dispatch;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.childalert.notifications.FakeProviders;
import org.childalert.notifications.NotificationServiceTest;
import org.childalert.notifications.contacts.SmsCountries;
import org.childalert.notifications.email.EmailSender;
import org.childalert.notifications.providers.CircuitBreakerProperties;
import org.childalert.notifications.providers.ProviderCircuits;
import org.childalert.notifications.providers.SendingProperties;
import org.childalert.notifications.sms.SmsThrottle;
import org.childalert.notifications.sms.SmsThrottleProperties;
import org.childalert.notifications.sms.TwilioProperties;
import org.childalert.notifications.sms.TwilioSmsSender;
import org.childalert.notifications.templates.MessageTemplates;
import org.childalert.notifications.templates.SmsSegments;
import org.childalert.kit.messaging.TraceContexts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two dispatchers on the same database, as two instances of the service would be: the service's own, and a second
 * one built here from its own throttle, Twilio client, outcome recorder and breakers. Together they never send the
 * sender more than its limit (100 segments per second in tests) in any one-second window, as counted by the
 * Twilio fake when each request arrived (the test counts every request from the sender since it started); and no
 * message goes out twice.
 */
@NotificationServiceTest
class SmsThrottleIntegrationTests {

    private static final int MESSAGES = 240;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TraceContexts traces;

    @Autowired
    NamedParameterJdbcTemplate namedJdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    DeliveryQueue deliveryQueue;

    @Autowired
    MessageTemplates templates;

    @Autowired
    EmailSender email;

    @Autowired
    TwilioSmsSender firstSender;

    @Autowired
    EmailFallbacks fallbacks;

    @Autowired
    TwilioProperties twilio;

    @Autowired
    SmsThrottleProperties throttle;

    @Autowired
    SendingProperties sending;

    @Autowired
    DeliveryProperties delivery;

    @Autowired
    CircuitBreakerProperties breakers;

    @Autowired
    StoredAlertNotices storedNotices;

    @Autowired
    SmsCountries smsCountries;

    @Autowired
    DeliveryProgressEvents progressEvents;

    @Test
    void twoDispatchersTogetherStayWithinTheSendersSegmentsPerSecondAndSendEachMessageOnce() throws Exception {
        DeliveryOutcomes secondOutcomes = new DeliveryOutcomes(namedJdbc, transactions, events, fallbacks, progressEvents, sending);
        TwilioSmsSender secondSender = new TwilioSmsSender(twilio, sending, new SmsThrottle(jdbc, transactions, throttle), smsCountries);
        DeliveryDispatcher second = new DeliveryDispatcher(deliveryQueue, storedNotices, templates, secondSender, email, secondOutcomes,
                new ProviderCircuits(breakers, new SimpleMeterRegistry()), transactions, delivery, sending, traces);
        // a first message through each instance, so that what a cold JVM does once (loading the SDK's classes,
        // compiling) does not hold back the messages counted below; they are throttled and counted like any other
        String warmUp = QueuedDeliveries.randomMobile("+32476");
        long since = System.currentTimeMillis();
        secondSender.send(warmUp, "CHILD ALERT: warming up");
        firstSender.send(warmUp, "CHILD ALERT: warming up");

        QueuedDeliveries queue = new QueuedDeliveries(jdbc);
        // long enough to take two segments
        UUID alertId = queue.alert("Seen near the canal in a dark blue winter coat with a red hood, grey trousers, "
                + "white trainers and a green school bag with reflective stripes; may be with an adult in a grey van.");
        String prefix = "+32476" + (100 + (int) (Math.random() * 900));
        List<String> phones = IntStream.range(0, MESSAGES).mapToObj(i -> prefix + "%03d".formatted(i)).toList();
        AtomicBoolean settled = new AtomicBoolean();
        ExecutorService secondInstance = Executors.newSingleThreadExecutor();
        Future<Integer> handedOutBySecond = secondInstance.submit(() -> {
            int total = 0;
            while (!settled.get()) {
                total += second.dispatchPending();
                TimeUnit.MILLISECONDS.sleep(20);
            }
            return total;
        });
        phones.forEach(phone -> queue.sms(alertId, phone));
        try {
            await().atMost(Duration.ofSeconds(120)).until(() -> unsettled(alertId) == 0);
        } finally {
            settled.set(true);
            int bySecond = handedOutBySecond.get(30, TimeUnit.SECONDS);
            secondInstance.shutdownNow();
            second.destroy();
            secondOutcomes.destroy();
            assertThat(bySecond).as("the second dispatcher took part").isPositive().isLessThan(MESSAGES);
        }

        assertThat(jdbc.sql("select count(*) from delivery where alert_id = :alertId and state = 'ACCEPTED' and attempts = 1")
                .param("alertId", alertId).query(Long.class).single()).isEqualTo(MESSAGES);
        Map<String, Long> requestsPerPhone = FakeProviders.twilio().findAll(postRequestedFor(urlEqualTo(FakeProviders.MESSAGES_PATH)))
                .stream().map(request -> request.formParameters().get("To").firstValue())
                .filter(new java.util.HashSet<>(phones)::contains) // not the warm-up's number, even when it shares the prefix
                .collect(Collectors.groupingBy(to -> to, Collectors.counting()));
        assertThat(requestsPerPhone).hasSize(MESSAGES).allSatisfy((phone, requests) -> assertThat(requests).isEqualTo(1));

        List<LoggedRequest> fromTheSender = FakeProviders.twilio()
                .findAll(postRequestedFor(urlEqualTo(FakeProviders.MESSAGES_PATH)).withFormParam("From", equalTo(twilio.fromNumber())))
                .stream().filter(request -> request.getLoggedDate().getTime() >= since)
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate)).toList();
        int busiestSecond = busiestOneSecondWindow(fromTheSender);
        assertThat(SmsSegments.count(fromTheSender.get(fromTheSender.size() - 1).formParameters().get("Body").firstValue()))
                .isEqualTo(2);
        long first = fromTheSender.get(0).getLoggedDate().getTime();
        assertThat(busiestSecond).as("segments in the busiest one-second window; segments per 100 ms from the first request: %s",
                        fromTheSender.stream().collect(Collectors.groupingBy(request -> (request.getLoggedDate().getTime() - first) / 100,
                                java.util.TreeMap::new, Collectors.summingInt(SmsThrottleIntegrationTests::segments))))
                .isLessThanOrEqualTo(throttle.segmentsPerSecond());
    }

    /** The most segments that arrived within any one second, windows starting at each request. */
    private static int busiestOneSecondWindow(List<LoggedRequest> requests) {
        int busiest = 0;
        int end = 0;
        int inWindow = 0;
        for (int start = 0; start < requests.size(); start++) {
            long windowEnd = requests.get(start).getLoggedDate().getTime() + 1000;
            while (end < requests.size() && requests.get(end).getLoggedDate().getTime() < windowEnd) {
                inWindow += segments(requests.get(end));
                end++;
            }
            busiest = Math.max(busiest, inWindow);
            inWindow -= segments(requests.get(start));
        }
        return busiest;
    }

    private static int segments(LoggedRequest request) {
        return SmsSegments.count(request.formParameters().get("Body").firstValue());
    }

    private long unsettled(UUID alertId) {
        return jdbc.sql("select count(*) from delivery where alert_id = :alertId and state in ('PENDING', 'SENDING')")
                .param("alertId", alertId).query(Long.class).single();
    }
}
