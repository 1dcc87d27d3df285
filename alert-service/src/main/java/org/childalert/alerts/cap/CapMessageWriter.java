package org.childalert.alerts.cap;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.childalert.alerts.lifecycle.Alert;
import org.childalert.alerts.lifecycle.AlertStatus;
import org.childalert.alerts.lifecycle.CancellationReason;
import org.childalert.alerts.lifecycle.PublicLinks;
import org.childalert.kit.web.ConflictException;
import org.childalert.events.DisclosureLevel;
import org.springframework.stereotype.Component;

/**
 * Writes the public form of an alert as an OASIS CAP 1.2 message: {@code Alert} when it is issued,
 * {@code Update} after each change (new information or photo, extension, widening), and {@code Cancel} once it
 * has ended (cancelled or expired). Updates and Cancels reference every earlier message of the alert. One
 * {@code info} per language; a {@code Cancel} tells only that the alert is withdrawn (and that the child was
 * found, if so), never the child's name, description or photo. Alerts below the {@code PUBLIC} level are
 * {@code Restricted}.
 */
@Component
public class CapMessageWriter {

    static final String NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2";

    /** CAP's dateTime form: seconds precision and a numeric offset ("Z" is not allowed). */
    private static final DateTimeFormatter CAP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
            .withZone(ZoneId.of("Europe/Brussels"));
    private static final Set<CancellationReason> CHILD_FOUND = EnumSet.of(CancellationReason.FOUND_SAFE,
            CancellationReason.FOUND_HARMED, CancellationReason.DECEASED, CancellationReason.RETURNED);
    private static final Set<AlertStatus> ENDED = EnumSet.of(AlertStatus.CANCELLED, AlertStatus.EXPIRED);

    private final CapProperties properties;
    private final PublicLinks links;
    private final XMLOutputFactory xml = XMLOutputFactory.newFactory();

    CapMessageWriter(CapProperties properties, PublicLinks links) {
        this.properties = properties;
        this.links = links;
    }

    /**
     * The alert's current CAP message as UTF-8 XML; 409 when the alert has no public form (it was never issued).
     *
     * @param revisions when each earlier message of this alert was sent, the issuing {@code Alert} first; an
     *                  empty list means only the issuing message was ever sent
     */
    public byte[] write(Alert alert, List<Instant> revisions) {
        if (alert.issuedAt() == null || !(alert.status() == AlertStatus.ACTIVE || ENDED.contains(alert.status()))) {
            throw new ConflictException("Alert " + alert.id() + " is " + alert.status()
                    + "; only an ACTIVE alert, or one that was issued and has ended, has a CAP message.");
        }
        List<Instant> sent = revisions.isEmpty() ? List.of(alert.issuedAt()) : List.copyOf(revisions);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter writer = xml.createXMLStreamWriter(out, "UTF-8");
            writer.writeStartDocument("UTF-8", "1.0");
            writer.setDefaultNamespace(NAMESPACE);
            writer.writeStartElement(NAMESPACE, "alert");
            writer.writeDefaultNamespace(NAMESPACE);
            if (alert.status() == AlertStatus.ACTIVE) {
                writeAlertOrUpdate(writer, alert, sent);
            } else {
                writeCancel(writer, alert, sent);
            }
            writer.writeEndElement();
            writer.writeEndDocument();
            writer.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write the CAP message of alert " + alert.id(), e);
        }
        return out.toByteArray();
    }

    private void writeAlertOrUpdate(XMLStreamWriter writer, Alert alert, List<Instant> sent) throws XMLStreamException {
        int current = sent.size() - 1;
        if (current == 0) {
            header(writer, alert, identifier(alert, 0), sent.get(0), "Alert", List.of());
        } else {
            header(writer, alert, identifier(alert, current), sent.get(current), "Update", sent.subList(0, current));
        }
        for (CapLanguage language : CapLanguage.values()) {
            Alert.Child child = alert.child();
            String lastSeenAt = LOCAL_TIME.format(alert.lastSeen().at());
            String description = language.alertDescription.formatted(child.firstName(), child.age(),
                    alert.lastSeen().place(), lastSeenAt);
            if (child.description() != null && !child.description().isBlank()) {
                description += " " + child.description();
            }
            info(writer, alert, language, language.alertHeadline.formatted(child.firstName(), child.age(),
                    alert.lastSeen().place()), description, language.instruction.formatted(child.firstName()), true);
        }
    }

    private void writeCancel(XMLStreamWriter writer, Alert alert, List<Instant> sent) throws XMLStreamException {
        Instant ended = alert.status() == AlertStatus.CANCELLED ? alert.cancelledAt() : alert.expiresAt();
        header(writer, alert, "childalert-cancel-" + alert.id(), ended, "Cancel", sent);
        boolean found = alert.status() == AlertStatus.CANCELLED && CHILD_FOUND.contains(alert.cancellationReason());
        for (CapLanguage language : CapLanguage.values()) {
            info(writer, alert, language,
                    found ? language.foundHeadline : language.withdrawnHeadline,
                    found ? language.foundDescription : language.withdrawnDescription,
                    null, false);
        }
    }

    private void header(XMLStreamWriter writer, Alert alert, String identifier, Instant sent, String msgType,
                        List<Instant> earlier) throws XMLStreamException {
        element(writer, "identifier", identifier);
        element(writer, "sender", properties.sender());
        element(writer, "sent", CAP_TIME.format(sent));
        element(writer, "status", "Actual");
        element(writer, "msgType", msgType);
        if (alert.level() == DisclosureLevel.PUBLIC) {
            element(writer, "scope", "Public");
        } else {
            element(writer, "scope", "Restricted");
            element(writer, "restriction", restriction(alert.level()));
        }
        if (!earlier.isEmpty()) {
            StringBuilder references = new StringBuilder();
            for (int revision = 0; revision < earlier.size(); revision++) {
                if (revision > 0) {
                    references.append(' ');
                }
                references.append(properties.sender()).append(',').append(identifier(alert, revision)).append(',')
                        .append(CAP_TIME.format(earlier.get(revision)));
            }
            element(writer, "references", references.toString());
        }
    }

    private void info(XMLStreamWriter writer, Alert alert, CapLanguage language, String headline,
                      String description, String instruction, boolean withPhoto) throws XMLStreamException {
        writer.writeStartElement(NAMESPACE, "info");
        element(writer, "language", language.tag);
        element(writer, "category", "Rescue");
        element(writer, "event", language.event);
        element(writer, "urgency", "Immediate");
        element(writer, "severity", "Severe");
        element(writer, "certainty", "Likely");
        if (alert.status() == AlertStatus.ACTIVE) {
            element(writer, "expires", CAP_TIME.format(alert.expiresAt()));
        }
        element(writer, "senderName", properties.senderName());
        element(writer, "headline", headline);
        element(writer, "description", description);
        if (instruction != null) {
            element(writer, "instruction", instruction);
        }
        if (withPhoto && alert.photo() != null) {
            writer.writeStartElement(NAMESPACE, "resource");
            element(writer, "resourceDesc", language.photo);
            element(writer, "mimeType", alert.photo().mimeType());
            element(writer, "uri", links.photo(alert.id()));
            writer.writeEndElement();
        }
        writer.writeStartElement(NAMESPACE, "area");
        element(writer, "areaDesc", alert.lastSeen().place());
        element(writer, "circle", decimal(alert.lastSeen().latitude()) + "," + decimal(alert.lastSeen().longitude())
                + " " + decimal(alert.radiusKm()));
        writer.writeEndElement();
        writer.writeEndElement();
    }

    /** The identifier of the alert's message of this revision: the issuing Alert, then each Update. */
    private static String identifier(Alert alert, int revision) {
        return revision == 0 ? "childalert-alert-" + alert.id() : "childalert-alert-" + alert.id() + "-update-" + revision;
    }

    private static String restriction(DisclosureLevel level) {
        return level == DisclosureLevel.TARGETED
                ? "For the police zones concerned and the volunteers and partners selected for this alert only."
                : "For the police zones concerned only.";
    }

    private static String decimal(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static void element(XMLStreamWriter writer, String name, String text) throws XMLStreamException {
        writer.writeStartElement(NAMESPACE, name);
        writer.writeCharacters(text);
        writer.writeEndElement();
    }
}
