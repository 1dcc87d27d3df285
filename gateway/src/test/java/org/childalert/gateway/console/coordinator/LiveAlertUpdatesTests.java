package org.childalert.gateway.console.coordinator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.http.Fault;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import org.childalert.gateway.console.ConsoleTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockAsyncContext;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The alert page's live updates (server-sent events at {@code /alerts/{id}/live}) in front of fake services:
 * what is pushed, only when it changed, with the signed-in user's token, and how a stream ends.
 */
class LiveAlertUpdatesTests extends ConsoleTestSupport {

    /** Generous: the machine running the tests may be busy; nothing here measures time. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final UUID alertId = UUID.randomUUID();

    @Autowired
    LiveAlertUpdates live;

    @AfterEach
    void endOpenStreams() {
        live.finishAll();
    }

    @Test
    void pushesTheProgressTheMinutesTheMessagesAndTheRepliesRenderedInTheUsersLanguage() throws Exception {
        stubAlert();
        stubReport(2, 1);
        stubDeliveries();
        stubReplies();

        MvcResult stream = openLive(signedIn("alice", "coordinator"), "fr");

        String events = awaitEvents(stream, "replies");
        assertThat(dataOf(events, "summary")).contains("id=\"deliveries-summary\"")
                .contains("3 messages sur 4 acceptés par le fournisseur (75", "%)", "2 sur 2 acceptés par le fournisseur", "1 remis").contains("<progress max=\"4\" value=\"3\"");
        assertThat(dataOf(events, "counts")).contains("id=\"counts-by-channel\"", "id=\"counts-by-notice\"",
                "id=\"timeline\"", "<time datetime=\"2026-11-28T10:06:00Z\">11:06</time>", "Distribués");
        assertThat(dataOf(events, "recipients")).contains("id=\"delivery-list\"", "+32 470 ** ** 56");
        assertThat(dataOf(events, "replies")).contains("Signalement", "Vue au tram 81, direction Montgomery",
                "href=\"tel:+32470000102\"", "An");
        assertThat(events).doesNotContain("event:status");
        notificationService.verify(getRequestedFor(urlEqualTo("/api/alerts/" + alertId + "/report"))
                .withHeader("Authorization", equalTo("Bearer token-of-alice")));
        notificationService.verify(getRequestedFor(urlEqualTo("/api/alerts/" + alertId + "/replies"))
                .withHeader("Authorization", equalTo("Bearer token-of-alice")));
        // the page lists the newest messages only, and so does what updates it
        notificationService.verify(getRequestedFor(urlPathEqualTo("/api/alerts/" + alertId + "/deliveries"))
                .withQueryParam("size", equalTo(String.valueOf(DeliveryReport.LATEST)))
                .withHeader("Authorization", equalTo("Bearer token-of-alice")));
    }

    @Test
    void pushesAFragmentAgainOnlyWhenItChanged() throws Exception {
        stubAlert();
        stubReport(2, 1);
        stubDeliveries();
        stubReplies();
        MvcResult stream = openLive(signedIn("alice", "coordinator"), "en");
        awaitEvents(stream, "replies");
        int readsBefore = reportReads();

        // several more reads of the same state: nothing new is sent, and the list of messages is not read again
        await().atMost(PATIENCE).until(() -> reportReads() >= readsBefore + 3);
        String unchanged = text(stream);
        assertThat(count(unchanged, "event:summary")).isEqualTo(1);
        assertThat(count(unchanged, "event:counts")).isEqualTo(1);
        assertThat(count(unchanged, "event:replies")).isEqualTo(1);
        assertThat(count(unchanged, "event:recipients")).isEqualTo(1);
        assertThat(reads("/deliveries")).isEqualTo(1);

        // one more message delivered: the summary and counts go out again, and the list of messages is read again
        stubReport(3, 1);
        await().atMost(PATIENCE).until(() -> count(text(stream), "event:summary") == 2);
        assertThat(dataOf(text(stream), "summary")).contains("4 of 4 messages accepted by the provider (100%)");
        await().atMost(PATIENCE).until(() -> reads("/deliveries") == 2);
        assertThat(count(text(stream), "event:counts")).isEqualTo(2);
        assertThat(count(text(stream), "event:replies")).isEqualTo(1);
    }

    @Test
    void saysSoWhileTheNotificationServiceCannotBeReachedAndCarriesOn() throws Exception {
        stubAlert();
        notificationService.stubFor(get("/api/alerts/" + alertId + "/report")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        MvcResult stream = openLive(signedIn("alice", "coordinator"), "nl");

        assertThat(dataOf(awaitEvents(stream, "status"), "status"))
                .contains("Live bijwerken gepauzeerd", "role=\"status\"");
        stubReport(1, 0);
        stubDeliveries();
        stubReplies();
        String recovered = awaitEvents(stream, "summary");
        assertThat(recovered).contains("event:summary");
        await().atMost(PATIENCE).until(() -> count(text(stream), "event:status") == 2);
    }

    @Test
    void leavesTheRepliesOutWhenTheServiceDoesNotShowThemToTheUserAndStopsAskingForThem() throws Exception {
        stubAlert();
        stubReport(2, 1);
        stubDeliveries();
        notificationService.stubFor(get("/api/alerts/" + alertId + "/replies").willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"title\":\"Forbidden\",\"status\":403,\"detail\":\"Replies are for coordinators.\"}")));

        MvcResult stream = openLive(signedIn("bob", "police"), "en");

        awaitEvents(stream, "recipients");
        int readsBefore = reportReads();
        await().atMost(PATIENCE).until(() -> reportReads() >= readsBefore + 2);
        assertThat(text(stream)).doesNotContain("event:replies").doesNotContain("event:status");
        assertThat(reads("/replies")).isEqualTo(1);
        assertThat(live.openStreams()).isEqualTo(1);
    }

    @Test
    void refusesAnAlertTheServiceDoesNotShowAndOnlyLetsCoordinatorsAndPoliceIn() throws Exception {
        alertService.stubFor(get("/api/alerts/" + alertId).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"title\":\"Not found\",\"status\":404,\"detail\":\"Alert " + alertId + " does not exist.\"}")));

        mvc.perform(liveRequest().with(signedIn("alice", "coordinator")))
                .andExpect(status().isNotFound());
        mvc.perform(liveRequest().with(signedIn("carol", "volunteer")))
                .andExpect(status().isForbidden());

        assertThat(notificationService.findAll(anyRequestedFor(anyUrl()))).isEmpty();
        assertThat(live.openStreams()).isZero();
    }

    @Test
    void stopsReadingOnceTheBrowserHasGoneAway() throws Exception {
        stubAlert();
        stubReport(2, 1);
        stubDeliveries();
        stubReplies();
        MvcResult stream = openLive(signedIn("bob", "police"), "en");
        awaitEvents(stream, "replies");
        assertThat(live.openStreams()).isEqualTo(1);

        MockAsyncContext connection = (MockAsyncContext) stream.getRequest().getAsyncContext();
        for (AsyncListener listener : connection.getListeners()) {
            listener.onError(new AsyncEvent(connection, new IOException("Broken pipe")));
        }

        assertThat(live.openStreams()).isZero();
    }

    @Test
    void endsTheStreamBeforeTheAccessTokenItReadsWithExpires() throws Exception {
        stubAlert();
        stubReport(2, 1);
        stubDeliveries();
        stubReplies();

        MvcResult stream = openLive(signedIn("alice", Duration.ofSeconds(20), "coordinator"), "en");

        stream.getAsyncResult(PATIENCE.toMillis()); // the stream completed
        assertThat(text(stream)).startsWith("retry:1000").contains("event:summary");
        assertThat(live.openStreams()).isZero();
    }

    @Test
    void answers503WhenAsManyPagesAsAllowedAreLiveAlready() throws Exception {
        stubAlert();
        stubReport(2, 1);
        stubDeliveries();
        stubReplies();
        for (int page = 0; page < MAX_LIVE_PAGES; page++) {
            openLive(signedIn("alice", "coordinator"), "en");
        }

        mvc.perform(liveRequest().with(signedIn("alice", "coordinator")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().exists("Retry-After"));
        assertThat(live.openStreams()).isEqualTo(MAX_LIVE_PAGES);
    }

    private MvcResult openLive(RequestPostProcessor user, String language) throws Exception {
        return mvc.perform(liveRequest().with(user).header("Accept-Language", language))
                .andExpect(request().asyncStarted())
                .andExpect(header().string("Content-Type", MediaType.TEXT_EVENT_STREAM_VALUE))
                .andReturn();
    }

    private MockHttpServletRequestBuilder liveRequest() {
        return MockMvcRequestBuilders.get("/alerts/" + alertId + "/live").accept(MediaType.TEXT_EVENT_STREAM);
    }

    /** What the stream has sent once it has sent the named event. */
    private static String awaitEvents(MvcResult stream, String event) {
        await().atMost(PATIENCE).until(() -> text(stream).contains("event:" + event + "\n"));
        return text(stream);
    }

    /** What the stream sent so far (server-sent events are UTF-8, whatever the content type says). */
    private static String text(MvcResult stream) {
        return new String(stream.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    /** The data of the last event of that name. */
    private static String dataOf(String events, String event) {
        Matcher data = Pattern.compile("event:" + event + "\ndata:(.*)\n").matcher(events);
        String last = null;
        while (data.find()) {
            last = data.group(1);
        }
        assertThat(last).as("data of event " + event + " in " + events).isNotNull();
        return last;
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    private int reportReads() {
        return reads("/report");
    }

    private int reads(String ofAlert) {
        return notificationService.findAll(getRequestedFor(urlPathEqualTo("/api/alerts/" + alertId + ofAlert))).size();
    }

    private void stubAlert() {
        alertService.stubFor(get("/api/alerts/" + alertId).willReturn(okJson("""
                {"id":"%s","caseId":"%s","status":"ACTIVE","level":"TARGETED",
                 "area":{"latitude":50.8603,"longitude":4.362,"radiusKm":10.0},"criteria":{"underEighteen":true},
                 "requestedBy":"alice","requestedAt":"2026-11-28T10:00:00Z","refusalReasons":[],
                 "notice":{"childFirstName":"Lina","childAge":12,"description":"Red jacket",
                 "lastSeenPlace":"Brussels-North station","lastSeenAt":"2026-11-28T08:30:00Z"}}"""
                .formatted(alertId, UUID.randomUUID()))));
    }

    /** Four messages (two SMS, two emails): so many delivered, one accepted, the rest pending. */
    private void stubReport(int delivered, int accepted) {
        int pending = 4 - delivered - accepted;
        notificationService.stubFor(get("/api/alerts/" + alertId + "/report").willReturn(okJson("""
                {"alertId":"%s","generatedAt":"%s","total":4,
                 "byState":{"PENDING":%d,"SENDING":0,"ACCEPTED":%d,"DELIVERED":%d,"UNDELIVERED":0,"FAILED":0},
                 "byChannel":{"SMS":{"PENDING":0,"SENDING":0,"ACCEPTED":%d,"DELIVERED":%d,"UNDELIVERED":0,"FAILED":0},
                              "EMAIL":{"PENDING":%d,"SENDING":0,"ACCEPTED":0,"DELIVERED":%d,"UNDELIVERED":0,"FAILED":0}},
                 "byNotice":{"ISSUED":{"PENDING":%d,"SENDING":0,"ACCEPTED":%d,"DELIVERED":%d,"UNDELIVERED":0,"FAILED":0},
                             "UPDATED":{},"WIDENED":{},"FOUND":{}},
                 "timeline":[{"minute":"2026-11-28T10:05:00Z","handedOver":4,"delivered":1,"failed":0},
                             {"minute":"2026-11-28T10:06:00Z","handedOver":0,"delivered":%d,"failed":0}]}"""
                .formatted(alertId, Instant.now(), pending, accepted, delivered,
                        accepted, 2 - accepted, pending, delivered - (2 - accepted), pending, accepted, delivered,
                        delivered - 1))));
    }

    private void stubDeliveries() {
        notificationService.stubFor(get(urlPathEqualTo("/api/alerts/" + alertId + "/deliveries")).willReturn(okJson("""
                {"alertId":"%s","counts":{"total":1,"byState":{"DELIVERED":1},"byChannel":{"SMS":1}},
                 "deliveries":[{"id":"%s","recipientKind":"VOLUNTEER","channel":"SMS","notice":"ISSUED",
                  "state":"DELIVERED","address":"+32 470 ** ** 56","attempts":1,"errorCode":null,
                  "updatedAt":"2026-11-28T10:06:00Z"}],"page":0,"size":100}""".formatted(alertId, UUID.randomUUID()))));
    }

    private void stubReplies() {
        notificationService.stubFor(get("/api/alerts/" + alertId + "/replies").willReturn(okJson("""
                {"alertId":"%s","replies":[{"id":"%s","receivedAt":"2026-11-28T10:07:00Z","kind":"SIGHTING",
                  "text":"Vue au tram 81, direction Montgomery","recipientKind":"VOLUNTEER","recipientName":"An",
                  "phone":"+32470000102"}]}""".formatted(alertId, UUID.randomUUID()))));
    }
}
