package org.childalert.gateway.console;

import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.i18n.LocaleContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 review, finding 7b: alert-service's English "is required: say why the escalation is rejected" stood under
 * the German reject form. A service's reason is shown in the page's words; one the bundles do not know is shown as
 * written on an English page only, and as "not accepted" in the page's language otherwise.
 */
class ErrorTextsTests {

    private final ErrorTexts texts = new ErrorTexts(new IcuMessageSource());

    @AfterEach
    void forgetTheLanguage() {
        LocaleContextHolder.resetLocaleContext();
    }

    @ParameterizedTest(name = "{0}: {1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            de | is required: say why the escalation is rejected     | Bitte füllen Sie dies aus.
            fr | is required: say why the escalation is rejected     | Veuillez remplir ce champ.
            nl | is required: an update must bring new information   | Vul dit in.
            en | is required: say why the escalation is rejected     | Please fill this in.
            de | must not be blank                                   | Bitte füllen Sie dies aus.
            de | Alert 0b6f2a52-3f3e-4a55-9c1f-5d1e2f3a4b5c is CANCELLED; only an ACTIVE alert can be extended. | Dieser Alarm ist bereits beendet.
            fr | You asked for this change yourself; under the four-eyes rule another police officer must approve or reject it. | Vous avez demandé cette modification vous-même : selon le principe des quatre yeux, un autre policier en décide.
            en | You asked for this change yourself; under the four-eyes rule another police officer must approve or reject it. | You asked for this change yourself: under the four-eyes rule another police officer decides on it.
            de | The alert is CANCELLED already.                     | Dies wurde nicht angenommen.
            nl | The alert is CANCELLED already.                     | Dit werd niet aanvaard.
            fr | The alert is CANCELLED already.                     | Ceci n’a pas été accepté.
            en | The alert is CANCELLED already.                     | The alert is CANCELLED already.
            """)
    void wordsAServicesReasonInThePagesLanguage(String language, String reason, String expected) {
        LocaleContextHolder.setLocale(Locale.forLanguageTag(language));

        assertThat(texts.of(reason)).isEqualTo(expected);
    }
}
