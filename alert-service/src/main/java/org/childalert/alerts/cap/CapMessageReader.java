package org.childalert.alerts.cap;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Reads CAP 1.2 messages, ours and other issuers' (the OASIS AMBER example among them): the document must be
 * valid against the official schema (bundled as {@code cap/CAP-v1.2.xsd}); DTDs and external entities are
 * refused. An invalid document is an {@link InvalidCapMessageException} saying why.
 */
@Component
public class CapMessageReader {

    private final Schema schema;
    private final DocumentBuilderFactory documents;

    CapMessageReader() {
        try (InputStream xsd = CapMessageReader.class.getResourceAsStream("/cap/CAP-v1.2.xsd")) {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            schema = factory.newSchema(new StreamSource(xsd));
            documents = DocumentBuilderFactory.newInstance();
            documents.setNamespaceAware(true);
            documents.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            documents.setXIncludeAware(false);
            documents.setExpandEntityReferences(false);
        } catch (IOException | SAXException | ParserConfigurationException e) {
            throw new IllegalStateException("The CAP 1.2 schema cannot be loaded", e);
        }
    }

    /** The message, once validated against the CAP 1.2 schema. */
    public CapMessage read(byte[] xml) {
        Document document;
        try {
            document = documents.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
            schema.newValidator().validate(new DOMSource(document));
        } catch (SAXException | IOException e) {
            throw new InvalidCapMessageException("Not a valid CAP 1.2 message: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        Element alert = document.getDocumentElement();
        String references = text(alert, "references");
        List<CapMessage.Info> infos = new ArrayList<>();
        for (Element info : children(alert, "info")) {
            List<CapMessage.Area> areas = new ArrayList<>();
            for (Element area : children(info, "area")) {
                areas.add(new CapMessage.Area(text(area, "areaDesc"), texts(area, "circle"), texts(area, "polygon"),
                        children(area, "geocode").stream()
                                .map(code -> text(code, "valueName") + "=" + text(code, "value")).toList()));
            }
            infos.add(new CapMessage.Info(text(info, "language"), texts(info, "category"), text(info, "event"),
                    text(info, "urgency"), text(info, "severity"), text(info, "certainty"), text(info, "expires"),
                    text(info, "headline"), text(info, "description"),
                    children(info, "resource").stream().map(resource -> text(resource, "uri")).toList(), areas));
        }
        return new CapMessage(text(alert, "identifier"), text(alert, "sender"), text(alert, "sent"),
                text(alert, "status"), text(alert, "msgType"), text(alert, "scope"),
                references == null ? List.of() : Arrays.asList(references.trim().split("\\s+")), infos);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && CapMessageWriter.NAMESPACE.equals(element.getNamespaceURI())
                    && name.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0).getTextContent().trim();
    }

    private static List<String> texts(Element parent, String name) {
        return children(parent, name).stream().map(element -> element.getTextContent().trim()).toList();
    }
}
