package org.childalert.cases.messaging;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;

import org.childalert.cases.escalation.AlertActivity;
import org.childalert.cases.escalation.AlertProgress;
import org.childalert.events.EventType;
import org.childalert.kit.messaging.CloudEventHeaders;
import org.childalert.kit.messaging.EventJson;
import org.childalert.kit.messaging.InboundEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mockito.Mockito;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

/**
 * This service's side of the event contract: the golden samples of the events module, as they come off the broker,
 * go through {@link AlertEventsListener} into the escalation feature; and the queue is bound to exactly the types
 * the listener hands on (issue 16), no more.
 */
class EventContractTests {

    private static final String BINDING = "spring.cloud.stream.rabbit.bindings.alertEvents-in-0.consumer.";

    private final EventJson json = new EventJson(List.of());
    private final AlertProgress progress = mock(AlertProgress.class);
    private final AlertActivity activity = mock(AlertActivity.class);
    private final Consumer<Message<byte[]>> listener = new AlertEventsListener()
            .alertEvents(inboundEventsWithoutADatabase(), progress, activity);

    @Test
    void readsAnIssuedAlertIntoTheCasesProgress() throws IOException {
        listener.accept(sample("alerts.AlertIssued.v1"));

        verify(progress).issued(UUID.fromString("a3f1c2d4-5b6e-4f70-8a91-b2c3d4e5f601"),
                UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7"), Instant.parse("2026-11-28T09:52:00Z"), "bob");
    }

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = {"ALERT_.*", "ACKNOWLEDGEMENT_.*"}, mode = EnumSource.Mode.MATCH_ANY)
    void bindsTheQueueToAnAlertsTypeExactlyWhenTheListenerHandsItOn(EventType type) throws IOException {
        listener.accept(sample(type.typeName()));

        int calls = Mockito.mockingDetails(progress).getInvocations().size()
                + Mockito.mockingDetails(activity).getInvocations().size();
        assertThat(calls).as("feature calls for " + type.typeName()).isLessThanOrEqualTo(1);
        assertThat(boundRoutingKeys().contains(type.typeName())).as("bound to " + type.typeName()).isEqualTo(calls == 1);
    }

    @Test
    void bindsOnlyTypesOfTheAlertsExchange() {
        assertThat(boundRoutingKeys()).isNotEmpty().allSatisfy(key -> assertThat(EventType.ofTypeName(key))
                .hasValueSatisfying(type -> assertThat(type.source()).isEqualTo(EventType.Source.ALERTS)));
    }

    /** Decodes as the kit does; handles every delivery (de-duplication is the kit's, tested there). */
    @SuppressWarnings("unchecked")
    private InboundEvents inboundEventsWithoutADatabase() {
        InboundEvents inbound = mock(InboundEvents.class);
        Mockito.when(inbound.decode(any())).thenAnswer(invocation -> {
            Message<byte[]> message = invocation.getArgument(0);
            String typeName = (String) message.getHeaders().get(CloudEventHeaders.TYPE);
            return EventType.ofTypeName(typeName).map(type -> json.read(message.getPayload(), type.recordType()));
        });
        Mockito.doAnswer(invocation -> {
            ((Consumer<Object>) invocation.getArgument(1)).accept(invocation.getArgument(0));
            return null;
        }).when(inbound).handleOnce(any(), any());
        return inbound;
    }

    private static List<String> boundRoutingKeys() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        Properties properties = yaml.getObject();
        String keys = properties.getProperty(BINDING + "binding-routing-key");
        String delimiter = properties.getProperty(BINDING + "binding-routing-key-delimiter");
        return delimiter == null ? List.of(keys) : Arrays.asList(keys.split(delimiter));
    }

    private static Message<byte[]> sample(String typeName) throws IOException {
        try (InputStream in = EventContractTests.class.getResourceAsStream("/events/" + typeName + ".json")) {
            assertThat(in).as("golden sample of " + typeName).isNotNull();
            return MessageBuilder.withPayload(in.readAllBytes()).setHeader(CloudEventHeaders.TYPE, typeName).build();
        }
    }
}
