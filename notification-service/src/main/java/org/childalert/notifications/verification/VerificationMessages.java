package org.childalert.notifications.verification;

import java.util.Map;
import java.util.UUID;

import org.childalert.events.RecipientKind;
import org.childalert.notifications.email.EmailSender;
import org.childalert.notifications.providers.DeliveryFailedException;
import org.childalert.notifications.observability.SmsSegmentCounter;
import org.childalert.notifications.sms.TwilioSmsSender;
import org.childalert.notifications.templates.Language;
import org.childalert.notifications.templates.RenderedEmail;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The messages of the double opt-in: a code by SMS and a confirmation link by email, in the volunteer's
 * language, through the same providers as the alerts. Throws {@link IllegalStateException} when a provider
 * does not take the message (the volunteer can ask for another one).
 */
@Component
public class VerificationMessages {

    private record Words(String sms, String subject, String body, String button) {
    }

    private static final Map<Language, Words> WORDS = Map.of(
            Language.NL, new Words("CHILD ALERT: uw bevestigingscode is %s. Geldig %d minuten.",
                    "Bevestig uw e-mailadres voor Child Alert",
                    "Bevestig dat u Child Alert-meldingen op dit adres wilt ontvangen:", "Bevestigen"),
            Language.FR, new Words("CHILD ALERT : votre code de confirmation est %s. Valable %d minutes.",
                    "Confirmez votre adresse e-mail pour Child Alert",
                    "Confirmez que vous souhaitez recevoir les alertes Child Alert à cette adresse :", "Confirmer"),
            Language.DE, new Words("CHILD ALERT: Ihr Bestätigungscode ist %s. Gültig %d Minuten.",
                    "Bestätigen Sie Ihre E-Mail-Adresse für Child Alert",
                    "Bestätigen Sie, dass Sie Child-Alert-Meldungen an diese Adresse erhalten möchten:", "Bestätigen"),
            Language.EN, new Words("CHILD ALERT: your confirmation code is %s. Valid for %d minutes.",
                    "Confirm your email address for Child Alert",
                    "Confirm that you want to receive Child Alert messages at this address:", "Confirm"));

    private final TwilioSmsSender sms;
    private final EmailSender email;

    VerificationMessages(TwilioSmsSender sms, EmailSender email) {
        this.sms = sms;
        this.email = email;
    }

    public void sendCode(String phone, String code, long validMinutes, Language language) {
        try {
            sms.send(phone, String.format(WORDS.get(language).sms(), code, validMinutes), SmsSegmentCounter.Kind.VERIFICATION);
        } catch (DeliveryFailedException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    public void sendLink(String address, String link, UUID volunteerId, Language language) {
        Words words = WORDS.get(language);
        String html = "<!DOCTYPE html><html lang=\"" + language.code() + "\"><head><meta charset=\"utf-8\"></head><body><p>"
                + HtmlUtils.htmlEscape(words.body()) + "</p><p><a href=\"" + HtmlUtils.htmlEscape(link) + "\">"
                + HtmlUtils.htmlEscape(words.button()) + "</a></p></body></html>";
        try {
            email.send(address, new RenderedEmail(words.subject(), words.body() + "\n\n" + link + "\n", html),
                    RecipientKind.VOLUNTEER, volunteerId);
        } catch (DeliveryFailedException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
