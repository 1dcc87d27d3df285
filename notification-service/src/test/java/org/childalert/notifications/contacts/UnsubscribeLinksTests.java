package org.childalert.notifications.contacts;

import java.util.UUID;

import org.childalert.events.RecipientKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnsubscribeLinksTests {

    private final UnsubscribeLinks links = new UnsubscribeLinks(
            new UnsubscribeProperties("https://alerts.example/api/webhooks/email/unsubscribe", "a-test-secret-of-some-length"));

    @Test
    void aSignedTokenNamesItsSubscriberAndATamperedOneNobody() {
        UUID id = UUID.randomUUID();
        String token = links.token(RecipientKind.VOLUNTEER, id);

        assertThat(links.verify(token)).contains(new UnsubscribeLinks.Subscriber(RecipientKind.VOLUNTEER, id));
        assertThat(links.verify(token.replace(id.toString(), UUID.randomUUID().toString()))).isEmpty();
        assertThat(links.verify(token.replace("VOLUNTEER", "POLICE"))).isEmpty();
        assertThat(links.url(RecipientKind.VOLUNTEER, id)).startsWith("https://alerts.example/api/webhooks/email/unsubscribe?token=VOLUNTEER.");
    }
}
