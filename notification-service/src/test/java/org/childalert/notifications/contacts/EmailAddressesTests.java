package org.childalert.notifications.contacts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmailAddressesTests {

    @Test
    void acceptsAPlainAddressAndLowersItsDomain() {
        assertThat(EmailAddresses.normalized(" jan.peeters+alerts@Example.ORG ")).contains("jan.peeters+alerts@example.org");
    }

    @Test
    void rejectsWhatAMailRelayWouldNotDeliver() {
        assertThat(EmailAddresses.normalized("jan@localhost")).isEmpty();
        assertThat(EmailAddresses.normalized("jan.example.org")).isEmpty();
        assertThat(EmailAddresses.normalized("Jan <jan@example.org>")).isEmpty();
        assertThat(EmailAddresses.normalized("jan@@example.org")).isEmpty();
        assertThat(EmailAddresses.normalized("jan@exa mple.org")).isEmpty();
        assertThat(EmailAddresses.normalized("")).isEmpty();
    }

    @Test
    void masksTheLocalPartButItsFirstLetter() {
        assertThat(EmailAddresses.masked("jan.peeters@example.org")).isEqualTo("j***@example.org");
    }
}
