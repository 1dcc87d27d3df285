package org.childalert.notifications.volunteers;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.jayway.jsonpath.JsonPath;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.MimeMessage;
import org.childalert.notifications.Callers;
import org.childalert.notifications.FakeProviders;
import org.childalert.notifications.NotificationServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A volunteer's life: double opt-in, consent shown back, preferences, opting out by every channel, erasure. */
@NotificationServiceTest
class VolunteerLifecycleIntegrationTests {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    private static final Pattern LINK = Pattern.compile("(http://\\S+/api/webhooks/email/verification\\?token=\\S+)");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private record Volunteer(String id, String phone, String email, RequestPostProcessor caller) {
    }

    @Test
    void aVolunteerConfirmsTheirPhoneWithTheSmsCodeAndTheirMailboxWithTheEmailLink() throws Exception {
        Volunteer volunteer = signUp();

        String code = await().until(() -> lastSmsTo(volunteer.phone()), body -> body != null && CODE.matcher(body).find());
        Matcher digits = CODE.matcher(code);
        digits.find();
        String wrong = digits.group(1).equals("000000") ? "111111" : "000000";
        mvc.perform(post("/api/volunteers/" + volunteer.id() + "/verifications/SMS/confirmation").with(volunteer.caller())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"" + wrong + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("code"));
        mvc.perform(post("/api/volunteers/" + volunteer.id() + "/verifications/SMS/confirmation").with(volunteer.caller())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"" + digits.group(1) + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.channel").value("SMS"));

        MimeMessage mail = await().until(() -> lastEmailTo(volunteer.email()), message -> message != null);
        assertThat(mail.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        Matcher link = LINK.matcher(GreenMailUtil.getBody(mail).replace("=\r\n", "").replace("=3D", "="));
        assertThat(link.find()).isTrue();
        String token = link.group(1).substring(link.group(1).indexOf("token=") + "token=".length());
        mvc.perform(get("/api/webhooks/email/verification").param("token", token))
                .andExpect(status().isOk());
        assertThat(verifiedAt(volunteer.id(), "EMAIL")).isFalse(); // opening the link alone confirms nothing
        mvc.perform(post("/api/webhooks/email/verification").param("token", token))
                .andExpect(status().isOk());

        assertThat(verifiedAt(volunteer.id(), "SMS")).isTrue();
        assertThat(verifiedAt(volunteer.id(), "EMAIL")).isTrue();
        mvc.perform(post("/api/webhooks/email/verification").param("token", token))
                .andExpect(status().isNotFound()); // used once
    }

    @Test
    void aNumberIsSentOnlyAFewCodesPerHourWhoeverAsks() throws Exception {
        Volunteer volunteer = signUp();
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/api/volunteers/" + volunteer.id() + "/verifications/SMS").with(volunteer.caller()))
                    .andExpect(status().isAccepted());
        }
        mvc.perform(post("/api/volunteers/" + volunteer.id() + "/verifications/SMS").with(volunteer.caller()))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aVolunteerReadsBackWhatTheyConsentedToWhenAndFromWhere() throws Exception {
        Volunteer volunteer = signUp();

        mvc.perform(get("/api/volunteers/" + volunteer.id() + "/consent").with(volunteer.caller()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].textVersion").value("volunteer-consent-2026-11"))
                .andExpect(jsonPath("$[0].text", containsString("meldingen over vermiste kinderen")))
                .andExpect(jsonPath("$[0].ipAddress").value("198.51.100.4"))
                .andExpect(jsonPath("$[0].userAgent").value("VolunteerTests/1.0"))
                .andExpect(jsonPath("$[0].channels[0]").value("EMAIL"))
                .andExpect(jsonPath("$[0].givenAt").isNotEmpty());
    }

    @Test
    void anAdminAttestationIsRecordedAndOnlyAnAdminMayGiveIt() throws Exception {
        MvcResult created = mvc.perform(post("/api/volunteers").with(Callers.admin()).contentType(MediaType.APPLICATION_JSON)
                        .content(body(VolunteerControllerTests.randomMobile(), "att-" + UUID.randomUUID() + "@example.org")
                                .replace("\"consent\":true", "\"consent\":true,\"verifiedBy\":\"admin\"")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.channels[0].verifiedAt").isNotEmpty())
                .andReturn();
        String id = JsonPath.read(created.getResponse().getContentAsString(), "$.id");
        mvc.perform(get("/api/volunteers/" + id + "/consent").with(Callers.admin()))
                .andExpect(jsonPath("$[0].channelsAttestedBy").value("admin"));

        String name = "vol-" + UUID.randomUUID();
        mvc.perform(post("/api/volunteers").with(Callers.newVolunteer(name)).contentType(MediaType.APPLICATION_JSON)
                        .content(body(VolunteerControllerTests.randomMobile(), "x@example.org")
                                .replace("\"consent\":true", "\"consent\":true,\"verifiedBy\":\"admin\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("verifiedBy"));
        assertThat(jdbc.sql("select count(*) from volunteer where owner_subject = :name").param("name", name)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aVolunteerChangesTheirPreferencesAndBadInputChangesNothing() throws Exception {
        Volunteer volunteer = signUp();

        mvc.perform(put("/api/volunteers/" + volunteer.id() + "/preferences").with(volunteer.caller())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"channels":["EMAIL"],"language":"fr","home":{"postalCode":"4000"},"radiusKm":25,
                                 "quietHours":{"from":"22:00","until":"07:00"},"pausedUntil":"2099-01-01T00:00:00Z"}
                                """))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("pausedUntil")); // longer than a year
        mvc.perform(put("/api/volunteers/" + volunteer.id() + "/preferences").with(volunteer.caller())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"channels":["EMAIL"],"language":"fr","home":{"postalCode":"4000"},"radiusKm":25,
                                 "quietHours":{"from":"22:00","until":"07:00"}}
                                """))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.language").value("fr"))
                .andExpect(jsonPath("$.radiusKm").value(25.0))
                .andExpect(jsonPath("$.home.postalCode").value("4000"))
                .andExpect(jsonPath("$.quietHours.from").value("22:00:00"))
                .andExpect(jsonPath("$.channels.length()").value(1));
        mvc.perform(put("/api/volunteers/" + volunteer.id() + "/preferences").with(volunteer.caller())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"channels":["EMAIL"],"language":"xx","home":{"postalCode":"4000"},"radiusKm":0}
                                """))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.sql("select language from volunteer where id = :id").param("id", UUID.fromString(volunteer.id()))
                .query(String.class).single()).isEqualTo("fr");
    }

    @Test
    void stopBySmsOptsOutAndStartOptsBackInButOnlyWithTwilioSignature() throws Exception {
        Volunteer volunteer = signUp();
        Map<String, String> stop = Map.of("From", volunteer.phone(), "To", "+32460000000", "Body", "Stop",
                "MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""), "AccountSid", FakeProviders.ACCOUNT_SID);

        mvc.perform(inbound(stop, "forged"))
                .andExpect(status().isForbidden());
        assertThat(optedOut(volunteer.id(), "SMS")).isFalse();

        mvc.perform(inbound(stop, sign("http://localhost:8080/api/webhooks/twilio/inbound", stop)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_XML))
                .andExpect(content().string(containsString("<Message>CHILD ALERT: you will receive no more SMS")));
        assertThat(optedOut(volunteer.id(), "SMS")).isTrue();
        assertThat(optedOut(volunteer.id(), "EMAIL")).isFalse();

        Map<String, String> start = Map.of("From", volunteer.phone(), "To", "+32460000000", "Body", "START");
        mvc.perform(inbound(start, sign("http://localhost:8080/api/webhooks/twilio/inbound", start)))
                .andExpect(status().isOk());
        assertThat(optedOut(volunteer.id(), "SMS")).isFalse();
    }

    @Test
    void theOneClickLinkOfAnEmailUnsubscribesWithoutLoginAndCannotBeForged() throws Exception {
        Volunteer volunteer = signUp();
        MimeMessage mail = await().until(() -> lastEmailTo(volunteer.email()), message -> message != null);
        String header = mail.getHeader("List-Unsubscribe", null);
        String url = header.substring(1, header.indexOf('>'));
        String token = java.net.URLDecoder.decode(url.substring(url.indexOf("token=") + 6), StandardCharsets.UTF_8);

        mvc.perform(post("/api/webhooks/email/unsubscribe").param("token", token.replace(volunteer.id(), UUID.randomUUID().toString()))
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("List-Unsubscribe=One-Click"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/webhooks/email/unsubscribe").param("token", token)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("List-Unsubscribe=One-Click"))
                .andExpect(status().isOk());

        assertThat(optedOut(volunteer.id(), "EMAIL")).isTrue();
    }

    @Test
    void erasureDeletesThePersonButKeepsAnonymousDeliveryCounts() throws Exception {
        Volunteer volunteer = signUp();
        UUID id = UUID.fromString(volunteer.id());
        UUID alertId = UUID.randomUUID();
        jdbc.sql("""
                insert into alert_notice (alert_id, case_id, level, child_first_name, child_age, issued_at)
                values (:alertId, :caseId, 'TARGETED', 'Test', 8, now())
                """).param("alertId", alertId).param("caseId", UUID.randomUUID()).update();
        jdbc.sql("""
                insert into delivery (id, alert_id, recipient_kind, recipient_id, channel, notice, address, language, state)
                values (:deliveryId, :alertId, 'VOLUNTEER', :id, 'EMAIL', 'ISSUED', :email, 'nl', 'ACCEPTED')
                """).param("deliveryId", UUID.randomUUID()).param("alertId", alertId).param("id", id)
                .param("email", volunteer.email()).update();

        mvc.perform(delete("/api/volunteers/" + volunteer.id()).with(volunteer.caller()))
                .andExpect(status().isNoContent());

        mvc.perform(get("/api/volunteers/" + volunteer.id()).with(Callers.admin())).andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from volunteer_consent where volunteer_id = :id").param("id", id)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from delivery where alert_id = :alertId and address is null")
                .param("alertId", alertId).query(Long.class).single()).isEqualTo(1);
        mvc.perform(get("/api/alerts/" + alertId + "/deliveries").with(Callers.alice()))
                .andExpect(jsonPath("$.counts.total").value(1))
                .andExpect(content().string(not(containsString(volunteer.email()))));
    }

    @Test
    void anotherVolunteersIdIsNotFoundOnEveryEndpointAndLeaksNothing() throws Exception {
        Volunteer owner = signUp();
        RequestPostProcessor intruder = Callers.newVolunteer("vol-" + UUID.randomUUID());
        String base = "/api/volunteers/" + owner.id();
        for (MockHttpServletRequestBuilder request : new MockHttpServletRequestBuilder[] {
                get(base), get(base + "/consent"), delete(base),
                put(base + "/preferences").contentType(MediaType.APPLICATION_JSON).content(
                        "{\"channels\":[\"EMAIL\"],\"language\":\"fr\",\"home\":{\"postalCode\":\"4000\"},\"radiusKm\":5}"),
                post(base + "/opt-out"), post(base + "/opt-in"), post(base + "/verifications/EMAIL"),
                post(base + "/verifications/SMS/confirmation").contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"123456\"}")}) {
            mvc.perform(request.with(intruder))
                    .andExpect(status().isNotFound())
                    .andExpect(content().string(not(containsString(owner.email()))))
                    .andExpect(content().string(not(containsString(owner.phone()))));
        }
        mvc.perform(get(base).with(owner.caller())).andExpect(status().isOk());
        assertThat(optedOut(owner.id(), "EMAIL")).isFalse();
    }

    @Test
    void aVolunteerOptsOutOfAChannelThroughTheApi() throws Exception {
        Volunteer volunteer = signUp();
        mvc.perform(post("/api/volunteers/" + volunteer.id() + "/opt-out").with(volunteer.caller())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"channels\":[\"EMAIL\"]}"))
                .andExpect(status().isNoContent());
        assertThat(optedOut(volunteer.id(), "EMAIL")).isTrue();
        assertThat(optedOut(volunteer.id(), "SMS")).isFalse();
    }

    private Volunteer signUp() throws Exception {
        String phone = VolunteerControllerTests.randomMobile();
        String email = "life-" + UUID.randomUUID() + "@example.org";
        RequestPostProcessor caller = Callers.newVolunteer("vol-" + UUID.randomUUID());
        MvcResult created = mvc.perform(post("/api/volunteers").with(caller)
                        // the client's address as Tomcat's RemoteIpValve sets it from the gateway's X-Forwarded-For
                        .with(request -> {
                            request.setRemoteAddr("198.51.100.4");
                            return request;
                        })
                        .header("User-Agent", "VolunteerTests/1.0")
                        .contentType(MediaType.APPLICATION_JSON).content(body(phone, email)))
                .andExpect(status().isCreated())
                .andReturn();
        return new Volunteer(JsonPath.read(created.getResponse().getContentAsString(), "$.id"), phone, email, caller);
    }

    private static String body(String phone, String email) {
        return """
                {"name":"Lien Maes","phone":"%s","email":"%s","language":"nl","channels":["SMS","EMAIL"],
                 "home":{"postalCode":"9000"},"radiusKm":10,"consent":true}
                """.formatted(phone, email);
    }

    private static MockHttpServletRequestBuilder inbound(Map<String, String> form, String signature) {
        MockHttpServletRequestBuilder request = post("/api/webhooks/twilio/inbound")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).header("X-Twilio-Signature", signature);
        form.forEach(request::param);
        return request;
    }

    /** As Twilio signs: HMAC-SHA1 with the auth token over the URL and each parameter name and value, sorted. */
    private static String sign(String url, Map<String, String> form) throws Exception {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(form).forEach((name, value) -> data.append(name).append(value));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(FakeProviders.AUTH_TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private boolean verifiedAt(String id, String channel) {
        return jdbc.sql("select verified_at is not null from volunteer_channel where volunteer_id = :id and channel = :channel")
                .param("id", UUID.fromString(id)).param("channel", channel).query(Boolean.class).single();
    }

    private boolean optedOut(String id, String channel) {
        return jdbc.sql("select opted_out_at is not null from volunteer_channel where volunteer_id = :id and channel = :channel")
                .param("id", UUID.fromString(id)).param("channel", channel).query(Boolean.class).single();
    }

    private static String lastSmsTo(String phone) {
        var sent = FakeProviders.twilio().findAll(WireMock.postRequestedFor(WireMock.urlEqualTo(FakeProviders.MESSAGES_PATH))
                .withFormParam("To", WireMock.equalTo(phone)));
        return sent.isEmpty() ? null : sent.get(sent.size() - 1).formParameters().get("Body").firstValue();
    }

    private static MimeMessage lastEmailTo(String address) {
        return Arrays.stream(FakeProviders.smtp().getReceivedMessages())
                .filter(message -> {
                    try {
                        return Arrays.stream(message.getRecipients(RecipientType.TO)).anyMatch(a -> a.toString().equals(address));
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .reduce((first, second) -> second)
                .orElse(null);
    }
}
