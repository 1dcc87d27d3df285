package org.childalert.notifications.delivery;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.childalert.notifications.templates.RenderedEmail;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends alert emails over SMTP as multipart text and HTML, with one-click unsubscribe headers
 * ({@code List-Unsubscribe} and {@code List-Unsubscribe-Post}, RFC 8058) that mailbox providers show as an
 * unsubscribe button.
 */
@Component
class EmailSender {

    private final JavaMailSender mail;
    private final AlertMailProperties properties;

    EmailSender(JavaMailSender mail, AlertMailProperties properties) {
        this.mail = mail;
        this.properties = properties;
    }

    /** Hands the email to the SMTP relay; returns its Message-ID. */
    String send(String to, RenderedEmail email, String unsubscribeToken) {
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
                    StandardCharsets.UTF_8.name());
            helper.setFrom(properties.from());
            helper.setTo(to);
            helper.setSubject(email.subject());
            helper.setText(email.text(), email.html());
            String token = URLEncoder.encode(unsubscribeToken, StandardCharsets.UTF_8);
            message.setHeader("List-Unsubscribe", "<" + properties.unsubscribeUrl() + "?token=" + token + ">, <mailto:"
                    + properties.unsubscribeMailbox() + "?subject=unsubscribe%20" + token + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            mail.send(message);
            return message.getMessageID();
        } catch (MessagingException | MailException e) {
            throw new DeliveryFailedException("SMTP_REJECTED", "The mail relay did not take the email: " + e.getMessage(), e);
        }
    }
}
