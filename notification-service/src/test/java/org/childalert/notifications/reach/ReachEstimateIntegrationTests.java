package org.childalert.notifications.reach;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import org.childalert.events.DisclosureLevel;
import org.childalert.events.GeoCircle;
import org.childalert.events.NoticeKind;
import org.childalert.notifications.Callers;
import org.childalert.notifications.NotificationServiceTest;
import org.childalert.notifications.TestPeople;
import org.childalert.notifications.TestPeople.Person;
import org.childalert.notifications.targeting.Recipient;
import org.childalert.notifications.targeting.RecipientResolver;
import org.childalert.notifications.templates.Language;
import org.childalert.notifications.templates.MessageTemplates;
import org.childalert.notifications.templates.NoticeContent;
import org.childalert.notifications.templates.RenderedEmail;
import org.childalert.notifications.templates.SmsSegments;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 15, item 3: the reach of an alert and its messages before police are asked, against the real database:
 * the counts are what the fan-out's resolver would stream, the previews what the templates send.
 */
@NotificationServiceTest
class ReachEstimateIntegrationTests {

    private static final Logger log = LoggerFactory.getLogger(ReachEstimateIntegrationTests.class);
    private static final Instant LAST_SEEN = Instant.parse("2026-11-28T09:30:00Z");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RecipientResolver resolver;

    @Autowired
    MessageTemplates templates;

    @Autowired
    PlatformTransactionManager transactions;

    private TestPeople people;
    private final double latitude = ThreadLocalRandom.current().nextDouble(-60, 60);
    private final double longitude = ThreadLocalRandom.current().nextDouble(-170, 170);

    @Autowired
    void people(MockMvc mvc) {
        this.people = new TestPeople(mvc);
    }

    @Test
    void countsWhatTheFanOutsResolverWouldSendPerKindChannelAndLanguage() throws Exception {
        Person police = people.police("Unit " + UUID.randomUUID(), "fr", latitude, longitude, 2);
        Person nl1 = people.volunteer("nl", latitude + TestPeople.kmNorth(1), longitude, 50);
        Person nl2 = people.volunteer("nl", latitude + TestPeople.kmNorth(4), longitude, 20);
        Person de = people.volunteer("de", latitude - TestPeople.kmNorth(3), longitude, 10);
        Person emailOnly = people.volunteer("en", latitude - TestPeople.kmNorth(2), longitude, 10);
        jdbc.sql("update volunteer_channel set opted_out_at = now() where volunteer_id = :id and channel = 'SMS'")
                .param("id", emailOnly.id()).update();
        Person outside = people.volunteer("fr", latitude + TestPeople.kmNorth(30), longitude, 50);
        Person tooSmallARadius = people.volunteer("nl", latitude + TestPeople.kmNorth(8), longitude, 5);

        String answer = mvc.perform(post("/api/reach-estimates").with(Callers.alice())
                        .contentType(MediaType.APPLICATION_JSON).content(body(10, "TARGETED", "Red coat")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.recipients.POLICE.SMS.fr").value(1))
                .andExpect(jsonPath("$.recipients.POLICE.EMAIL.fr").value(1))
                .andExpect(jsonPath("$.recipients.VOLUNTEER.SMS.nl").value(2))
                .andExpect(jsonPath("$.recipients.VOLUNTEER.EMAIL.nl").value(2))
                .andExpect(jsonPath("$.recipients.VOLUNTEER.SMS.de").value(1))
                .andExpect(jsonPath("$.recipients.VOLUNTEER.EMAIL.de").value(1))
                .andExpect(jsonPath("$.recipients.VOLUNTEER.SMS.en").value(0))
                .andExpect(jsonPath("$.recipients.VOLUNTEER.EMAIL.en").value(1))
                .andExpect(jsonPath("$.recipients.VOLUNTEER.SMS.fr").value(0))
                .andExpect(jsonPath("$.total").value(9))
                .andReturn().getResponse().getContentAsString();
        log.info("Reach estimate over 10 km computed in {} ms", JsonPath.<Integer>read(answer, "$.computedInMs"));

        Map<String, Long> streamed = fanOutWouldSend(DisclosureLevel.TARGETED, 10);
        assertThat(estimated(answer)).isEqualTo(streamed);
        assertThat(streamed).containsEntry("VOLUNTEER EMAIL nl", 2L).containsEntry("POLICE SMS fr", 1L);

        String policeOnly = mvc.perform(post("/api/reach-estimates").with(Callers.bob())
                        .contentType(MediaType.APPLICATION_JSON).content(body(10, "POLICE_ONLY", "Red coat")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.recipients.VOLUNTEER.SMS.nl").value(0))
                .andExpect(jsonPath("$.total").value(2))
                .andReturn().getResponse().getContentAsString();
        assertThat(estimated(policeOnly)).isEqualTo(fanOutWouldSend(DisclosureLevel.POLICE_ONLY, 10));

        // nothing stored, nobody told
        List<UUID> everyone = Stream.of(police, nl1, nl2, de, emailOnly, outside, tooSmallARadius).map(Person::id).toList();
        assertThat(jdbc.sql("select count(*) from delivery where recipient_id in (:ids)").param("ids", everyone)
                .query(Long.class).single()).isZero();
    }

    @Test
    void previewsEveryLanguagesMessagesExactlyAsTheTemplatesRenderThem() throws Exception {
        String answer = mvc.perform(post("/api/reach-estimates").with(Callers.bob())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(5, "PUBLIC", "Red coat, blue backpack, blond hair in a ponytail.")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        NoticeContent content = new NoticeContent("Lina", 9, "Red coat, blue backpack, blond hair in a ponytail.",
                "the station", LAST_SEEN);
        for (Language language : Language.values()) {
            String at = "$.previews[?(@.language == '" + language.code() + "')]";
            String sms = templates.sms(NoticeKind.ISSUED, language, content);
            RenderedEmail email = templates.email(NoticeKind.ISSUED, language, content);
            assertThat(JsonPath.<List<String>>read(answer, at + ".sms.text")).containsExactly(sms);
            assertThat(JsonPath.<List<Integer>>read(answer, at + ".sms.segments")).containsExactly(SmsSegments.count(sms));
            assertThat(JsonPath.<List<String>>read(answer, at + ".sms.encoding")).containsExactly("GSM-7");
            assertThat(JsonPath.<List<String>>read(answer, at + ".email.subject")).containsExactly(email.subject());
            assertThat(JsonPath.<List<String>>read(answer, at + ".email.text")).containsExactly(email.text());
            assertThat(JsonPath.<List<String>>read(answer, at + ".email.unsubscribeLink"))
                    .containsExactly(ReachEstimates.UNSUBSCRIBE_PLACEHOLDER);
        }
        assertThat(JsonPath.<List<String>>read(answer, "$.previews[*].language")).containsExactly("nl", "fr", "de", "en");

        mvc.perform(post("/api/reach-estimates").with(Callers.alice()).contentType(MediaType.APPLICATION_JSON)
                        .content(body(5, "TARGETED", "Veste rouge, écharpe ♥")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.previews[0].sms.encoding").value("UCS-2"))
                .andExpect(jsonPath("$.previews[0].sms.text", containsString("♥")));
    }

    @Test
    void refusesBadInputNamingTheField() throws Exception {
        assertRefused(body(501, "TARGETED", "x"), "area.radiusKm", "at most 500 km");
        assertRefused(body(0, "TARGETED", "x"), "area.radiusKm", "more than 0 km");
        assertRefused(body(10, "TARGETED", "x").replace("\"latitude\":" + latitude, "\"latitude\":91"), "area.latitude",
                "between -90 and 90");
        assertRefused(body(10, "TARGETED", "x").replace("\"longitude\":" + longitude, "\"longitude\":-181"),
                "area.longitude", "between -180 and 180");
        assertRefused(body(10, "TARGETED", "x").replace("\"level\":\"TARGETED\",", ""), "level", "");
        assertRefused(body(10, "TARGETED", "x").replace("\"childFirstName\":\"Lina\",", ""), "notice.childFirstName", "");
    }

    @Test
    void isForCoordinatorsAndPoliceOnly() throws Exception {
        for (RequestPostProcessor caller : List.of(Callers.carol(), Callers.admin())) {
            mvc.perform(post("/api/reach-estimates").with(caller).contentType(MediaType.APPLICATION_JSON)
                            .content(body(10, "TARGETED", "x")))
                    .andExpect(status().isForbidden());
        }
    }

    private void assertRefused(String body, String field, String reason) throws Exception {
        mvc.perform(post("/api/reach-estimates").with(Callers.alice()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].message", containsString(reason)));
    }

    private String body(double radiusKm, String level, String description) {
        return """
                {"area":{"latitude":%s,"longitude":%s,"radiusKm":%s},"level":"%s",
                 "notice":{"childFirstName":"Lina","childAge":9,"description":"%s","lastSeenPlace":"the station",
                           "lastSeenAt":"%s"}}
                """.formatted(latitude, longitude, radiusKm, level, description, LAST_SEEN);
    }

    /** What the fan-out's own stream would queue over this area, counted per kind, channel and language. */
    private Map<String, Long> fanOutWouldSend(DisclosureLevel level, double radiusKm) {
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        return readOnly.execute(status -> {
            try (Stream<Recipient> recipients = resolver.recipients(new GeoCircle(latitude, longitude, radiusKm), level)) {
                return recipients.collect(Collectors.groupingBy(
                        r -> r.kind() + " " + r.channel() + " " + r.language().code(), Collectors.counting()));
            }
        });
    }

    /** The non-zero counts of an estimate, keyed as {@link #fanOutWouldSend} keys them. */
    private static Map<String, Long> estimated(String answer) {
        Map<String, Map<String, Map<String, Number>>> recipients = JsonPath.read(answer, "$.recipients");
        Map<String, Long> counts = new HashMap<>();
        recipients.forEach((kind, channels) -> channels.forEach((channel, languages) -> languages.forEach((language, n) -> {
            if (n.longValue() > 0) {
                counts.put(kind + " " + channel + " " + language, n.longValue());
            }
        })));
        return counts;
    }
}
