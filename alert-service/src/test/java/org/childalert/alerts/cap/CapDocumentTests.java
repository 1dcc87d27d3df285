package org.childalert.alerts.cap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.childalert.alerts.lifecycle.Alert;
import org.childalert.alerts.lifecycle.AlertStatus;
import org.childalert.alerts.lifecycle.CancellationReason;
import org.childalert.alerts.lifecycle.PendingChange;
import org.childalert.alerts.lifecycle.PublicLinks;
import org.childalert.alerts.policy.Criteria;
import org.childalert.kit.web.ConflictException;
import org.childalert.events.Actor;
import org.childalert.events.DisclosureLevel;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

class CapDocumentTests {

    private static final Instant ISSUED = Instant.parse("2026-11-28T10:15:30.123Z");
    private static final Instant CANCELLED = Instant.parse("2026-11-28T13:00:00Z");

    private final CapMessageWriter writer = new CapMessageWriter(
            new CapProperties("alerts@childalert.example", "Child Alert"),
            new PublicLinks(URI.create("https://alerts.example.org")));
    private final CapMessageReader reader = new CapMessageReader();

    @Test
    void anActiveAlertIsAValidCapAlert() throws Exception {
        byte[] cap = writer.write(active(DisclosureLevel.PUBLIC), List.of());

        assertThatCode(() -> validate(cap)).doesNotThrowAnyException();
        Document document = parse(cap);
        assertThat(text(document, "msgType")).containsExactly("Alert");
        assertThat(text(document, "status")).containsExactly("Actual");
        assertThat(text(document, "scope")).containsExactly("Public");
        assertThat(text(document, "sent")).containsExactly("2026-11-28T10:15:30+00:00");
        assertThat(text(document, "language")).containsExactly("nl-BE", "fr-BE", "de-BE", "en");
        assertThat(text(document, "category")).containsOnly("Rescue").hasSize(4);
        assertThat(text(document, "event")).contains("Child Alert", "Kinderalarm", "Alerte enfant");
        assertThat(text(document, "urgency")).containsOnly("Immediate");
        assertThat(text(document, "severity")).containsOnly("Severe");
        assertThat(text(document, "certainty")).containsOnly("Likely");
        assertThat(text(document, "expires")).containsOnly("2026-11-28T16:15:30+00:00");
        assertThat(text(document, "areaDesc")).containsOnly("Brussels-North station");
        assertThat(text(document, "circle")).containsOnly("50.8603,4.3617 10");
        assertThat(text(document, "description")).allSatisfy(description -> assertThat(description)
                .contains("Lena").contains("Red coat, blue backpack"));
    }

    @Test
    void aDiscreetAlertIsRestrictedAndSaysToWhom() throws Exception {
        byte[] cap = writer.write(active(DisclosureLevel.TARGETED), List.of());

        validate(cap);
        Document document = parse(cap);
        assertThat(text(document, "scope")).containsExactly("Restricted");
        assertThat(text(document, "restriction")).singleElement().asString().contains("volunteers");
    }

    @Test
    void aCancelledAlertIsAValidCapCancelThatReferencesTheOriginalAlert() throws Exception {
        Alert alert = active(DisclosureLevel.PUBLIC);
        Alert cancelled = cancelled(alert, CancellationReason.FOUND_SAFE);

        byte[] cap = writer.write(cancelled, List.of());

        assertThatCode(() -> validate(cap)).doesNotThrowAnyException();
        Document document = parse(cap);
        assertThat(text(document, "msgType")).containsExactly("Cancel");
        assertThat(text(document, "sent")).containsExactly("2026-11-28T13:00:00+00:00");
        assertThat(text(document, "references")).containsExactly(
                "alerts@childalert.example,childalert-alert-" + alert.id() + ",2026-11-28T10:15:30+00:00");
        assertThat(text(document, "identifier")).singleElement().asString().isNotEqualTo("childalert-alert-" + alert.id());
        assertThat(text(document, "headline")).contains("Child Alert withdrawn: the child has been found");
    }

    @Test
    void aCancelCarriesNoDescriptionOfTheChild() {
        String cap = new String(writer.write(cancelled(active(DisclosureLevel.PUBLIC), CancellationReason.FOUND_SAFE), List.of()),
                StandardCharsets.UTF_8);

        assertThat(cap).doesNotContain("Lena").doesNotContain("Red coat").doesNotContain("backpack");
    }

    @Test
    void aRetractedAlertIsWithdrawnWithoutClaimingTheChildWasFound() throws Exception {
        Document document = parse(writer.write(cancelled(active(DisclosureLevel.PUBLIC), CancellationReason.RETRACTED), List.of()));

        assertThat(text(document, "headline")).contains("Child Alert withdrawn").noneMatch(h -> h.contains("found"));
    }

    @Test
    void anAlertThatWasNeverIssuedHasNoCapForm() {
        Alert pending = new Alert(UUID.randomUUID(), UUID.randomUUID(), AlertStatus.PENDING_APPROVAL,
                DisclosureLevel.PUBLIC, 10, new Criteria(true, true, true, true), lastSeen(), child(), requester(),
                ISSUED, null, null, null, null, null, null, List.of(), null, 0);

        assertThatThrownBy(() -> writer.write(pending, List.of())).isInstanceOf(ConflictException.class)
                .hasMessageContaining("PENDING_APPROVAL");
    }

    @Test
    void theSpecificationsOwnAmberAlertExampleIsValid() {
        assertThatCode(() -> validate(resource("/cap/oasis-amber-alert-example.xml")))
                .doesNotThrowAnyException();
    }

    @Test
    void theValidatorRejectsACapMessageWithoutItsSentTime() throws Exception {
        String withoutSent = new String(writer.write(active(DisclosureLevel.PUBLIC), List.of()), StandardCharsets.UTF_8)
                .replaceAll("<sent>[^<]*</sent>", "");

        assertThatThrownBy(() -> validate(withoutSent.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SAXException.class).hasMessageContaining("status");
    }

    @Test
    void anAlertWithNewInformationIsAValidCapUpdateReferencingEveryEarlierMessage() throws Exception {
        Alert alert = approved(active(DisclosureLevel.PUBLIC), "Now wearing a grey hoodie.", "image/jpeg");
        Instant update = ISSUED.plus(Duration.ofMinutes(40));
        Instant widening = ISSUED.plus(Duration.ofHours(1));

        byte[] cap = writer.write(alert, List.of(ISSUED, update, widening));

        validate(cap);
        Document document = parse(cap);
        assertThat(text(document, "msgType")).containsExactly("Update");
        assertThat(text(document, "identifier")).containsExactly("childalert-alert-" + alert.id() + "-update-2");
        assertThat(text(document, "sent")).containsExactly("2026-11-28T11:15:30+00:00");
        assertThat(text(document, "references")).containsExactly(
                "alerts@childalert.example,childalert-alert-" + alert.id() + ",2026-11-28T10:15:30+00:00 "
                        + "alerts@childalert.example,childalert-alert-" + alert.id() + "-update-1,2026-11-28T10:55:30+00:00");
        assertThat(text(document, "description")).allSatisfy(d -> assertThat(d).contains("grey hoodie"));
        assertThat(text(document, "uri")).hasSize(4)
                .containsOnly("https://alerts.example.org/api/feeds/alerts/" + alert.id() + "/photo");
        assertThat(text(document, "mimeType")).containsOnly("image/jpeg");
    }

    @Test
    void theCancelOfAnUpdatedAlertReferencesAllItsMessagesAndLinksNoPhoto() throws Exception {
        Alert updated = approved(active(DisclosureLevel.PUBLIC), null, "image/jpeg");
        Alert cancelled = cancelled(updated, CancellationReason.FOUND_SAFE);

        byte[] cap = writer.write(cancelled, List.of(ISSUED, ISSUED.plusSeconds(600)));

        validate(cap);
        Document document = parse(cap);
        assertThat(text(document, "msgType")).containsExactly("Cancel");
        assertThat(text(document, "references")).singleElement().asString()
                .contains("childalert-alert-" + cancelled.id() + ",")
                .contains("childalert-alert-" + cancelled.id() + "-update-1,2026-11-28T10:25:30+00:00");
        assertThat(text(document, "resource")).isEmpty();
        assertThat(new String(cap, StandardCharsets.UTF_8)).doesNotContain("/photo");
    }

    /** The alert once a change bringing this description and photo was asked for and approved. */
    private static Alert approved(Alert alert, String description, String photoMimeType) {
        return alert.withChangeRequested(PendingChange.update(description, photoMimeType,
                new Actor(UUID.randomUUID().toString(), "alice"), ISSUED.plusSeconds(60))).withChangeApproved();
    }

    @Test
    void anExpiredAlertIsAValidCancelWithoutTheChildsData() throws Exception {
        Alert expired = new Alert(UUID.randomUUID(), UUID.randomUUID(), AlertStatus.EXPIRED, DisclosureLevel.PUBLIC,
                25, new Criteria(true, true, true, true), lastSeen(), new Alert.Child("Lena", 9, null), requester(),
                ISSUED.minusSeconds(600), new Actor("dave-subject", "dave"), ISSUED, ISSUED,
                ISSUED.plus(Duration.ofHours(6)), null, null, List.of(), null, 0);

        byte[] cap = writer.write(expired, List.of(ISSUED));

        validate(cap);
        Document document = parse(cap);
        assertThat(text(document, "msgType")).containsExactly("Cancel");
        assertThat(text(document, "sent")).containsExactly("2026-11-28T16:15:30+00:00");
        assertThat(text(document, "headline")).contains("Child Alert withdrawn");
        assertThat(new String(cap, StandardCharsets.UTF_8)).doesNotContain("Lena");
    }

    @Test
    void theReaderReadsTheOasisAmberAlertExample() throws Exception {
        byte[] example;
        try (InputStream in = resource("/cap/oasis-amber-alert-example.xml")) {
            example = in.readAllBytes();
        }

        CapMessage message = reader.read(example);

        assertThat(message.identifier()).isEqualTo("KAR0-0306112239-SW");
        assertThat(message.sender()).isEqualTo("KARO@CLETS.DOJ.CA.GOV");
        assertThat(message.msgType()).isEqualTo("Alert");
        assertThat(message.scope()).isEqualTo("Public");
        assertThat(message.references()).isEmpty();
        assertThat(message.infos()).extracting(CapMessage.Info::language).containsExactly("en-US", "es-US");
        CapMessage.Info english = message.infos().get(0);
        assertThat(english.event()).isEqualTo("Child Abduction");
        assertThat(english.categories()).containsExactly("Rescue");
        assertThat(english.headline()).isEqualTo("Amber Alert in Los Angeles County");
        assertThat(english.areas()).singleElement().satisfies(area -> {
            assertThat(area.areaDesc()).isEqualTo("Los Angeles County");
            assertThat(area.geocodes()).containsExactly("SAME=006037");
        });
    }

    @Test
    void theReaderReadsBackWhatTheWriterWrote() {
        Alert alert = active(DisclosureLevel.PUBLIC);

        CapMessage message = reader.read(writer.write(cancelled(alert, CancellationReason.FOUND_SAFE),
                List.of(ISSUED, ISSUED.plusSeconds(60))));

        assertThat(message.msgType()).isEqualTo("Cancel");
        assertThat(message.references()).hasSize(2);
        assertThat(message.infos()).extracting(CapMessage.Info::language).containsExactly("nl-BE", "fr-BE", "de-BE", "en");
        assertThat(message.infos().get(3).areas().get(0).circles()).containsExactly("50.8603,4.3617 10");
    }

    @Test
    void theReaderRefusesADocumentThatIsNotValidCap() {
        String withoutSent = new String(writer.write(active(DisclosureLevel.PUBLIC), List.of()), StandardCharsets.UTF_8)
                .replaceAll("<sent>[^<]*</sent>", "");

        assertThatThrownBy(() -> reader.read(withoutSent.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidCapMessageException.class).hasMessageContaining("Not a valid CAP 1.2 message");
        assertThatThrownBy(() -> reader.read("""
                <?xml version="1.0"?><!DOCTYPE alert [<!ENTITY x SYSTEM "file:///etc/passwd">]><alert>&x;</alert>
                """.strip().getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidCapMessageException.class);
    }

    private static Alert active(DisclosureLevel level) {
        return new Alert(UUID.randomUUID(), UUID.randomUUID(), AlertStatus.ACTIVE, level, 10,
                new Criteria(true, true, true, true), lastSeen(), child(), requester(), ISSUED.minusSeconds(600),
                new Actor("dave-subject", "dave"), ISSUED, ISSUED, ISSUED.plus(Duration.ofHours(6)), null, null,
                List.of(), null, 0);
    }

    private static Alert cancelled(Alert alert, CancellationReason reason) {
        return new Alert(alert.id(), alert.caseId(), AlertStatus.CANCELLED, alert.level(), alert.radiusKm(),
                alert.criteria(), alert.lastSeen(), alert.child(), alert.requestedBy(), alert.requestedAt(),
                alert.decidedBy(), alert.decidedAt(), alert.issuedAt(), alert.expiresAt(), CANCELLED, reason, List.of(),
                null, alert.extensions());
    }

    private static Alert.LastSeen lastSeen() {
        return new Alert.LastSeen(Instant.parse("2026-11-28T09:30:00Z"), 50.8603, 4.3617, "Brussels-North station");
    }

    private static Alert.Child child() {
        return new Alert.Child("Lena", 9, "Red coat, blue backpack, shoulder-length brown hair.");
    }

    private static Actor requester() {
        return new Actor("alice-subject", "alice");
    }

    private static void validate(byte[] xml) throws Exception {
        validate(new ByteArrayInputStream(xml));
    }

    private static void validate(InputStream xml) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        Schema schema;
        try (InputStream xsd = resource("/cap/CAP-v1.2.xsd")) {
            schema = factory.newSchema(new StreamSource(xsd));
        }
        Source source = new StreamSource(xml);
        schema.newValidator().validate(source);
    }

    private static InputStream resource(String path) {
        InputStream stream = CapDocumentTests.class.getResourceAsStream(path);
        assertThat(stream).as(path).isNotNull();
        return stream;
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static List<String> text(Document document, String element) {
        NodeList nodes = document.getElementsByTagNameNS(CapMessageWriter.NAMESPACE, element);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(((Element) nodes.item(i)).getTextContent());
        }
        return texts;
    }
}
