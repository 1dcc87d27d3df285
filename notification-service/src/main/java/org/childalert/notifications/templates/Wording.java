package org.childalert.notifications.templates;

import java.util.Map;

/**
 * The sentences of every message in one language. Format arguments: {@code %1$s} the child's first name,
 * {@code %2$d} their age, {@code %3$s} when they were last seen, {@code %4$s} where. The labels say what kind of
 * notice an UPDATED, WIDENED or ESCALATION message is; {@code photo} takes the photo link as {@code %s}. Every
 * SMS text is in GSM-7 (no character outside it), which keeps an alert within two segments.
 */
record Wording(
        String missingHeadline,
        String lastSeenAtIn,
        String lastSeenAt,
        String callToAction,
        String missingSubject,
        String foundHeadline,
        String foundRequest,
        String foundSubject,
        String whyYouGetThis,
        String updatedLabel,
        String widenedLabel,
        String escalationLabel,
        String acknowledgeRequest,
        String photo) {

    static final String BRAND = "CHILD ALERT";

    private static final Map<Language, Wording> ALL = Map.of(
            Language.NL, new Wording(
                    "%1$s (%2$d jaar) wordt vermist.",
                    "Laatst gezien %3$s in %4$s.",
                    "Laatst gezien %3$s.",
                    "Gezien? Bel 112.",
                    "Child Alert: %1$s (%2$d jaar) wordt vermist",
                    "%1$s is teruggevonden. Bedankt voor uw hulp.",
                    "Verwijder ons eerdere bericht en deel het niet meer.",
                    "Child Alert: %1$s is teruggevonden",
                    "U ontvangt dit bericht omdat u zich hebt aangemeld voor Child Alert-meldingen in deze buurt.",
                    "Update",
                    "Nu ook in uw buurt",
                    "Uw zone heeft deze melding niet bevestigd",
                    "Antwoord ONTVANGEN om te bevestigen.",
                    "Foto: %s"),
            Language.FR, new Wording(
                    "%1$s (%2$d ans) a disparu.",
                    "Vu(e) pour la dernière fois le %3$s à %4$s.",
                    "Vu(e) pour la dernière fois le %3$s.",
                    "Vu? Appelez le 112.",
                    "Child Alert : %1$s (%2$d ans) a disparu",
                    "%1$s a été retrouvé(e). Merci pour votre aide.",
                    "Supprimez notre message précédent et ne le partagez plus.",
                    "Child Alert : %1$s a été retrouvé(e)",
                    "Vous recevez ce message car vous êtes inscrit(e) aux alertes Child Alert dans cette zone.",
                    "Mise à jour",
                    "Maintenant aussi dans votre zone",
                    "Votre zone n'a pas confirmé cette alerte",
                    "Répondez RECU pour confirmer.",
                    "Photo : %s"),
            Language.DE, new Wording(
                    "%1$s (%2$d Jahre) wird vermisst.",
                    "Zuletzt gesehen am %3$s in %4$s.",
                    "Zuletzt gesehen am %3$s.",
                    "Gesehen? Rufen Sie 112 an.",
                    "Child Alert: %1$s (%2$d Jahre) wird vermisst",
                    "%1$s wurde gefunden. Danke für Ihre Hilfe.",
                    "Bitte löschen Sie unsere frühere Nachricht und teilen Sie sie nicht mehr.",
                    "Child Alert: %1$s wurde gefunden",
                    "Sie erhalten diese Nachricht, weil Sie sich für Child-Alert-Meldungen in dieser Gegend angemeldet haben.",
                    "Aktualisierung",
                    "Jetzt auch in Ihrer Gegend",
                    "Ihre Zone hat diese Meldung nicht bestätigt",
                    "Antworten Sie ERHALTEN zur Bestätigung.",
                    "Foto: %s"),
            Language.EN, new Wording(
                    "%1$s (%2$d) is missing.",
                    "Last seen %3$s at %4$s.",
                    "Last seen %3$s.",
                    "Seen the child? Call 112.",
                    "Child Alert: %1$s (%2$d) is missing",
                    "%1$s has been found. Thank you for your help.",
                    "Please delete our earlier message and do not share it any more.",
                    "Child Alert: %1$s has been found",
                    "You receive this message because you signed up for Child Alert notices in this area.",
                    "Update",
                    "Now also in your area",
                    "Your zone has not acknowledged this alert",
                    "Reply ACK to acknowledge.",
                    "Photo: %s"));

    static Wording in(Language language) {
        return ALL.get(language);
    }

    /** What marks a notice about an alert already sent, or null for the first one (ISSUED) and FOUND. */
    String label(org.childalert.events.NoticeKind notice) {
        return switch (notice) {
            case UPDATED -> updatedLabel;
            case WIDENED -> widenedLabel;
            case ESCALATION -> escalationLabel;
            case ISSUED, FOUND, APPROVAL_REQUESTED -> null;
        };
    }
}
