package org.childalert.notifications.delivery;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.childalert.events.RecipientKind;
import org.childalert.notifications.contacts.UnsubscribeLinks;
import org.childalert.notifications.templates.RenderedEmail;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
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
    private final UnsubscribeLinks unsubscribeLinks;

    EmailSender(JavaMailSender mail, AlertMailProperties properties, UnsubscribeLinks unsubscribeLinks) {
        this.mail = mail;
        this.properties = properties;
        this.unsubscribeLinks = unsubscribeLinks;
    }

    /** Hands the email to the SMTP relay; returns its Message-ID. */
    String send(String to, RenderedEmail email, RecipientKind kind, UUID recipientId) {
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
                    StandardCharsets.UTF_8.name());
            helper.setFrom(properties.from());
            helper.setTo(to);
            helper.setSubject(email.subject());
            helper.setText(email.text(), email.html());
            message.setHeader("List-Unsubscribe", "<" + unsubscribeLinks.url(kind, recipientId) + ">, <mailto:"
                    + properties.unsubscribeMailbox() + "?subject=unsubscribe%20" + unsubscribeLinks.token(kind, recipientId) + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            mail.send(message);
            return message.getMessageID();
        } catch (MailSendException e) {
            // the relay was unreachable or turned the message away for now: worth another attempt
            throw DeliveryFailedException.temporary("SMTP_UNAVAILABLE", "The mail relay did not take the email: " + e.getMessage(), e);
        } catch (MessagingException | MailException e) {
            throw DeliveryFailedException.permanent("SMTP_REJECTED", "The email could not be built or sent: " + e.getMessage(), e);
        }
    }
}
