package org.childalert.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;

/**
 * The mails Keycloak sends (e-mail verification, forgotten password) as they arrive in the SMTP fake's mailbox,
 * read over IMAP as the recipient would (login and password: the address), and the action link they carry.
 */
final class KeycloakMails {

    private static final Pattern ACTION_LINK =
            Pattern.compile(Pattern.quote(Stack.KEYCLOAK) + "/realms/childalert/login-actions/action-token\\?[^\\s\"<>]+");

    private KeycloakMails() {
    }

    record Mail(String subject, String text) {

        /** The one-time link of the mail (verify the address, or choose a new password). */
        String actionLink() {
            Matcher link = ACTION_LINK.matcher(text);
            if (!link.find()) {
                throw new AssertionError("No Keycloak action link in the mail '" + subject + "':\n" + text);
            }
            return link.group();
        }
    }

    static List<Mail> inbox(String address) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.imap.connectiontimeout", "5000");
        properties.put("mail.imap.timeout", "5000");
        List<Mail> mails = new ArrayList<>();
        try (Store store = Session.getInstance(properties).getStore("imap")) {
            try {
                store.connect(Stack.IMAP_HOST, Stack.IMAP_PORT, address, address);
            } catch (jakarta.mail.AuthenticationFailedException noMailboxYet) {
                return mails; // GreenMail creates the mailbox on first delivery
            }
            try (Folder inbox = store.getFolder("INBOX")) {
                inbox.open(Folder.READ_ONLY);
                for (Message message : inbox.getMessages()) {
                    mails.add(new Mail(message.getSubject(), plainText(message)));
                }
            }
        }
        return mails;
    }

    private static String plainText(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return part.getContent().toString();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart parts = (Multipart) part.getContent();
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < parts.getCount(); i++) {
                text.append(plainText(parts.getBodyPart(i)));
            }
            return text.toString();
        }
        return "";
    }
}
