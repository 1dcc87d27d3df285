package org.childalert.benchmarks.ceilings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.junit.jupiter.api.Test;

class AlertEmailTests {

    private final Session session = Session.getInstance(new Properties());

    @Test
    void isATextAndHtmlAlternativeWithOneClickUnsubscribe() throws Exception {
        MimeMessage email = AlertEmail.to(session, "volunteer-7@example.org");

        MimeMultipart alternative = (MimeMultipart) email.getContent();
        assertThat(alternative.getContentType()).startsWith("multipart/alternative");
        assertThat(alternative.getCount()).isEqualTo(2);
        assertThat(alternative.getBodyPart(0).isMimeType("text/plain")).isTrue();
        assertThat(alternative.getBodyPart(1).isMimeType("text/html")).isTrue();
        assertThat(email.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(email.getHeader("List-Unsubscribe")[0]).startsWith("<https://childalert.example/unsubscribe/");
    }

    @Test
    void weighsWhatARealAlertEmailWeighs() throws Exception {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        AlertEmail.to(session, "volunteer-7@example.org").writeTo(wire);

        assertThat(wire.size()).as("bytes on the wire").isBetween(5_000, 10_000);
    }
}
