package org.childalert.notifications.sms;

import java.io.IOException;
import java.time.ZonedDateTime;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.HandlerInstantiator;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.jsontype.TypeIdResolver;
import com.fasterxml.jackson.databind.jsontype.TypeResolverBuilder;
import com.twilio.converter.RFC2822Deserializer;

/**
 * The Twilio SDK reads every answer's dates ({@code "Thu, 01 Jan 2026 12:00:00 +0000"}) with a
 * {@code DateTimeFormatter}, two or three per message: about half of reading a {@code Message}, and a
 * fourteenth of the service's CPU in a national fan-out, in a JFR profile. Within a fan-out the answers of one
 * second carry the same date string, so each of the SDK's date readers remembers the last string it read and the
 * date it made of it, and parses only a new string, exactly as the SDK does. Installed on the SDK client's own
 * mapper through Jackson's {@link HandlerInstantiator}, which makes the deserializers named by the SDK's
 * {@code @JsonDeserialize(using = RFC2822Deserializer.class)}.
 */
final class TwilioDates {

    private TwilioDates() {
    }

    /** Makes {@code mapper} read RFC 2822 dates through {@link RememberingLastDate}. */
    static void rememberLastDate(ObjectMapper mapper) {
        mapper.setHandlerInstantiator(new Instantiator());
    }

    /** The SDK's reader, remembering the last string it read (one per thread: a date is one token). */
    static final class RememberingLastDate extends RFC2822Deserializer {

        private record Last(String text, ZonedDateTime date) {
        }

        private final ThreadLocal<Last> last = new ThreadLocal<>();

        @Override
        public ZonedDateTime deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.getText();
            Last seen = last.get();
            if (seen != null && seen.text().equals(text)) {
                return seen.date();
            }
            ZonedDateTime date = super.deserialize(parser, context);
            if (text != null && date != null) {
                last.set(new Last(text, date));
            }
            return date;
        }
    }

    private static final class Instantiator extends HandlerInstantiator {

        @Override
        public JsonDeserializer<?> deserializerInstance(DeserializationConfig config, Annotated annotated,
                                                        Class<?> deserializerClass) {
            return deserializerClass == RFC2822Deserializer.class ? new RememberingLastDate() : null;
        }

        @Override
        public KeyDeserializer keyDeserializerInstance(DeserializationConfig config, Annotated annotated,
                                                       Class<?> keyDeserializerClass) {
            return null;
        }

        @Override
        public com.fasterxml.jackson.databind.JsonSerializer<?> serializerInstance(
                com.fasterxml.jackson.databind.SerializationConfig config, Annotated annotated, Class<?> serializerClass) {
            return null;
        }

        @Override
        public TypeResolverBuilder<?> typeResolverBuilderInstance(MapperConfig<?> config, Annotated annotated,
                                                                   Class<?> builderClass) {
            return null;
        }

        @Override
        public TypeIdResolver typeIdResolverInstance(MapperConfig<?> config, Annotated annotated, Class<?> resolverClass) {
            return null;
        }
    }
}
