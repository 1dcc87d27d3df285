package org.childalert.notifications.optout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.childalert.events.RecipientKind;
import org.childalert.notifications.NotificationServiceTest;
import org.childalert.notifications.contacts.UnsubscribeLinks;
import org.childalert.notifications.contacts.UnsubscribeProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 12, finding 6: unsubscribe links never expired. A link now carries its expiry inside what is signed
 * (60 days by default) and is refused after it, with an answer that says what to do instead.
 */
@NotificationServiceTest
class UnsubscribeLinkExpiryIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UnsubscribeProperties properties;

    @Autowired
    UnsubscribeLinks links;

    @Test
    void anExpiredLinkIsRefusedWithAClearAnswer() throws Exception {
        Instant sent = Instant.now().minus(properties.unsubscribeValidity()).minus(Duration.ofDays(1));
        String token = new UnsubscribeLinks(properties, Clock.fixed(sent, ZoneOffset.UTC))
                .token(RecipientKind.VOLUNTEER, UUID.randomUUID());

        mvc.perform(post("/api/webhooks/email/unsubscribe").param("token", token)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("List-Unsubscribe=One-Click"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("token"))
                .andExpect(jsonPath("$.detail").value(containsString("expired on")))
                .andExpect(jsonPath("$.detail").value(containsString("reply STOP")));
        mvc.perform(get("/api/webhooks/email/unsubscribe").param("token", token))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("This unsubscribe link has expired")));
    }

    @Test
    void aLinkWithinItsValidityShowsThePageAndUnsubscribes() throws Exception {
        String token = links.token(RecipientKind.VOLUNTEER, UUID.randomUUID());

        mvc.perform(get("/api/webhooks/email/unsubscribe").param("token", token))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<button type=\"submit\">Unsubscribe</button>")));
        mvc.perform(post("/api/webhooks/email/unsubscribe").param("token", token)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("List-Unsubscribe=One-Click"))
                .andExpect(status().isOk());
    }
}
