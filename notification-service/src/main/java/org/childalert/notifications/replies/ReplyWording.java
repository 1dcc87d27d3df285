package org.childalert.notifications.replies;

import java.util.Map;

import org.childalert.events.ReplyKind;
import org.childalert.notifications.templates.Language;

/** The answers to an SMS reply, in the sender's language. */
record ReplyWording(String seen, String sighting, String acknowledged, String other, String noActiveAlert) {

    private static final Map<Language, ReplyWording> ALL = Map.of(
            Language.NL, new ReplyWording(
                    "CHILD ALERT: bedankt. Ziet u het kind, bel dan 112.",
                    "CHILD ALERT: bedankt, uw waarneming is doorgegeven aan het team. In nood: bel 112.",
                    "CHILD ALERT: bevestiging voor uw zone genoteerd. Bedankt.",
                    "CHILD ALERT: bedankt, uw bericht is doorgegeven.",
                    "CHILD ALERT: bedankt voor uw bericht. Er is geen actieve melding voor dit nummer. In nood: 112."),
            Language.FR, new ReplyWording(
                    "CHILD ALERT : merci. Si vous voyez l'enfant, appelez le 112.",
                    "CHILD ALERT : merci, votre observation a été transmise à l'équipe. En cas d'urgence : 112.",
                    "CHILD ALERT : confirmation pour votre zone enregistrée. Merci.",
                    "CHILD ALERT : merci, votre message a été transmis.",
                    "CHILD ALERT : merci pour votre message. Aucune alerte active pour ce numéro. Urgences : 112."),
            Language.DE, new ReplyWording(
                    "CHILD ALERT: danke. Wenn Sie das Kind sehen, rufen Sie 112 an.",
                    "CHILD ALERT: danke, Ihre Sichtung wurde an das Team weitergegeben. Im Notfall: 112.",
                    "CHILD ALERT: Bestätigung für Ihre Zone erfasst. Danke.",
                    "CHILD ALERT: danke, Ihre Nachricht wurde weitergegeben.",
                    "CHILD ALERT: danke für Ihre Nachricht. Für diese Nummer gibt es keine aktive Meldung. Notfall: 112."),
            Language.EN, new ReplyWording(
                    "CHILD ALERT: thank you. If you see the child, call 112.",
                    "CHILD ALERT: thank you, your sighting was passed on to the team. In an emergency call 112.",
                    "CHILD ALERT: acknowledgement for your zone recorded. Thank you.",
                    "CHILD ALERT: thank you, your message was passed on.",
                    "CHILD ALERT: thank you for your message. There is no active alert for this number. Emergencies: 112."));

    static ReplyWording in(Language language) {
        return ALL.get(language);
    }

    String answer(ReplyKind kind) {
        return switch (kind) {
            case SEEN -> seen;
            case SIGHTING -> sighting;
            case ACK -> acknowledged;
            case OTHER -> other;
        };
    }
}
