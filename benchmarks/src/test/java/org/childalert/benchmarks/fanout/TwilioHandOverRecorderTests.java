package org.childalert.benchmarks.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TwilioHandOverRecorderTests {

    @Test
    void readsTheRecipientFromTheFormTheTwilioSdkPosts() {
        String body = "Body=Child+Alert%3A+Lina%2C+12&To=%2B32470000001&From=%2B32460000000"
                + "&StatusCallback=http%3A%2F%2Flocalhost%3A8080%2Fapi%2Fwebhooks%2Ftwilio%2Fstatus";

        assertThat(TwilioHandOverRecorder.formValue(body, "To")).isEqualTo("+32470000001");
        assertThat(TwilioHandOverRecorder.formValue(body, "Body")).isEqualTo("Child Alert: Lina, 12");
    }

    @Test
    void aFormWithoutTheFieldHasNoValue() {
        assertThat(TwilioHandOverRecorder.formValue("From=%2B32460000000&Body=hi", "To")).isNull();
        assertThat(TwilioHandOverRecorder.formValue("", "To")).isNull();
    }
}
