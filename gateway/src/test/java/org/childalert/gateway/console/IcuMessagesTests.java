package org.childalert.gateway.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15, "plurals come out as '(1 ans)', '(1 Jahre)' and '1 cases'": the console's counted texts are ICU plural
 * messages, formatted by the CLDR rules of each of its four languages, for 0, 1, 2 and many. French puts 0 in the
 * singular ("0 jour"), which java.text's choice format (the console's former plurals) could not say; a million
 * is written with each language's grouping. The other messages are formatted as before.
 */
class IcuMessagesTests {

    /** French groups digits with a narrow no-break space. */
    private static final String NNBSP = "\u202f";

    private final MessageSource messages = new IcuMessageSource();

    @ParameterizedTest(name = "{0}: {1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            en | 0       | No case
            en | 1       | One case
            en | 2       | 2 cases
            en | 1000000 | 1,000,000 cases
            nl | 0       | Geen dossier
            nl | 1       | Eén dossier
            nl | 2       | 2 dossiers
            nl | 1000000 | 1.000.000 dossiers
            fr | 0       | Aucun dossier
            fr | 1       | Un dossier
            fr | 2       | 2 dossiers
            fr | 1000000 | 1\u202f000\u202f000 dossiers
            de | 0       | Keine Akte
            de | 1       | Eine Akte
            de | 2       | 2 Akten
            de | 1000000 | 1.000.000 Akten
            """)
    void countsCases(String language, long count, String expected) {
        assertThat(text("cases.count", language, count)).isEqualTo(expected);
    }

    /** Without a text of its own for none, each language's rule decides the form of 0. */
    @ParameterizedTest(name = "{0}: {1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            en | 0       | 0 days
            en | 1       | 1 day
            en | 2       | 2 days
            en | 1000000 | 1,000,000 days
            nl | 0       | 0 dagen
            nl | 1       | 1 dag
            nl | 2       | 2 dagen
            nl | 1000000 | 1.000.000 dagen
            fr | 0       | 0 jour
            fr | 1       | 1 jour
            fr | 2       | 2 jours
            fr | 1000000 | 1\u202f000\u202f000 jours
            de | 0       | 0 Tage
            de | 1       | 1 Tag
            de | 2       | 2 Tage
            de | 1000000 | 1.000.000 Tage
            """)
    void countsDaysOfAPause(String language, long count, String expected) {
        assertThat(text("volunteer.pause.days", language, count)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: {1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            en | 0  | 0 replies, the newest first.
            en | 1  | One reply, the newest first.
            en | 2  | 2 replies, the newest first.
            nl | 0  | 0 antwoorden, het nieuwste eerst.
            nl | 1  | Eén antwoord, het nieuwste eerst.
            nl | 2  | 2 antwoorden, het nieuwste eerst.
            fr | 0  | 0 réponse, la plus récente d’abord.
            fr | 1  | Une réponse, la plus récente d’abord.
            fr | 2  | 2 réponses, la plus récente d’abord.
            de | 0  | 0 Antworten, die neueste zuerst.
            de | 1  | Eine Antwort, die neueste zuerst.
            de | 2  | 2 Antworten, die neueste zuerst.
            """)
    void countsReplies(String language, long count, String expected) {
        assertThat(text("replies.count", language, count)).isEqualTo(expected);
    }

    /** A child's age inside a sentence with other arguments: "(1 ans)" and "(1 Jahre)" were the words. */
    @ParameterizedTest(name = "{0}: {1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            en | 0  | Lina, under a year old.
            en | 1  | Lina, 1 year old.
            en | 12 | Lina, 12 years old.
            nl | 1  | Lina, 1 jaar.
            nl | 12 | Lina, 12 jaar.
            fr | 0  | Lina, moins d’un an.
            fr | 1  | Lina, 1 an.
            fr | 12 | Lina, 12 ans.
            de | 1  | Lina, 1 Jahr alt.
            de | 12 | Lina, 12 Jahre alt.
            """)
    void givesAChildsAge(String language, int age, String expected) {
        assertThat(messages.getMessage("alert.notice.text", new Object[] {"Lina", age}, Locale.forLanguageTag(language)))
                .isEqualTo(expected);
    }

    /** An apostrophe is one apostrophe, in ICU messages and in the others, with or without arguments. */
    @org.junit.jupiter.api.Test
    void writesApostrophesAsBefore() {
        Locale french = Locale.FRENCH;
        assertThat(text("start.approvals.count", "fr", 0)).isEqualTo("Rien n'attend de décision");
        assertThat(messages.getMessage("start.volunteer.notSignedUp", null, french))
                .isEqualTo("Vous n'êtes pas encore inscrit comme bénévole.");
        assertThat(messages.getMessage("volunteer.state.paused", new Object[] {"5 déc."}, french))
                .isEqualTo("Les alertes sont suspendues jusqu'au 5 déc..");
        assertThat(messages.getMessage("start.contacts.count", new Object[] {2, 1}, french))
                .isEqualTo("2 contacts de police, 1 de service");
    }

    /** No counted text is left in java.text's choice format, in any language: each is an ICU plural. */
    @ParameterizedTest
    @ValueSource(strings = {"messages.properties", "messages_nl.properties", "messages_fr.properties",
            "messages_de.properties"})
    void noMessageUsesChoiceFormat(String file) throws IOException {
        Properties texts = new Properties();
        try (var reader = new java.io.InputStreamReader(new ClassPathResource(file).getInputStream(),
                StandardCharsets.UTF_8)) {
            texts.load(reader);
        }
        List<String> choices = new ArrayList<>();
        texts.forEach((key, text) -> {
            if (text.toString().contains(",choice,")) {
                choices.add(key.toString());
            }
        });
        assertThat(choices).isEmpty();
        assertThat(texts.values().stream().filter(text -> IcuMessageSource.isIcu(text.toString())).count())
                .isGreaterThanOrEqualTo(14);
    }

    private String text(String code, String language, long count) {
        return messages.getMessage(code, new Object[] {count}, Locale.forLanguageTag(language));
    }
}
