package org.childalert.alerts.feed;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.childalert.alerts.lifecycle.Alert;
import org.childalert.alerts.lifecycle.PublicLinks;
import org.springframework.stereotype.Component;

/**
 * Writes the Atom feed (RFC 4287) of active public alerts: per alert what the public level allows (first name,
 * age, description, last-seen place and time) with links to its CAP message and to its withdrawable photo
 * link, never the photo's real location, the case or anyone's identity.
 */
@Component
class AtomFeedWriter {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
            .withZone(ZoneId.of("Europe/Brussels"));

    private final PublicLinks links;
    private final XMLOutputFactory xml = XMLOutputFactory.newFactory();

    AtomFeedWriter(PublicLinks links) {
        this.links = links;
    }

    /** An alert in the feed and when its public form last changed. */
    record Entry(Alert alert, Instant updated) {
    }

    byte[] write(String title, List<Entry> entries, Instant now) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter writer = xml.createXMLStreamWriter(out, "UTF-8");
            writer.writeStartDocument("UTF-8", "1.0");
            writer.setDefaultNamespace(ATOM);
            writer.writeStartElement(ATOM, "feed");
            writer.writeDefaultNamespace(ATOM);
            element(writer, "id", "urn:childalert:feeds:alerts");
            element(writer, "title", title);
            element(writer, "updated", entries.stream().map(Entry::updated).max(Instant::compareTo).orElse(now)
                    .toString());
            link(writer, "self", "application/atom+xml", links.feed());
            writer.writeStartElement(ATOM, "author");
            element(writer, "name", title);
            writer.writeEndElement();
            for (Entry entry : entries) {
                entry(writer, entry);
            }
            writer.writeEndElement();
            writer.writeEndDocument();
            writer.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write the alerts feed", e);
        }
        return out.toByteArray();
    }

    private void entry(XMLStreamWriter writer, Entry entry) throws XMLStreamException {
        Alert alert = entry.alert();
        Alert.Child child = alert.child();
        writer.writeStartElement(ATOM, "entry");
        element(writer, "id", "urn:uuid:" + alert.id());
        element(writer, "title", "Missing child: %s, aged %d, last seen at %s".formatted(child.firstName(), child.age(),
                alert.lastSeen().place()));
        element(writer, "published", alert.issuedAt().toString());
        element(writer, "updated", entry.updated().toString());
        link(writer, "alternate", "application/cap+xml", links.cap(alert.id()));
        if (alert.photo() != null) {
            link(writer, "enclosure", alert.photo().mimeType(), links.photo(alert.id()));
        }
        String summary = "%s (aged %d) was last seen at %s on %s.".formatted(child.firstName(), child.age(),
                alert.lastSeen().place(), LOCAL_TIME.format(alert.lastSeen().at()));
        if (child.description() != null && !child.description().isBlank()) {
            summary += " " + child.description();
        }
        summary += " If you see %s, call 112 or Child Focus on 116 000. This alert expires at %s."
                .formatted(child.firstName(), LOCAL_TIME.format(alert.expiresAt()));
        element(writer, "summary", summary);
        writer.writeEndElement();
    }

    private static void link(XMLStreamWriter writer, String rel, String type, String href) throws XMLStreamException {
        writer.writeEmptyElement(ATOM, "link");
        writer.writeAttribute("rel", rel);
        writer.writeAttribute("type", type);
        writer.writeAttribute("href", href);
    }

    private static void element(XMLStreamWriter writer, String name, String text) throws XMLStreamException {
        writer.writeStartElement(ATOM, name);
        writer.writeCharacters(text);
        writer.writeEndElement();
    }
}
