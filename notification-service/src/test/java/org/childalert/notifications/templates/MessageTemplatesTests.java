package org.childalert.notifications.templates;

import java.net.URI;
import java.time.Instant;

import org.childalert.events.ApprovalKind;
import org.childalert.events.NoticeKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageTemplatesTests {

    private final MessageTemplates templates = new MessageTemplates();
    private final NoticeContent emma = new NoticeContent("Emma", 8, "Red coat, blue backpack, blond hair in a ponytail.",
            "Brussels-North station", Instant.parse("2026-11-28T09:30:00Z"));

    @Test
    void writesTheIssuedSmsInEachLanguage() {
        assertThat(templates.sms(NoticeKind.ISSUED, Language.NL, emma))
                .contains("Emma (8 jaar) wordt vermist", "Laatst gezien 28/11 10:30 in Brussels-North station", "Red coat", "Bel 112");
        assertThat(templates.sms(NoticeKind.ISSUED, Language.FR, emma))
                .contains("Emma (8 ans) a disparu", "le 28/11 10:30 à Brussels-North station", "Appelez le 112");
        assertThat(templates.sms(NoticeKind.ISSUED, Language.DE, emma))
                .contains("Emma (8 Jahre) wird vermisst", "Zuletzt gesehen am 28/11 10:30", "Rufen Sie 112 an");
        assertThat(templates.sms(NoticeKind.ISSUED, Language.EN, emma))
                .contains("Emma (8) is missing", "Last seen 28/11 10:30 at Brussels-North station", "Call 112");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void keepsTheIssuedSmsWithinTwoSegmentsByShorteningTheDescription(Language language) {
        NoticeContent wordy = new NoticeContent("Emma", 8, "Wearing a red coat and a blue backpack. ".repeat(20),
                "Brussels-North station", Instant.parse("2026-11-28T09:30:00Z"));

        String sms = templates.sms(NoticeKind.ISSUED, language, wordy);

        assertThat(SmsSegments.count(sms)).isLessThanOrEqualTo(2);
        assertThat(sms).contains("Emma", "Wearing a red coat", "...", "112");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void saysTheChildWasFoundWithoutRepeatingTheDescription(Language language) {
        String sms = templates.sms(NoticeKind.FOUND, language, emma);
        RenderedEmail email = templates.email(NoticeKind.FOUND, language, emma);

        assertThat(sms).contains("Emma").doesNotContain("Red coat");
        assertThat(email.subject()).contains("Emma");
        assertThat(email.text()).contains("Emma").doesNotContain("Red coat");
        assertThat(email.html()).contains("Emma").doesNotContain("Red coat");
    }

    @Test
    void asksInEachLanguageToDeleteTheEarlierMessage() {
        assertThat(templates.sms(NoticeKind.FOUND, Language.NL, emma)).contains("teruggevonden", "Verwijder ons eerdere bericht");
        assertThat(templates.sms(NoticeKind.FOUND, Language.FR, emma)).contains("retrouvé", "Supprimez notre message précédent");
        assertThat(templates.sms(NoticeKind.FOUND, Language.DE, emma)).contains("gefunden", "löschen Sie unsere frühere Nachricht");
        assertThat(templates.sms(NoticeKind.FOUND, Language.EN, emma)).contains("has been found", "delete our earlier message");
    }

    @Test
    void writesTheEmailAsTextAndEscapedHtml() {
        NoticeContent risky = new NoticeContent("Emma", 8, "Carries a <b>toy</b> & a phone", "Gent-Sint-Pieters",
                Instant.parse("2026-11-28T09:30:00Z"));

        RenderedEmail email = templates.email(NoticeKind.ISSUED, Language.NL, risky);

        assertThat(email.subject()).isEqualTo("Child Alert: Emma (8 jaar) wordt vermist");
        assertThat(email.text()).contains("Carries a <b>toy</b> & a phone", "Gent-Sint-Pieters", "Bel 112");
        assertThat(email.html()).contains("<html lang=\"nl\"", "Carries a &lt;b&gt;toy&lt;/b&gt; &amp; a phone")
                .doesNotContain("<b>toy</b>");
    }

    private static final String PHOTO = "http://localhost:8080/api/feeds/alerts/a3f1c2d4-5b6e-4f70-8a91-b2c3d4e5f601/photo";

    @Test
    void labelsAnUpdateAWideningAndAnEscalationInEachLanguage() {
        assertThat(templates.sms(NoticeKind.UPDATED, Language.NL, emma)).startsWith("CHILD ALERT - Update: Emma (8 jaar)");
        assertThat(templates.sms(NoticeKind.WIDENED, Language.FR, emma))
                .startsWith("CHILD ALERT - Maintenant aussi dans votre zone: Emma (8 ans) a disparu");
        assertThat(templates.sms(NoticeKind.ESCALATION, Language.DE, emma))
                .startsWith("CHILD ALERT - Ihre Zone hat diese Meldung nicht bestätigt: Emma (8 Jahre)")
                .endsWith("Antworten Sie ERHALTEN zur Bestätigung.");
        assertThat(templates.sms(NoticeKind.ESCALATION, Language.EN, emma)).contains("Reply ACK").doesNotContain("Call 112");
        assertThat(templates.email(NoticeKind.WIDENED, Language.EN, emma).subject())
                .isEqualTo("Child Alert: Emma (8) is missing (Now also in your area)");
        assertThat(templates.email(NoticeKind.ESCALATION, Language.NL, emma).text())
                .contains("Uw zone heeft deze melding niet bevestigd", "Red coat", "Antwoord ONTVANGEN");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void anUpdateLinksToThePhotoAndShortensTheDescriptionToStayWithinTwoSegments(Language language) {
        NoticeContent wordy = new NoticeContent("Emma", 8, "Now wearing a grey hoodie and black trainers. ".repeat(10),
                "Brussels-North station", Instant.parse("2026-11-28T09:30:00Z"), PHOTO);

        String sms = templates.sms(NoticeKind.UPDATED, language, wordy);
        RenderedEmail email = templates.email(NoticeKind.UPDATED, language, wordy);

        assertThat(SmsSegments.count(sms)).isLessThanOrEqualTo(2);
        assertThat(SmsSegments.isGsm7(sms)).isTrue();
        assertThat(sms).contains("Emma", "Now wearing a grey hoodie", "...", PHOTO, "112");
        assertThat(email.text()).contains(PHOTO);
        assertThat(email.html()).contains(PHOTO);
    }

    @ParameterizedTest
    @EnumSource(value = NoticeKind.class, names = {"ISSUED", "UPDATED", "WIDENED", "ESCALATION"})
    void everyAlertSmsFitsInTwoGsmSegmentsInEveryLanguage(NoticeKind notice) {
        NoticeContent longest = new NoticeContent("Marie-Antoinette", 17, "Blue jeans, a yellow raincoat. ".repeat(15),
                "Bruxelles-Midi / Brussel-Zuid, sortie Fonsny", Instant.parse("2026-11-28T09:30:00Z"), PHOTO);
        for (Language language : Language.values()) {
            String sms = templates.sms(notice, language, longest);

            assertThat(SmsSegments.count(sms)).as(language + ": " + sms).isLessThanOrEqualTo(2);
            assertThat(SmsSegments.isGsm7(sms)).as(language + ": " + sms).isTrue();
            assertThat(sms).contains("Marie-Antoinette");
        }
    }

    @Test
    void anUpdateWithoutAPhotoSaysNothingOfAPhotoAndOnlyAnUpdateShowsIt() {
        NoticeContent withPhoto = new NoticeContent("Emma", 8, "Red coat.", null, null, PHOTO);

        assertThat(templates.sms(NoticeKind.UPDATED, Language.EN, emma)).doesNotContain("Photo");
        assertThat(templates.sms(NoticeKind.ISSUED, Language.EN, withPhoto)).doesNotContain(PHOTO);
        assertThat(templates.sms(NoticeKind.UPDATED, Language.EN, withPhoto)).contains("Photo: " + PHOTO);
    }

    @Test
    void anApprovalRequestIsOneGsmSegmentWithTheConsoleLinkAndNothingOfTheChildInEveryLanguage() {
        String url = "https://console.childalert.example.be/approvals";
        MessageTemplates withConsole = new MessageTemplates(new ConsoleProperties(URI.create(url)));
        for (Language language : Language.values()) {
            for (ApprovalKind kind : ApprovalKind.values()) {
                String sms = withConsole.approvalSms(kind, language);
                RenderedEmail email = withConsole.approvalEmail(kind, language);

                assertThat(sms).as(language + ": " + sms).startsWith("CHILD ALERT: ").endsWith(url);
                assertThat(SmsSegments.count(sms)).as(language + ": " + sms).isEqualTo(1);
                assertThat(SmsSegments.isGsm7(sms)).as(language + ": " + sms).isTrue();
                assertThat(email.text()).contains(url);
                assertThat(email.html()).contains(url).contains("lang=\"" + language.code() + "\"");
                for (String rendered : new String[] {sms, email.subject(), email.text(), email.html()}) {
                    assertThat(rendered).doesNotContain("Emma", "Red coat", "Brussels-North", "112");
                }
            }
            assertThat(withConsole.approvalSms(ApprovalKind.NEW_ALERT, language))
                    .isNotEqualTo(withConsole.approvalSms(ApprovalKind.CHANGE, language));
            assertThat(withConsole.approvalEmail(ApprovalKind.NEW_ALERT, language).subject())
                    .isNotEqualTo(withConsole.approvalEmail(ApprovalKind.CHANGE, language).subject());
        }
        assertThat(withConsole.approvalSms(ApprovalKind.NEW_ALERT, Language.NL))
                .isEqualTo("CHILD ALERT: Een nieuwe melding wacht op goedkeuring door de politie. Open: " + url);
        assertThat(withConsole.approvalSms(ApprovalKind.CHANGE, Language.DE))
                .isEqualTo("CHILD ALERT: Eine Änderung einer laufenden Meldung wartet auf Freigabe durch die Polizei. Öffnen: " + url);
        assertThat(withConsole.approvalEmail(ApprovalKind.NEW_ALERT, Language.FR).subject())
                .isEqualTo("Child Alert : nouvelle alerte, approbation demandée");
    }

    @Test
    void anApprovalRequestIsWordedByWhatWaitsNotAsAnAlertNotice() {
        assertThatThrownBy(() -> templates.sms(NoticeKind.APPROVAL_REQUESTED, Language.EN, emma))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> templates.email(NoticeKind.APPROVAL_REQUESTED, Language.EN, emma))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theApprovalsLinkIsTheDevelopmentConsolesByDefault() {
        assertThat(templates.approvalSms(ApprovalKind.CHANGE, Language.EN))
                .isEqualTo("CHILD ALERT: A change to a running alert waits for police approval. Open: "
                        + "http://localhost:8080/approvals");
    }
}
