package org.childalert.gateway.console.coordinator;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.childalert.events.DeliveryChannel;
import org.childalert.events.NoticeKind;
import org.childalert.events.RecipientKind;
import org.childalert.events.ReplyKind;
import org.childalert.gateway.console.ConsoleTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.util.HtmlUtils;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 review, finding 1: the alert page named the police's approval-request messages "APPROVAL_REQUESTED", the
 * enum itself, because no bundle had a text for it. Every kind of message, recipient, channel, reply and delivery
 * state that the services can send has a text in each of the four languages, and the page shows that text, never
 * the service's name for it; a kind added to the events without a text fails here.
 */
class AlertPageLabelsTests extends ConsoleTestSupport {

    private static final List<String> BUNDLES = List.of("messages.properties", "messages_nl.properties",
            "messages_fr.properties", "messages_de.properties");

    private final UUID alertId = UUID.randomUUID();

    @Autowired
    MessageSource messages;

    /** Each key the alert page looks up for a name the services send, with the names. */
    private static Map<String, List<String>> labelKeys() {
        return Map.of(
                "notice.", names(NoticeKind.values()),
                "recipient.", names(RecipientKind.values()),
                "channel.", names(DeliveryChannel.values()),
                "channel.one.", names(DeliveryChannel.values()),
                "reply.kind.", names(ReplyKind.values()),
                "delivery.state.", AlertReport.STATES);
    }

    @Test
    void everyBundleHasATextForEveryKindOfMessageRecipientChannelReplyAndState() throws IOException {
        List<String> missing = new ArrayList<>();
        for (String bundle : BUNDLES) {
            Properties texts = new Properties();
            try (Reader reader = new InputStreamReader(new ClassPathResource(bundle).getInputStream(),
                    StandardCharsets.UTF_8)) {
                texts.load(reader);
            }
            labelKeys().forEach((prefix, names) -> names.stream()
                    .filter(name -> texts.getProperty(prefix + name) == null)
                    .forEach(name -> missing.add(bundle + ": " + prefix + name)));
        }
        assertThat(missing).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "en", "nl", "fr", "de" })
    void namesEveryKindInTheUsersLanguageAndNeverByTheServicesName(String language) throws Exception {
        stubAlertWithEveryKind();
        Locale locale = Locale.forLanguageTag(language);

        String page = mvc.perform(MockMvcRequestBuilders.get("/alerts/" + alertId).param("lang", language)
                        .with(signedIn("alice", "coordinator")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        List<String> problems = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        labelKeys().forEach((prefix, names) -> names.forEach(name -> {
            String label = messages.getMessage(prefix + name, null, locale);
            labels.add(label);
            if (!page.contains(">" + HtmlUtils.htmlEscape(label, "UTF-8") + "<")) {
                problems.add("no text " + label + " for " + prefix + name);
            }
        }));
        labelKeys().values().stream().flatMap(List::stream).distinct()
                .filter(name -> !labels.contains(name)) // "SMS" is a word in every language
                .filter(name -> page.matches("(?s).*>\\s*" + name + "\\s*<.*"))
                .forEach(name -> problems.add("raw name " + name + " shown"));
        assertThat(problems).isEmpty();
    }

    private void stubAlertWithEveryKind() {
        alertService.stubFor(get(urlPathEqualTo("/api/alerts/" + alertId)).willReturn(okJson("""
                {"id":"%s","caseId":"%s","status":"ACTIVE","level":"TARGETED",
                 "area":{"latitude":50.8603,"longitude":4.362,"radiusKm":10.0},
                 "requestedBy":"alice","requestedAt":"2026-11-28T10:00:00Z","decidedBy":"dave",
                 "decidedAt":"2026-11-28T10:05:00Z","issuedAt":"2026-11-28T10:05:00Z","expiresAt":"2026-11-28T22:05:00Z",
                 "refusalReasons":[],
                 "notice":{"childFirstName":"Lina","childAge":12,"description":"Red jacket",
                           "lastSeenPlace":"Brussels-North station","lastSeenAt":"2026-11-28T08:30:00Z"},
                 "extensions":0,"hasPhoto":false,"pendingChange":null}""".formatted(alertId, UUID.randomUUID()))));
        alertService.stubFor(get(urlPathEqualTo("/api/alerts/" + alertId + "/acknowledgements")).willReturn(okJson("[]")));
        String everyState = AlertReport.STATES.stream().map(state -> "\"" + state + "\":1")
                .collect(Collectors.joining(",", "{", "}"));
        notificationService.stubFor(get(urlPathEqualTo("/api/alerts/" + alertId + "/report")).willReturn(okJson("""
                {"alertId":"%s","generatedAt":"2026-11-28T10:08:00Z","total":%d,"byState":%s,
                 "byChannel":{%s},"byNotice":{%s},"timeline":[]}""".formatted(alertId,
                AlertReport.STATES.size() * DeliveryChannel.values().length, everyState,
                Stream.of(DeliveryChannel.values()).map(c -> "\"" + c + "\":" + everyState).collect(Collectors.joining(",")),
                Stream.of(NoticeKind.values()).map(n -> "\"" + n + "\":" + everyState).collect(Collectors.joining(","))))));
        List<String> lines = new ArrayList<>();
        for (NoticeKind notice : NoticeKind.values()) {
            int i = notice.ordinal();
            lines.add("""
                    {"id":"%s","recipientKind":"%s","channel":"%s","notice":"%s","state":"%s",
                     "address":"+32 470 ** ** 56","attempts":1,"updatedAt":"2026-11-28T10:01:00Z"}"""
                    .formatted(UUID.randomUUID(), RecipientKind.values()[i % RecipientKind.values().length],
                            DeliveryChannel.values()[i % DeliveryChannel.values().length], notice,
                            AlertReport.STATES.get(i % AlertReport.STATES.size())));
        }
        notificationService.stubFor(get(urlPathEqualTo("/api/alerts/" + alertId + "/deliveries")).willReturn(okJson("""
                {"alertId":"%s","counts":{"total":%d,"byState":{},"byChannel":{}},"deliveries":[%s],"page":0,"size":20}"""
                .formatted(alertId, lines.size(), String.join(",", lines)))));
        notificationService.stubFor(get(urlPathEqualTo("/api/alerts/" + alertId + "/replies")).willReturn(okJson("""
                {"alertId":"%s","replies":[%s]}""".formatted(alertId, Stream.of(ReplyKind.values()).map(kind -> """
                {"id":"%s","receivedAt":"2026-11-28T10:07:00Z","kind":"%s","text":"on my way",
                 "recipientKind":"%s","recipientName":"An","phone":"+32470000102"}""".formatted(UUID.randomUUID(), kind,
                RecipientKind.values()[kind.ordinal() % RecipientKind.values().length])).collect(Collectors.joining(","))))));
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
