package org.childalert.notifications.email;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.mail.MessagingException;
import jakarta.mail.NoSuchProviderException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.childalert.notifications.providers.SendingProperties;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * A small pool of open SMTP connections, one per email sender, kept open from one email to the next. Spring's
 * {@code JavaMailSender.send(message)} opens a connection (TCP, greeting, EHLO, maybe TLS and AUTH) for every
 * call; at thousands of emails that handshake costs more than the email itself. A connection that fails is
 * closed and the next email opens a fresh one. A connection idle for longer than {@value #MAX_IDLE_SECONDS} s is
 * closed rather than reused (relays drop idle clients after a few minutes; asking with NOOP before every email
 * would cost a round trip each).
 */
@Component
class SmtpConnections implements DisposableBean {

    private static final long MAX_IDLE_SECONDS = 30;

    private record Connection(Transport transport, long idleSinceNanos) {
    }

    private final JavaMailSenderImpl mail;
    private final BlockingQueue<Connection> idle;

    SmtpConnections(JavaMailSenderImpl mail, SendingProperties sending) {
        this.mail = mail;
        this.idle = new ArrayBlockingQueue<>(sending.emailWorkers() + 4);
    }

    MimeMessage createMessage() {
        return mail.createMimeMessage();
    }

    /** Sends over a pooled connection, opening one if none is idle; the connection goes back to the pool if it is still good. */
    void send(MimeMessage message) throws MessagingException {
        Connection pooled = idle.poll();
        while (pooled != null && System.nanoTime() - pooled.idleSinceNanos() > TimeUnit.SECONDS.toNanos(MAX_IDLE_SECONDS)) {
            close(pooled.transport());
            pooled = idle.poll();
        }
        Transport transport = pooled != null ? pooled.transport() : connect();
        boolean reusable = false;
        try {
            message.saveChanges(); // Transport.send would do it; sendMessage does not (Message-ID, MIME headers)
            transport.sendMessage(message, message.getAllRecipients());
            reusable = true;
        } catch (jakarta.mail.SendFailedException e) {
            reusable = transport.isConnected(); // the relay refused this message, the connection is fine
            throw e;
        } finally {
            if (!reusable || !idle.offer(new Connection(transport, System.nanoTime()))) {
                close(transport);
            }
        }
    }

    /** Opens a connection to the relay and leaves it in the pool for the next email (closed if the pool is full). */
    void openIdleConnection() throws MessagingException {
        Transport transport = connect();
        if (!idle.offer(new Connection(transport, System.nanoTime()))) {
            close(transport);
        }
    }

    private Transport connect() throws MessagingException {
        Transport transport;
        try {
            transport = mail.getSession().getTransport(mail.getProtocol() == null ? "smtp" : mail.getProtocol());
        } catch (NoSuchProviderException e) {
            throw new IllegalStateException(e);
        }
        transport.connect(mail.getHost(), mail.getPort(), mail.getUsername(), mail.getPassword());
        return transport;
    }

    private static void close(Transport transport) {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException e) {
                // closing a connection that already failed: nothing more to do
            }
        }
    }

    @Override
    public void destroy() {
        Connection connection;
        while ((connection = idle.poll()) != null) {
            close(connection.transport());
        }
    }
}
