package org.childalert.benchmarks.ceilings;

import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

/**
 * Each worker connects one SMTP transport once and sends every message over it, as a pooled sender that reuses
 * its connections does. The message is built per recipient, as the service does, within the time measured.
 */
final class SmtpSenders implements ClosedLoopLoad.SenderFactory {

    private final Session session;

    SmtpSenders(int smtpPort) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(smtpPort));
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "30000");
        this.session = Session.getInstance(properties);
    }

    @Override
    public ClosedLoopLoad.Sender open() throws Exception {
        Transport transport = session.getTransport("smtp");
        transport.connect();
        return new ClosedLoopLoad.Sender() {
            @Override
            public void send(long sequence) throws Exception {
                MimeMessage message = AlertEmail.to(session, "volunteer-" + sequence + "@example.org");
                transport.sendMessage(message, message.getAllRecipients());
            }

            @Override
            public void close() throws Exception {
                transport.close();
            }
        };
    }
}
