package org.childalert.notifications.replies;

import org.childalert.events.RecipientKind;
import org.childalert.events.ReplyKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ReplyClassifierTests {

    @ParameterizedTest
    @ValueSource(strings = {"SEEN", "seen", " Gezien ", "vu", "VU!", "gesehen."})
    void readsSeenInEveryLanguage(String body) {
        assertThat(ReplyClassifier.classify(body, RecipientKind.VOLUNTEER))
                .isEqualTo(new ReplyClassifier.Classified(ReplyKind.SEEN, null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "SIGHTING red jacket at Rogier|red jacket at Rogier",
            "waarneming: rode jas aan de tram|rode jas aan de tram",
            "Observation - gare du Midi, 10h05|gare du Midi, 10h05",
            "SICHTUNG am Bahnhof|am Bahnhof"})
    void readsASightingAndKeepsWhatItSays(String body, String text) {
        assertThat(ReplyClassifier.classify(body, RecipientKind.VOLUNTEER))
                .isEqualTo(new ReplyClassifier.Classified(ReplyKind.SIGHTING, text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ACK", "ack", "Ontvangen", "RECU", "reçu", "Erhalten"})
    void aPoliceContactAcknowledgesAndAVolunteerWhoSaysTheSameHasSeenIt(String body) {
        assertThat(ReplyClassifier.classify(body, RecipientKind.POLICE).kind()).isEqualTo(ReplyKind.ACK);
        assertThat(ReplyClassifier.classify(body, RecipientKind.VOLUNTEER).kind()).isEqualTo(ReplyKind.SEEN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"I think I saw her near the church", "seen her at the station", "Vu au parc"})
    void otherTextFromAVolunteerIsASightingAndFromThePoliceIsOther(String body) {
        assertThat(ReplyClassifier.classify(body, RecipientKind.VOLUNTEER))
                .isEqualTo(new ReplyClassifier.Classified(ReplyKind.SIGHTING, body));
        assertThat(ReplyClassifier.classify(body, RecipientKind.POLICE))
                .isEqualTo(new ReplyClassifier.Classified(ReplyKind.OTHER, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void anEmptyReplyIsOther(String body) {
        assertThat(ReplyClassifier.classify(body, RecipientKind.VOLUNTEER).kind()).isEqualTo(ReplyKind.OTHER);
        assertThat(ReplyClassifier.classify(null, RecipientKind.POLICE).kind()).isEqualTo(ReplyKind.OTHER);
    }
}
