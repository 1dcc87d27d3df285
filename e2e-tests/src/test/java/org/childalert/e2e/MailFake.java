package org.childalert.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;

/** The SMTP fake's mailboxes, read over IMAP as a recipient would (login and password: the address). */
final class MailFake {

    private MailFake() {
    }

    record Mail(String subject, String listUnsubscribe) {
    }

    static List<Mail> inbox(String address) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.imap.connectiontimeout", "5000");
        properties.put("mail.imap.timeout", "5000");
        Session session = Session.getInstance(properties);
        List<Mail> mails = new ArrayList<>();
        try (Store store = session.getStore("imap")) {
            try {
                store.connect(Stack.IMAP_HOST, Stack.IMAP_PORT, address, address);
            } catch (jakarta.mail.AuthenticationFailedException noMailboxYet) {
                return mails; // GreenMail creates the mailbox on first delivery
            }
            try (Folder inbox = store.getFolder("INBOX")) {
                inbox.open(Folder.READ_ONLY);
                for (Message message : inbox.getMessages()) {
                    String[] unsubscribe = message.getHeader("List-Unsubscribe");
                    mails.add(new Mail(message.getSubject(), unsubscribe == null ? null : unsubscribe[0]));
                }
            }
        }
        return mails;
    }
}
