package org.childalert.notifications.contacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

import static org.assertj.core.api.Assertions.assertThat;

/** The check made as every SMS leaves answers exactly as libphonenumber's region of the number. */
class SmsCountriesTests {

    private final SmsCountries countries = new SmsCountries(new SmsCountries.Properties(List.of("BE", "NL", "FR", "DE", "LU")));
    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();

    @Test
    void allowsTheNumbersOfBelgiumAndItsNeighboursOnly() {
        assertThat(countries.allows("+32470000000")).isTrue();
        assertThat(countries.allows("+31612345678")).isTrue();
        assertThat(countries.allows("+33612345678")).isTrue();
        assertThat(countries.allows("+4915112345678")).isTrue();
        assertThat(countries.allows("+352621123456")).isTrue();
        assertThat(countries.allows("+12025550123")).isFalse();
        assertThat(countries.allows("+447700900123")).isFalse();
        assertThat(countries.allows("+590690123456")).as("Guadeloupe has a code of its own").isFalse();
        assertThat(countries.allows("+88212345678")).as("a non-geographic number").isFalse();
        assertThat(countries.allows(null)).isFalse();
    }

    @Test
    void answersAsLibphonenumbersRegionForEveryCallingCodeAndLength() {
        List<String> numbers = new ArrayList<>();
        for (int code : util.getSupportedCallingCodes()) {
            for (int national = 1; national <= 16; national++) {
                numbers.add("+" + code + "4712345678901234".substring(0, national));
            }
        }
        numbers.addAll(List.of("+999123456789", "+0123456789", "+32 470 00 00 00", "+32-470000000", "32470000000",
                "+", "", "+3", "+32470000000000000"));
        for (String number : numbers) {
            assertThat(countries.allows(number)).as(number).isEqualTo(byParsing(number));
        }
    }

    private boolean byParsing(String number) {
        try {
            return Optional.ofNullable(util.getRegionCodeForNumber(util.parse(number, "BE")))
                    .filter(countries.allowed()::contains).isPresent();
        } catch (NumberParseException e) {
            return false;
        }
    }
}
