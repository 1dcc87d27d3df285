package org.childalert.notifications.email;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import org.childalert.events.RecipientKind;
import org.childalert.notifications.contacts.UnsubscribeLinks;
import org.childalert.notifications.providers.DeliveryFailedException;
import org.childalert.notifications.templates.RenderedEmail;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends alert emails over SMTP as multipart text and HTML, with one-click unsubscribe headers
 * ({@code List-Unsubscribe} and {@code List-Unsubscribe-Post}, RFC 8058) that mailbox providers show as an
 * unsubscribe button. Over a pooled connection ({@link SmtpConnections}): one SMTP handshake per sender, not per email.
 */
@Component
public class EmailSender {

    private static final Logger log = LoggerFactory.getLogger(EmailSender.class);

    private final SmtpConnections mail;
    private final AlertMailProperties properties;
    private final UnsubscribeLinks unsubscribeLinks;

    EmailSender(SmtpConnections mail, AlertMailProperties properties, UnsubscribeLinks unsubscribeLinks) {
        this.mail = mail;
        this.properties = properties;
        this.unsubscribeLinks = unsubscribeLinks;
    }

    /** Hands the email to the SMTP relay; returns its Message-ID. */
    public String send(String to, RenderedEmail email, RecipientKind kind, UUID recipientId) {
        try {
            MimeMessage message = message(to, email, kind, recipientId);
            mail.send(message);
            return message.getMessageID();
        } catch (SMTPSendFailedException e) {
            // the relay answered: 4xx means not now, 5xx means never for this message
            String code = "SMTP_" + e.getReturnCode();
            String message = "The mail relay refused the email: " + e.getMessage();
            throw e.getReturnCode() >= 400 && e.getReturnCode() < 500
                    ? DeliveryFailedException.temporary(code, message, e)
                    : DeliveryFailedException.permanent(code, message, e);
        } catch (SendFailedException e) {
            throw DeliveryFailedException.permanent("SMTP_REJECTED", "The mail relay refused the address: " + e.getMessage(), e);
        } catch (AuthenticationFailedException e) {
            throw DeliveryFailedException.providerUnwell("SMTP_AUTH", "The mail relay refused our login: " + e.getMessage(), e);
        } catch (MessagingException e) {
            // no connection, or it broke: the relay is down or unreachable, worth another attempt
            throw DeliveryFailedException.providerUnwell("SMTP_UNAVAILABLE", "The mail relay did not take the email: " + e.getMessage(), e);
        }
    }

    private MimeMessage message(String to, RenderedEmail email, RecipientKind kind, UUID recipientId) throws MessagingException {
        MimeMessage message = mail.createMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
                StandardCharsets.UTF_8.name());
        helper.setFrom(properties.from());
        helper.setTo(to);
        helper.setSubject(email.subject());
        helper.setText(email.text(), email.html());
        message.setHeader("List-Unsubscribe", "<" + unsubscribeLinks.url(kind, recipientId) + ">, <mailto:"
                + properties.unsubscribeMailbox() + "?subject=unsubscribe%20" + unsubscribeLinks.token(kind, recipientId) + ">");
        message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return message;
    }

    /**
     * Builds an email like {@code email} to nobody (an address under the reserved {@code .invalid} domain), encodes
     * it and writes it nowhere, then opens one connection to the relay into the pool: what the first real email
     * would otherwise do on an alert's time. Nothing is sent.
     */
    public void warmUp(RenderedEmail email) {
        try {
            MimeMessage message = message("warm-up@childalert.invalid", email, RecipientKind.VOLUNTEER, new UUID(0, 0));
            message.saveChanges();
            message.writeTo(OutputStream.nullOutputStream());
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("An email could not be built: " + e.getMessage(), e);
        }
        try {
            mail.openIdleConnection();
        } catch (MessagingException e) {
            log.warn("The mail relay could not be reached at start: {}", e.getMessage());
        }
    }
}
