package org.childalert.kit.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;

import org.childalert.kit.messaging.CloudEventHeaders;
import org.childalert.kit.messaging.EventCatalogue;
import org.childalert.kit.messaging.EventJson;
import org.childalert.kit.messaging.InboundEvents;
import org.mockito.Mockito;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import static org.mockito.ArgumentMatchers.any;

/**
 * A consumer's side of the event contract, checked without a broker or a database: the golden samples of the
 * {@code events} module's test-jar as the broker delivers them, read by {@link InboundEvents} as the kit reads
 * them, and the routing keys a consumer binding names in the service's {@code application.yml}.
 */
public final class ConsumerContract {

    private ConsumerContract() {
    }

    /** The golden sample of a type ({@code /events/<type name>.json}) as a message with its {@code ce-type}. */
    public static Message<byte[]> goldenSample(String typeName) {
        try (InputStream in = ConsumerContract.class.getResourceAsStream("/events/" + typeName + ".json")) {
            if (in == null) {
                throw new AssertionError("No golden sample of " + typeName + " (the events module's test-jar)");
            }
            return MessageBuilder.withPayload(in.readAllBytes()).setHeader(CloudEventHeaders.TYPE, typeName).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@link InboundEvents} that decodes with the service's catalogue as the kit does and hands every delivery to the
     * handler (the de-duplication, which needs the database, is the kit's and tested there).
     */
    @SuppressWarnings("unchecked")
    public static InboundEvents decodingWithoutADatabase(EventCatalogue<?> catalogue) {
        EventJson json = new EventJson(List.of());
        InboundEvents inbound = Mockito.mock(InboundEvents.class);
        Mockito.when(inbound.decode(any())).thenAnswer(invocation -> {
            Message<byte[]> message = invocation.getArgument(0);
            Class<?> recordType = catalogue.recordTypes().get((String) message.getHeaders().get(CloudEventHeaders.TYPE));
            return java.util.Optional.ofNullable(recordType).map(type -> json.read(message.getPayload(), type));
        });
        Mockito.doAnswer(invocation -> {
            ((Consumer<Object>) invocation.getArgument(1)).accept(invocation.getArgument(0));
            return null;
        }).when(inbound).handleOnce(any(), any());
        return inbound;
    }

    /** The routing keys the service's {@code application.yml} binds a RabbitMQ consumer binding's queue with. */
    public static List<String> boundRoutingKeys(String binding) {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        Properties properties = yaml.getObject();
        String prefix = "spring.cloud.stream.rabbit.bindings." + binding + ".consumer.";
        String keys = properties.getProperty(prefix + "binding-routing-key");
        if (keys == null) {
            throw new AssertionError("application.yml binds " + binding + " with no routing key");
        }
        String delimiter = properties.getProperty(prefix + "binding-routing-key-delimiter");
        return delimiter == null ? List.of(keys) : Arrays.asList(keys.split(java.util.regex.Pattern.quote(delimiter)));
    }
}
