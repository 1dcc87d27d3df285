package org.childalert.notifications.contacts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumbersTests {

    @Test
    void readsABelgianMobileNumberTypedNationallyAsE164() {
        assertThat(PhoneNumbers.toE164("0470 12 34 56")).contains("+32470123456");
    }

    @Test
    void keepsAnInternationalNumberFromAnotherCountry() {
        assertThat(PhoneNumbers.toE164("+31 6 12345678")).contains("+31612345678");
    }

    @Test
    void rejectsNumbersThatCannotBeDialled() {
        assertThat(PhoneNumbers.toE164("0470 12")).isEmpty();
        assertThat(PhoneNumbers.toE164("call me maybe")).isEmpty();
        assertThat(PhoneNumbers.toE164("")).isEmpty();
        assertThat(PhoneNumbers.toE164(null)).isEmpty();
    }

    @Test
    void masksAllButTheOperatorPrefixAndTheLastTwoDigits() {
        assertThat(PhoneNumbers.masked("+32470123456")).isEqualTo("+32 470 ** ** 56");
    }
}
