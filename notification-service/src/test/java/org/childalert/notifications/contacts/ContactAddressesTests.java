package org.childalert.notifications.contacts;

import java.util.Set;

import org.childalert.events.DeliveryChannel;
import org.childalert.kit.web.InvalidRequestException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContactAddressesTests {

    @Test
    void normalisesTheAddressesOfTheChosenChannels() {
        ContactAddresses addresses = ContactAddresses.of("0470123456", "an@example.org",
                Set.of(DeliveryChannel.SMS, DeliveryChannel.EMAIL));

        assertThat(addresses.phone()).isEqualTo("+32470123456");
        assertThat(addresses.email()).isEqualTo("an@example.org");
        assertThat(addresses.channels()).containsExactlyInAnyOrder(DeliveryChannel.SMS, DeliveryChannel.EMAIL);
    }

    @Test
    void needsAPhoneNumberForTheSmsChannel() {
        assertThatThrownBy(() -> ContactAddresses.of(null, "an@example.org", Set.of(DeliveryChannel.SMS)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems().get(0).field()).isEqualTo("phone"));
    }

    @Test
    void needsAnEmailAddressForTheEmailChannel() {
        assertThatThrownBy(() -> ContactAddresses.of("0470123456", " ", Set.of(DeliveryChannel.EMAIL)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems().get(0).field()).isEqualTo("email"));
    }

    @Test
    void refusesAnInvalidNumberEvenOnAChannelNotChosen() {
        assertThatThrownBy(() -> ContactAddresses.of("12", "an@example.org", Set.of(DeliveryChannel.EMAIL)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems().get(0).field()).isEqualTo("phone"));
    }

    @Test
    void needsAtLeastOneChannel() {
        assertThatThrownBy(() -> ContactAddresses.of("0470123456", "an@example.org", Set.of()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems().get(0).field()).isEqualTo("channels"));
    }
}
