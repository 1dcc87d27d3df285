package org.childalert.benchmarks.ceilings;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * An alert email as a volunteer receives it: multipart/alternative, a plain-text part and an HTML part (about
 * 6 KB on the wire together), with the one-click unsubscribe headers of RFC 8058.
 */
final class AlertEmail {

    static final String FROM = "alerts@childalert.example";

    private static final String DETAILS = "Emma, 9 years old, 1m30, slim, long blond hair, blue eyes. She wore a red"
            + " coat, dark blue jeans and white trainers, and carried a pink school bag. Last seen on 28 November at"
            + " 09:30 at Brussels-North station, platform 6, possibly with a man in his forties in a grey jacket.";
    private static final String[] WHAT_TO_DO = {
        "Look around you: stations, parks, shopping streets and car parks near the place she was last seen.",
        "If you see her, stay at a distance, keep her in sight and call 101 at once; note the time and place.",
        "Do not share the alert on social media with your own comments; share the official page only.",
        "Reply SEEN to the alert SMS, or report a sighting on the alert page with the place and the time.",
    };
    private static final String PRIVACY = "This alert is withdrawn as soon as the child is found: the photo and"
            + " the description then disappear from the alert page. Please delete this message then.";
    private static final String TEXT = """
            CHILD ALERT - Brussels

            %s

            Have you seen her? Call 116 000 (free, day and night) or the police on 101. Do not approach a person
            who may be with her. Reply to the alert SMS with SEEN, or open the alert page to report a sighting
            with the place and time: https://childalert.example/a/7Hk2pQ

            What you can do:
            - %s
            - %s
            - %s
            - %s

            %s

            You receive this alert because you volunteered to help within 10 km of 1000 Brussels.
            Change your area, your channels or your language: https://childalert.example/me
            Stop receiving alerts: https://childalert.example/unsubscribe/%s

            Child Focus - 116 000
            """;
    private static final String HTML_ROW = "<tr><td style=\"padding:8px 24px;font:15px/1.5 Arial,sans-serif;"
            + "color:#1a1a1a\">%s</td></tr>%n";

    private AlertEmail() {
    }

    static MimeMessage to(Session session, String recipient) throws MessagingException {
        String token = Integer.toHexString(recipient.hashCode());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(TEXT.formatted(DETAILS, WHAT_TO_DO[0], WHAT_TO_DO[1], WHAT_TO_DO[2], WHAT_TO_DO[3], PRIVACY,
                token), "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent(html(token), "text/html; charset=UTF-8");
        MimeMultipart alternative = new MimeMultipart("alternative", text, html);

        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(FROM));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(recipient));
        message.setSubject("CHILD ALERT Brussels: Emma, 9, last seen at Brussels-North station", "UTF-8");
        message.setHeader("List-Unsubscribe", "<https://childalert.example/unsubscribe/" + token + ">");
        message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.setContent(alternative);
        message.saveChanges();
        return message;
    }

    private static String html(String token) {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width,initial-scale=1"><title>Child alert</title></head>
                <body style="margin:0;background:#f3f3f3">
                <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:640px;\
                margin:0 auto;background:#ffffff;border-top:6px solid #d4001a">
                """);
        html.append(HTML_ROW.formatted("<h1 style=\"margin:0;font-size:24px;color:#d4001a\">Child alert"
                + " &ndash; Brussels</h1>"));
        html.append(HTML_ROW.formatted("<img src=\"https://childalert.example/a/7Hk2pQ/photo.jpg\" width=\"240\""
                + " height=\"320\" alt=\"Photo of Emma\" style=\"display:block;border-radius:4px\">"));
        for (String sentence : DETAILS.split("\\. ")) {
            html.append(HTML_ROW.formatted("<p style=\"margin:0\">" + sentence + ".</p>"));
        }
        html.append(HTML_ROW.formatted("<a href=\"tel:116000\" style=\"display:inline-block;padding:12px 20px;"
                + "background:#d4001a;color:#ffffff;text-decoration:none;border-radius:4px;font-weight:bold\">"
                + "Call 116 000</a> <a href=\"https://childalert.example/a/7Hk2pQ/sighting\" style=\"display:"
                + "inline-block;padding:12px 20px;border:2px solid #d4001a;color:#d4001a;text-decoration:none;"
                + "border-radius:4px;font-weight:bold\">I saw her</a>"));
        StringBuilder list = new StringBuilder("<h2 style=\"margin:8px 0;font-size:18px\">What you can do</h2><ul"
                + " style=\"margin:0;padding-left:20px\">");
        for (String step : WHAT_TO_DO) {
            list.append("<li style=\"margin:0 0 6px\">").append(step).append("</li>");
        }
        html.append(HTML_ROW.formatted(list.append("</ul>")));
        html.append(HTML_ROW.formatted("<p style=\"margin:0;font-size:13px;color:#444444\">" + PRIVACY + "</p>"));
        html.append(HTML_ROW.formatted("<p style=\"margin:0\">Do not approach a person who may be with her."
                + " Call 116 000 (free, day and night) or the police on 101.</p>"));
        html.append(HTML_ROW.formatted("<p style=\"margin:16px 0 0;font-size:12px;color:#666666\">You receive"
                + " this alert because you volunteered to help within 10 km of 1000 Brussels.<br>"
                + "<a href=\"https://childalert.example/me\" style=\"color:#666666\">Change your area, channels or"
                + " language</a> &middot; <a href=\"https://childalert.example/unsubscribe/" + token
                + "\" style=\"color:#666666\">Stop receiving alerts</a></p>"));
        html.append(HTML_ROW.formatted("<p style=\"margin:0 0 16px;font-size:12px;color:#666666\">Child Focus"
                + " &middot; Avenue Houba-de Strooper 292, 1020 Brussels &middot; 116 000</p>"));
        return html.append("</table></body></html>\n").toString();
    }
}
