package org.childalert.notifications.templates;

import java.util.Map;

/**
 * The sentences of the message that tells police on duty an approval waits
 * ({@link org.childalert.events.NoticeKind#APPROVAL_REQUESTED}), in one language. It says nothing of the child
 * (the event carries nothing of it): what waits is read in the console after signing in. {@code %s} is the
 * console's approvals URL. Every SMS text is GSM-7 and, with a URL of up to about 60 characters, one segment.
 */
record ApprovalWording(String sms, String subject, String request, String openConsole, String whyYouGetThis) {

    private static final Map<Language, ApprovalWording> ALL = Map.of(
            Language.NL, new ApprovalWording(
                    "Een melding of een wijziging wacht op goedkeuring door de politie. Open: %s",
                    "Child Alert: goedkeuring gevraagd",
                    "Een melding, of een wijziging van een lopende melding, wacht op goedkeuring door een politieagent (vier-ogenprincipe).",
                    "Meld u aan op de console om ze te bekijken: %s",
                    "U ontvangt dit bericht omdat u als politiecontact van dienst bent voor Child Alert."),
            Language.FR, new ApprovalWording(
                    "Une alerte ou une modification attend l'approbation de la police. Ouvrir: %s",
                    "Child Alert : approbation demandée",
                    "Une alerte, ou une modification d'une alerte en cours, attend l'approbation d'un policier (principe des quatre yeux).",
                    "Connectez-vous à la console pour l'examiner : %s",
                    "Vous recevez ce message car vous êtes un contact policier de service pour Child Alert."),
            Language.DE, new ApprovalWording(
                    "Eine Meldung oder eine Änderung wartet auf Freigabe durch die Polizei. Öffnen: %s",
                    "Child Alert: Freigabe erbeten",
                    "Eine Meldung, oder eine Änderung einer laufenden Meldung, wartet auf die Freigabe durch eine Polizeibeamtin oder einen Polizeibeamten (Vier-Augen-Prinzip).",
                    "Melden Sie sich an der Konsole an, um sie zu prüfen: %s",
                    "Sie erhalten diese Nachricht, weil Sie als Polizeikontakt für Child Alert im Dienst sind."),
            Language.EN, new ApprovalWording(
                    "An alert or a change to one waits for police approval. Open: %s",
                    "Child Alert: approval requested",
                    "An alert, or a change to a running alert, waits for a police officer's approval (four-eyes principle).",
                    "Sign in to the console to review it: %s",
                    "You receive this message because you are a police contact on duty for Child Alert."));

    static ApprovalWording in(Language language) {
        return ALL.get(language);
    }
}
