package org.childalert.kit.messaging;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Binding;
import org.springframework.cloud.stream.config.BindingProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/** Which queues lose an earlier version's catch-all binding: those whose consumer binding names its types. */
class CatchAllBindingRemovalTests {

    private final AmqpAdmin admin = mock(AmqpAdmin.class);

    @Test
    void removesTheCatchAllOfAQueueWhoseBindingNamesItsTypesAndLeavesTheOthers() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.cloud.stream.rabbit.bindings.notificationEvents-in-0.consumer.binding-routing-key",
                        "notifications.PoliceZoneAlerted.v1,notifications.PoliceAcknowledged.v1")
                .withProperty("spring.cloud.stream.rabbit.bindings.notificationEvents-in-0.consumer.binding-routing-key-delimiter", ",")
                .withProperty("spring.cloud.stream.rabbit.bindings.caseEvents-in-0.consumer.binding-routing-key", "#")
                .withProperty("spring.cloud.stream.rabbit.bindings.publishedEvents.producer.routing-key-expression",
                        "T(org.springframework.cloud.function.cloudevent.CloudEventMessageUtils).getType(#root)");
        BindingServiceProperties bindings = new BindingServiceProperties();
        bindings.setBindings(Map.of(
                "notificationEvents-in-0", binding("notifications.events", "alert-service"),
                "caseEvents-in-0", binding("cases.events", "alert-service"),
                "publishedEvents", binding("alerts.events", null)));

        List<String> queues = new CatchAllBindingRemoval(admin, bindings, environment).removeStaleCatchAllBindings();

        assertThat(queues).containsExactly("notifications.events.alert-service");
        ArgumentCaptor<Binding> removed = ArgumentCaptor.forClass(Binding.class);
        verify(admin, times(1)).removeBinding(removed.capture());
        assertThat(removed.getValue().getDestination()).isEqualTo("notifications.events.alert-service");
        assertThat(removed.getValue().getExchange()).isEqualTo("notifications.events");
        assertThat(removed.getValue().getRoutingKey()).isEqualTo("#");
    }

    private static BindingProperties binding(String destination, String group) {
        BindingProperties binding = new BindingProperties();
        binding.setDestination(destination);
        binding.setGroup(group);
        return binding;
    }
}
