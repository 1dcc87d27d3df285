package org.childalert.faults;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import tools.jackson.databind.JsonNode;

/** What reached people: the SMS bodies at the Twilio fake (WireMock's journal), the mails in the SMTP fake's boxes. */
final class Fakes {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Fakes() {
    }

    /** Every SMS body the Twilio fake received, by destination number. */
    static Map<String, List<String>> smsByNumber() throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create(LocalStack.TWILIO_FAKE + "/__admin/requests?limit=20000")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Map<String, List<String>> sms = new HashMap<>();
        for (JsonNode served : Api.JSON.readTree(response.body()).get("requests")) {
            JsonNode request = served.get("request");
            if (!"POST".equals(request.get("method").asText()) || !request.get("url").asText().endsWith("/Messages.json")) {
                continue;
            }
            Map<String, String> form = new HashMap<>();
            for (String pair : request.get("body").asText().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            sms.computeIfAbsent(form.get("To"), to -> new ArrayList<>()).add(form.get("Body"));
        }
        return sms;
    }

    /** The subjects of the mails in a mailbox, read over IMAP (login and password: the address). */
    static List<String> mailSubjects(String address) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.imap.connectiontimeout", "5000");
        properties.put("mail.imap.timeout", "5000");
        List<String> subjects = new ArrayList<>();
        try (Store store = Session.getInstance(properties).getStore("imap")) {
            try {
                store.connect(LocalStack.IMAP_HOST, LocalStack.IMAP_PORT, address, address);
            } catch (AuthenticationFailedException noMailboxYet) {
                return subjects; // GreenMail creates the mailbox on first delivery
            }
            try (Folder inbox = store.getFolder("INBOX")) {
                inbox.open(Folder.READ_ONLY);
                for (Message message : inbox.getMessages()) {
                    subjects.add(message.getSubject());
                }
            }
        }
        return subjects;
    }
}
