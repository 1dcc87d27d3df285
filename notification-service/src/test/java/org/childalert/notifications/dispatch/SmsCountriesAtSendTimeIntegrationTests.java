package org.childalert.notifications.dispatch;

import org.childalert.notifications.providers.DeliveryFailedException;
import org.childalert.notifications.sms.TwilioSmsSender;
import com.github.tomakehurst.wiremock.client.WireMock;
import org.childalert.notifications.FakeProviders;
import org.childalert.notifications.NotificationServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Defence in depth (issue 12, finding 3): whatever path a number came by (a row written before the countries were
 * checked, a police contact imported), no SMS leaves for a number outside the allowed countries.
 */
@NotificationServiceTest
class SmsCountriesAtSendTimeIntegrationTests {

    @Autowired
    TwilioSmsSender sms;

    @Test
    void anSmsToANumberAbroadNeverReachesTwilio() {
        String abroad = "+12025550187";

        assertThatThrownBy(() -> sms.send(abroad, "CHILD ALERT: test"))
                .isInstanceOfSatisfying(DeliveryFailedException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("COUNTRY_NOT_ALLOWED");
                    assertThat(e.isTemporary()).isFalse();
                });
        assertThat(FakeProviders.twilio().findAll(WireMock.postRequestedFor(WireMock.urlEqualTo(FakeProviders.MESSAGES_PATH))
                .withFormParam("To", WireMock.equalTo(abroad)))).isEmpty();
    }
}
