package org.childalert.notifications.sms;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.rest.api.v2010.account.Message;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TwilioDatesTests {

    private static Message read(ObjectMapper mapper, String created, String updated) {
        String json = """
                {"account_sid": "AC00000000000000000000000000000000", "api_version": "2010-04-01", "body": "x",
                 "date_created": "%s", "date_sent": null, "date_updated": "%s", "direction": "outbound-api",
                 "error_code": null, "error_message": null, "from": "+32460000000", "messaging_service_sid": null,
                 "num_media": "0", "num_segments": "1", "price": null, "price_unit": "USD",
                 "sid": "SM00000000000000000000000000000000", "status": "queued", "to": "+32470000000",
                 "uri": "/2010-04-01/Accounts/AC00000000000000000000000000000000/Messages/SM00000000000000000000000000000000.json"}
                """.formatted(created, updated);
        return Message.fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), mapper);
    }

    @Test
    void readsEveryDateAsTheSdkDoesWhetherItRepeatsOrChanges() {
        ObjectMapper sdk = new ObjectMapper();
        ObjectMapper remembering = new ObjectMapper();
        TwilioDates.rememberLastDate(remembering);

        String[][] answers = {
                {"Thu, 01 Jan 2026 12:00:00 +0000", "Thu, 01 Jan 2026 12:00:00 +0000"},
                {"Thu, 01 Jan 2026 12:00:00 +0000", "Thu, 01 Jan 2026 12:00:01 +0000"},
                {"Thu, 01 Jan 2026 12:00:01 +0000", "Thu, 01 Jan 2026 12:00:01 +0000"},
                {"Sat, 05 Dec 2026 16:00:00 +0100", "Sat, 05 Dec 2026 16:00:00 +0100"},
        };
        for (String[] answer : answers) {
            Message expected = read(sdk, answer[0], answer[1]);
            Message actual = read(remembering, answer[0], answer[1]);
            assertThat(actual.getDateCreated()).isEqualTo(expected.getDateCreated());
            assertThat(actual.getDateUpdated()).isEqualTo(expected.getDateUpdated());
            assertThat(actual.getDateSent()).isNull();
        }
        assertThat(read(remembering, answers[3][0], answers[3][1]).getDateCreated().toInstant())
                .isEqualTo(ZonedDateTime.of(2026, 12, 5, 15, 0, 0, 0, ZoneOffset.UTC).toInstant());
    }

    @Test
    void parsesARepeatedDateOnceAndKeepsTheSdksOwnReaderForEveryOtherMapper() {
        ObjectMapper remembering = new ObjectMapper();
        TwilioDates.rememberLastDate(remembering);
        String second = "Thu, 01 Jan 2026 12:00:00 +0000";

        Message first = read(remembering, second, second);
        Message again = read(remembering, second, second);

        // the very same date object: the string of the same second was not parsed again
        assertThat(again.getDateCreated()).isSameAs(first.getDateCreated());
        ObjectMapper sdk = new ObjectMapper();
        assertThat(read(sdk, second, second).getDateCreated()).isNotSameAs(read(sdk, second, second).getDateCreated());
    }
}
