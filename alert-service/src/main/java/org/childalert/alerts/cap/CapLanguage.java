package org.childalert.alerts.cap;

/**
 * The words of a CAP message in one of the languages the alert goes out in (Belgium's three official
 * languages and English). Templates are {@link String#format} patterns: {@code %1$s} the child's first name,
 * {@code %2$d} the age, {@code %3$s} the last-seen place, {@code %4$s} the last-seen time.
 */
enum CapLanguage {

    DUTCH("nl-BE", "Kinderalarm",
            "Vermist kind: %1$s, %2$d jaar, laatst gezien in %3$s",
            "%1$s (%2$d jaar) werd het laatst gezien in %3$s op %4$s.",
            "Ziet u %1$s? Bel 112 of Child Focus op 116 000. Grijp niet zelf in.",
            "Kinderalarm ingetrokken: het kind is teruggevonden",
            "Het kind is teruggevonden. Dit alarm is ingetrokken: verwijder de foto en de gegevens van het kind en deel ze niet verder.",
            "Kinderalarm ingetrokken",
            "Dit alarm is ingetrokken: verwijder de foto en de gegevens van het kind en deel ze niet verder.",
            "Foto van het kind"),
    FRENCH("fr-BE", "Alerte enfant",
            "Enfant disparu : %1$s, %2$d ans, vu(e) pour la dernière fois à %3$s",
            "%1$s (%2$d ans) a été vu(e) pour la dernière fois à %3$s le %4$s.",
            "Vous voyez %1$s ? Appelez le 112 ou Child Focus au 116 000. N'intervenez pas vous-même.",
            "Alerte enfant retirée : l'enfant a été retrouvé(e)",
            "L'enfant a été retrouvé(e). Cette alerte est retirée : supprimez la photo et les informations concernant l'enfant et ne les partagez plus.",
            "Alerte enfant retirée",
            "Cette alerte est retirée : supprimez la photo et les informations concernant l'enfant et ne les partagez plus.",
            "Photo de l'enfant"),
    GERMAN("de-BE", "Kinderalarm",
            "Vermisstes Kind: %1$s, %2$d Jahre, zuletzt gesehen in %3$s",
            "%1$s (%2$d Jahre) wurde zuletzt am %4$s in %3$s gesehen.",
            "Sehen Sie %1$s? Rufen Sie 112 oder Child Focus unter 116 000 an. Greifen Sie nicht selbst ein.",
            "Kinderalarm aufgehoben: das Kind wurde gefunden",
            "Das Kind wurde gefunden. Dieser Alarm ist aufgehoben: Bitte löschen Sie Foto und Angaben des Kindes und teilen Sie sie nicht weiter.",
            "Kinderalarm aufgehoben",
            "Dieser Alarm ist aufgehoben: Bitte löschen Sie Foto und Angaben des Kindes und teilen Sie sie nicht weiter.",
            "Foto des Kindes"),
    ENGLISH("en", "Child Alert",
            "Missing child: %1$s, aged %2$d, last seen at %3$s",
            "%1$s (aged %2$d) was last seen at %3$s on %4$s.",
            "If you see %1$s, call 112 or Child Focus on 116 000. Do not intervene yourself.",
            "Child Alert withdrawn: the child has been found",
            "The child has been found. This alert is withdrawn: please delete the child's photo and details and do not share them any further.",
            "Child Alert withdrawn",
            "This alert is withdrawn: please delete the child's photo and details and do not share them any further.",
            "Photo of the child");

    final String tag;
    final String event;
    final String alertHeadline;
    final String alertDescription;
    final String instruction;
    final String foundHeadline;
    final String foundDescription;
    final String withdrawnHeadline;
    final String withdrawnDescription;
    final String photo;

    CapLanguage(String tag, String event, String alertHeadline, String alertDescription, String instruction,
                String foundHeadline, String foundDescription, String withdrawnHeadline, String withdrawnDescription,
                String photo) {
        this.tag = tag;
        this.event = event;
        this.alertHeadline = alertHeadline;
        this.alertDescription = alertDescription;
        this.instruction = instruction;
        this.foundHeadline = foundHeadline;
        this.foundDescription = foundDescription;
        this.withdrawnHeadline = withdrawnHeadline;
        this.withdrawnDescription = withdrawnDescription;
        this.photo = photo;
    }
}
