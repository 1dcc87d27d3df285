package org.childalert.cases;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.childalert.kit.test.TestBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The broker goes away while coordinators keep working: their requests still succeed, the events wait in the
 * outbox, and they are published once the broker is reachable again.
 *
 * <p>Runs in a JVM of its own (see the pom's {@code broker-outage} execution): the other test classes' cached
 * application contexts would otherwise keep relaying the shared outbox over a working connection and publish
 * this test's event behind the proxy's back.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class BrokerOutageIntegrationTests {

    private static final CuttableTcpProxy proxy = startProxy();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void throughTheProxy(DynamicPropertyRegistry registry) {
        registry.add("spring.rabbitmq.port", proxy::port);
    }

    @AfterAll
    static void stopProxy() throws IOException {
        proxy.close();
    }

    @Test
    void anEventRecordedWhileTheBrokerIsUnreachableIsPublishedOnceItIsBack() throws Exception {
        try (TestBroker broker = new TestBroker()) {
            String queue = broker.listen("cases.events", "cases.CaseEscalationRequested.v1");
            proxy.cut();

            String caseId = JsonPath.read(mvc.perform(post("/api/cases").with(Callers.alice())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(Cases.criminalAbductionOf("Outage-" + UUID.randomUUID(), LocalDate.of(2013, 5, 1))))
                    .andExpect(status().isCreated())
                    .andReturn().getResponse().getContentAsString(), "$.id");
            mvc.perform(post("/api/cases/" + caseId + "/escalations").with(Callers.alice())
                            .contentType(MediaType.APPLICATION_JSON).content(Cases.targetedEscalation(10)))
                    .andExpect(status().isCreated());

            await().atMost(Duration.ofSeconds(20)).until(() -> failedAttempts(caseId) > 0);
            assertThat(published(caseId)).isFalse();

            proxy.restore();

            Message message = await().atMost(Duration.ofSeconds(30)).until(() -> {
                Message received = broker.receive(queue, 500);
                return received != null && new String(received.getBody(), StandardCharsets.UTF_8).contains(caseId)
                        ? received : null;
            }, m -> m != null);
            assertThat(message.getMessageProperties().<String>getHeader("cloudEvents:type"))
                    .isEqualTo("cases.CaseEscalationRequested.v1");
            await().atMost(Duration.ofSeconds(5)).until(() -> published(caseId));
        }
    }

    private int failedAttempts(String caseId) {
        return jdbc.sql("""
                select coalesce(max(attempts), 0) from outbox_event
                where payload ->> 'caseId' = :caseId and last_error is not null
                """).param("caseId", caseId).query(Integer.class).single();
    }

    private boolean published(String caseId) {
        return jdbc.sql("select bool_and(published_at is not null) from outbox_event where payload ->> 'caseId' = :caseId")
                .param("caseId", caseId).query(Boolean.class).single();
    }

    private static CuttableTcpProxy startProxy() {
        try {
            return new CuttableTcpProxy("127.0.0.1", 5672);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
