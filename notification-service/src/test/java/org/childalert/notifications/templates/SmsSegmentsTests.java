package org.childalert.notifications.templates;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SmsSegmentsTests {

    @Test
    void fitsOneHundredSixtyGsmCharactersInOneSegment() {
        assertThat(SmsSegments.count("a".repeat(160))).isEqualTo(1);
        assertThat(SmsSegments.count("a".repeat(161))).isEqualTo(2);
    }

    @Test
    void countsOneHundredFiftyThreeGsmCharactersPerConcatenatedSegment() {
        assertThat(SmsSegments.count("a".repeat(306))).isEqualTo(2);
        assertThat(SmsSegments.count("a".repeat(307))).isEqualTo(3);
    }

    @Test
    void countsExtensionCharactersAsTwoSeptets() {
        assertThat(SmsSegments.count("€".repeat(80))).isEqualTo(1);
        assertThat(SmsSegments.count("€".repeat(81))).isEqualTo(2);
    }

    @Test
    void treatsAccentsOfTheGsmAlphabetAsGsm() {
        assertThat(SmsSegments.isGsm7("Vu pour la dernière fois à Liège, déjà")).isTrue();
    }

    @Test
    void switchesTheWholeMessageToUcs2ForOneCharacterOutsideGsm() {
        String zoe = "Zoë " + "a".repeat(66);
        assertThat(SmsSegments.isGsm7(zoe)).isFalse();
        assertThat(SmsSegments.count(zoe)).isEqualTo(1);
        assertThat(SmsSegments.count(zoe + "a")).isEqualTo(2);
        assertThat(SmsSegments.count("ë".repeat(134))).isEqualTo(2);
        assertThat(SmsSegments.count("ë".repeat(135))).isEqualTo(3);
    }

    @Test
    void countsNothingForAnEmptyText() {
        assertThat(SmsSegments.count("")).isZero();
    }
}
