package org.childalert.notifications.contacts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.childalert.events.RecipientKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnsubscribeLinksTests {

    private static final Instant SENT = Instant.parse("2026-11-28T10:00:00Z");
    private static final UnsubscribeProperties PROPERTIES = new UnsubscribeProperties(
            "https://alerts.example/api/webhooks/email/unsubscribe", "a-test-secret-of-some-length", Duration.ofDays(60));

    private final UnsubscribeLinks links = new UnsubscribeLinks(PROPERTIES, Clock.fixed(SENT, ZoneOffset.UTC));

    @Test
    void aSignedTokenNamesItsSubscriberAndATamperedOneNobody() {
        UUID id = UUID.randomUUID();
        String token = links.token(RecipientKind.VOLUNTEER, id);

        assertThat(links.verify(token)).isEqualTo(new UnsubscribeLinks.Valid(new UnsubscribeLinks.Subscriber(RecipientKind.VOLUNTEER, id)));
        assertThat(links.verify(token.replace(id.toString(), UUID.randomUUID().toString()))).isInstanceOf(UnsubscribeLinks.Invalid.class);
        assertThat(links.verify(token.replace("VOLUNTEER", "POLICE"))).isInstanceOf(UnsubscribeLinks.Invalid.class);
        assertThat(links.url(RecipientKind.VOLUNTEER, id)).startsWith("https://alerts.example/api/webhooks/email/unsubscribe?token=VOLUNTEER.");
    }

    @Test
    void aTokenWorksForItsValidityAndIsRefusedAfterIt() {
        UUID id = UUID.randomUUID();
        String token = links.token(RecipientKind.VOLUNTEER, id);

        UnsubscribeLinks dayBefore = new UnsubscribeLinks(PROPERTIES, Clock.fixed(SENT.plus(Duration.ofDays(59)), ZoneOffset.UTC));
        UnsubscribeLinks dayAfter = new UnsubscribeLinks(PROPERTIES, Clock.fixed(SENT.plus(Duration.ofDays(61)), ZoneOffset.UTC));

        assertThat(dayBefore.verify(token)).isInstanceOf(UnsubscribeLinks.Valid.class);
        assertThat(dayAfter.verify(token)).isEqualTo(new UnsubscribeLinks.Expired(SENT.plus(Duration.ofDays(60))));
    }

    @Test
    void aTokenCannotBeGivenALaterExpiryWithoutTheSecret() {
        String token = links.token(RecipientKind.VOLUNTEER, UUID.randomUUID());
        String[] parts = token.split("\\.");
        String extended = parts[0] + "." + parts[1] + "." + (Long.parseLong(parts[2]) + 365L * 86400) + "." + parts[3];

        assertThat(links.verify(extended)).isInstanceOf(UnsubscribeLinks.Invalid.class);
    }

    @Test
    void aLinkOfBeforeTheExpiryWasSignedIsRefused() {
        // the old format, kind.id.signature, never expired
        String old = "VOLUNTEER." + UUID.randomUUID() + ".c2lnbmF0dXJl";

        assertThat(links.verify(old)).isInstanceOf(UnsubscribeLinks.Invalid.class);
    }
}
