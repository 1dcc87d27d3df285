package org.childalert.alerts.cap;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.Set;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.childalert.alerts.lifecycle.Alert;
import org.childalert.alerts.lifecycle.AlertStatus;
import org.childalert.alerts.lifecycle.CancellationReason;
import org.childalert.alerts.web.ConflictException;
import org.childalert.events.DisclosureLevel;
import org.springframework.stereotype.Component;

/**
 * Writes the public form of an alert as an OASIS CAP 1.2 message: {@code Alert} while it is active,
 * {@code Cancel} (referencing the original {@code Alert}) once it is cancelled. One {@code info} per language;
 * a {@code Cancel} tells only that the alert is withdrawn (and that the child was found), never the child's
 * description. Alerts below the {@code PUBLIC} level are {@code Restricted}.
 */
@Component
class CapMessageWriter {

    static final String NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2";

    /** CAP's dateTime form: seconds precision and a numeric offset ("Z" is not allowed). */
    private static final DateTimeFormatter CAP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
            .withZone(ZoneId.of("Europe/Brussels"));
    private static final Set<CancellationReason> CHILD_FOUND = EnumSet.of(CancellationReason.FOUND_SAFE,
            CancellationReason.FOUND_HARMED, CancellationReason.DECEASED, CancellationReason.RETURNED);

    private final CapProperties properties;
    private final XMLOutputFactory xml = XMLOutputFactory.newFactory();

    CapMessageWriter(CapProperties properties) {
        this.properties = properties;
    }

    /** The CAP message as UTF-8 XML; 409 when the alert has no public form (it was never issued). */
    byte[] write(Alert alert) {
        if (alert.status() != AlertStatus.ACTIVE
                && !(alert.status() == AlertStatus.CANCELLED && alert.issuedAt() != null)) {
            throw new ConflictException("Alert " + alert.id() + " is " + alert.status()
                    + "; only an ACTIVE or CANCELLED alert has a CAP message.");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter writer = xml.createXMLStreamWriter(out, "UTF-8");
            writer.writeStartDocument("UTF-8", "1.0");
            writer.setDefaultNamespace(NAMESPACE);
            writer.writeStartElement(NAMESPACE, "alert");
            writer.writeDefaultNamespace(NAMESPACE);
            if (alert.status() == AlertStatus.ACTIVE) {
                writeAlert(writer, alert);
            } else {
                writeCancel(writer, alert);
            }
            writer.writeEndElement();
            writer.writeEndDocument();
            writer.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write the CAP message of alert " + alert.id(), e);
        }
        return out.toByteArray();
    }

    private void writeAlert(XMLStreamWriter writer, Alert alert) throws XMLStreamException {
        header(writer, alert, alertIdentifier(alert), alert.issuedAt(), "Alert");
        for (CapLanguage language : CapLanguage.values()) {
            Alert.Child child = alert.child();
            String lastSeenAt = LOCAL_TIME.format(alert.lastSeen().at());
            String description = language.alertDescription.formatted(child.firstName(), child.age(),
                    alert.lastSeen().place(), lastSeenAt);
            if (child.description() != null && !child.description().isBlank()) {
                description += " " + child.description();
            }
            info(writer, alert, language, language.alertHeadline.formatted(child.firstName(), child.age(),
                    alert.lastSeen().place()), description, language.instruction.formatted(child.firstName()));
        }
    }

    private void writeCancel(XMLStreamWriter writer, Alert alert) throws XMLStreamException {
        header(writer, alert, "childalert-cancel-" + alert.id(), alert.cancelledAt(), "Cancel");
        boolean found = CHILD_FOUND.contains(alert.cancellationReason());
        for (CapLanguage language : CapLanguage.values()) {
            info(writer, alert, language,
                    found ? language.foundHeadline : language.withdrawnHeadline,
                    found ? language.foundDescription : language.withdrawnDescription,
                    null);
        }
    }

    private void header(XMLStreamWriter writer, Alert alert, String identifier, Instant sent, String msgType)
            throws XMLStreamException {
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
        if ("Cancel".equals(msgType)) {
            element(writer, "references",
                    properties.sender() + "," + alertIdentifier(alert) + "," + CAP_TIME.format(alert.issuedAt()));
        }
    }

    private void info(XMLStreamWriter writer, Alert alert, CapLanguage language, String headline,
                      String description, String instruction) throws XMLStreamException {
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
        writer.writeStartElement(NAMESPACE, "area");
        element(writer, "areaDesc", alert.lastSeen().place());
        element(writer, "circle", decimal(alert.lastSeen().latitude()) + "," + decimal(alert.lastSeen().longitude())
                + " " + decimal(alert.radiusKm()));
        writer.writeEndElement();
        writer.writeEndElement();
    }

    private static String alertIdentifier(Alert alert) {
        return "childalert-alert-" + alert.id();
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
