package org.childalert.notifications.templates;

import java.util.Map;

/**
 * The sentences of the message that tells police on duty an approval waits
 * ({@link org.childalert.events.NoticeKind#APPROVAL_REQUESTED}), in one language. It says nothing of the child
 * (the event carries nothing of it): what waits is read in the console after signing in. {@code %s} is the
 * console's approvals URL. Every SMS text is GSM-7 and, with a URL of up to about 60 characters, one segment. A new
 * alert and a change to a running one are worded apart: an officer on duty can tell from the SMS alone whether a
 * child's alert waits to go out at all.
 */
record ApprovalWording(String newAlertSms, String changeSms, String newAlertSubject, String changeSubject,
                       String newAlertRequest, String changeRequest, String openConsole, String whyYouGetThis) {

    private static final Map<Language, ApprovalWording> ALL = Map.of(
            Language.NL, new ApprovalWording(
                    "Een nieuwe melding wacht op goedkeuring door de politie. Open: %s",
                    "Een wijziging van een lopende melding wacht op goedkeuring door de politie. Open: %s",
                    "Child Alert: nieuwe melding, goedkeuring gevraagd",
                    "Child Alert: wijziging van een melding, goedkeuring gevraagd",
                    "Een nieuwe melding wacht op goedkeuring door een politieagent (vier-ogenprincipe).",
                    "Een wijziging van een lopende melding wacht op goedkeuring door een politieagent (vier-ogenprincipe).",
                    "Meld u aan op de console om ze te bekijken: %s",
                    "U ontvangt dit bericht omdat u als politiecontact van dienst bent voor Child Alert."),
            Language.FR, new ApprovalWording(
                    "Une nouvelle alerte attend l'approbation de la police. Ouvrir: %s",
                    "Une modification d'une alerte en cours attend l'approbation de la police. Ouvrir: %s",
                    "Child Alert : nouvelle alerte, approbation demandée",
                    "Child Alert : modification d'une alerte, approbation demandée",
                    "Une nouvelle alerte attend l'approbation d'un policier (principe des quatre yeux).",
                    "Une modification d'une alerte en cours attend l'approbation d'un policier (principe des quatre yeux).",
                    "Connectez-vous à la console pour l'examiner : %s",
                    "Vous recevez ce message car vous êtes un contact policier de service pour Child Alert."),
            Language.DE, new ApprovalWording(
                    "Eine neue Meldung wartet auf Freigabe durch die Polizei. Öffnen: %s",
                    "Eine Änderung einer laufenden Meldung wartet auf Freigabe durch die Polizei. Öffnen: %s",
                    "Child Alert: neue Meldung, Freigabe erbeten",
                    "Child Alert: Änderung einer Meldung, Freigabe erbeten",
                    "Eine neue Meldung wartet auf die Freigabe durch eine Polizeibeamtin oder einen Polizeibeamten (Vier-Augen-Prinzip).",
                    "Eine Änderung einer laufenden Meldung wartet auf die Freigabe durch eine Polizeibeamtin oder einen Polizeibeamten (Vier-Augen-Prinzip).",
                    "Melden Sie sich an der Konsole an, um sie zu prüfen: %s",
                    "Sie erhalten diese Nachricht, weil Sie als Polizeikontakt für Child Alert im Dienst sind."),
            Language.EN, new ApprovalWording(
                    "A new alert waits for police approval. Open: %s",
                    "A change to a running alert waits for police approval. Open: %s",
                    "Child Alert: new alert, approval requested",
                    "Child Alert: change to an alert, approval requested",
                    "A new alert waits for a police officer's approval (four-eyes principle).",
                    "A change to a running alert waits for a police officer's approval (four-eyes principle).",
                    "Sign in to the console to review it: %s",
                    "You receive this message because you are a police contact on duty for Child Alert."));

    static ApprovalWording in(Language language) {
        return ALL.get(language);
    }

    String sms(org.childalert.events.ApprovalKind kind) {
        return kind == org.childalert.events.ApprovalKind.CHANGE ? changeSms : newAlertSms;
    }

    String subject(org.childalert.events.ApprovalKind kind) {
        return kind == org.childalert.events.ApprovalKind.CHANGE ? changeSubject : newAlertSubject;
    }

    String request(org.childalert.events.ApprovalKind kind) {
        return kind == org.childalert.events.ApprovalKind.CHANGE ? changeRequest : newAlertRequest;
    }
}
