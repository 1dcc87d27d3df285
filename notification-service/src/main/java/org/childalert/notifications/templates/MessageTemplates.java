package org.childalert.notifications.templates;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.childalert.events.ApprovalKind;
import org.childalert.events.NoticeKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Renders the messages of an alert in the recipient's language: a short SMS (an alert SMS, whatever its notice,
 * always fits in {@value #MAX_ISSUED_SMS_SEGMENTS} segments, the description shortened if need be) and an
 * email as subject, text and HTML. {@link NoticeKind#UPDATED}, {@link NoticeKind#WIDENED} and
 * {@link NoticeKind#ESCALATION} are the alert again under a label that says why it comes again; an update
 * links to the child's photo when there is one (a link, which stops working when the alert ends, never the
 * image); an escalation, sent to police only, asks for the acknowledgement by reply. A {@link NoticeKind#FOUND}
 * notice says the child was found and asks to delete the earlier message, and never repeats the description.
 * An {@link NoticeKind#APPROVAL_REQUESTED} message, to police on duty, says an approval waits and links to the
 * console's approvals page; it ignores the notice content (there is none yet, and it names no child).
 */
@Component
public class MessageTemplates {

    static final int MAX_ISSUED_SMS_SEGMENTS = 2;
    private static final String ELLIPSIS = "...";
    private static final DateTimeFormatter LAST_SEEN = DateTimeFormatter.ofPattern("dd/MM HH:mm")
            .withZone(ZoneId.of("Europe/Brussels"));

    private final String approvalsUrl;

    @Autowired
    public MessageTemplates(ConsoleProperties console) {
        this.approvalsUrl = console.approvalsUrl().toString();
    }

    /** With the development console's approvals page (tests, benchmarks). */
    public MessageTemplates() {
        this(new ConsoleProperties(ConsoleProperties.DEFAULT_APPROVALS_URL));
    }

    /** The SMS telling police on duty that an alert, or a change to one, waits for their approval. */
    public String approvalSms(ApprovalKind kind, Language language) {
        return Wording.BRAND + ": " + String.format(ApprovalWording.in(language).sms(kind), approvalsUrl);
    }

    /** The email telling police on duty that an alert, or a change to one, waits for their approval. */
    public RenderedEmail approvalEmail(ApprovalKind kind, Language language) {
        ApprovalWording words = ApprovalWording.in(language);
        return email(language, words.subject(kind),
                List.of(words.request(kind), String.format(words.openConsole(), approvalsUrl)), words.whyYouGetThis());
    }

    public String sms(NoticeKind notice, Language language, NoticeContent content) {
        if (notice == NoticeKind.APPROVAL_REQUESTED) {
            throw new IllegalArgumentException("An approval request is worded by approvalSms, with what waits");
        }
        Wording words = Wording.in(language);
        if (notice == NoticeKind.FOUND) {
            return Wording.BRAND + ": " + format(words.foundHeadline(), content) + " " + words.foundRequest();
        }
        String label = words.label(notice);
        String before = Wording.BRAND + (label == null ? "" : " - " + label) + ": "
                + format(words.missingHeadline(), content) + lastSeen(words, content) + " ";
        String action = notice == NoticeKind.ESCALATION ? words.acknowledgeRequest() : words.callToAction();
        String photo = notice == NoticeKind.UPDATED ? photoLine(words, content) : "";
        String after = photo.isEmpty() ? action : photo + " " + action;
        String description = content.description() == null ? "" : content.description().strip();
        String sms = join(before, description, after);
        while (SmsSegments.count(sms) > MAX_ISSUED_SMS_SEGMENTS && !description.isEmpty()) {
            description = shorten(description);
            sms = join(before, description, after);
        }
        if (SmsSegments.count(sms) > MAX_ISSUED_SMS_SEGMENTS && !photo.isEmpty()) {
            sms = join(before, description, action); // a link cut short would lead nowhere: left out
        }
        while (SmsSegments.count(sms) > MAX_ISSUED_SMS_SEGMENTS) {
            sms = sms.substring(0, sms.length() - ELLIPSIS.length() - 1) + ELLIPSIS; // names and places too long
        }
        return sms;
    }

    public RenderedEmail email(NoticeKind notice, Language language, NoticeContent content) {
        if (notice == NoticeKind.APPROVAL_REQUESTED) {
            throw new IllegalArgumentException("An approval request is worded by approvalEmail, with what waits");
        }
        Wording words = Wording.in(language);
        String subject;
        List<String> paragraphs = new ArrayList<>();
        if (notice == NoticeKind.FOUND) {
            subject = format(words.foundSubject(), content);
            paragraphs.add(format(words.foundHeadline(), content));
            paragraphs.add(words.foundRequest());
        } else {
            String label = words.label(notice);
            subject = format(words.missingSubject(), content) + (label == null ? "" : " (" + label + ")");
            if (label != null) {
                paragraphs.add(label + ".");
            }
            paragraphs.add(format(words.missingHeadline(), content) + lastSeen(words, content));
            if (content.description() != null && !content.description().isBlank()) {
                paragraphs.add(content.description().strip());
            }
            if (notice == NoticeKind.UPDATED && !photoLine(words, content).isEmpty()) {
                paragraphs.add(photoLine(words, content));
            }
            paragraphs.add(notice == NoticeKind.ESCALATION ? words.acknowledgeRequest() : words.callToAction());
        }
        return email(language, subject, paragraphs, words.whyYouGetThis());
    }

    private static RenderedEmail email(Language language, String subject, List<String> paragraphs, String whyYouGetThis) {
        String text = String.join("\n\n", paragraphs) + "\n\n-- \n" + whyYouGetThis + "\n";
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"").append(language.code())
                .append("\"><head><meta charset=\"utf-8\"><title>").append(HtmlUtils.htmlEscape(subject))
                .append("</title></head><body><h1>").append(HtmlUtils.htmlEscape(subject)).append("</h1>");
        for (String paragraph : paragraphs) {
            html.append("<p>").append(HtmlUtils.htmlEscape(paragraph)).append("</p>");
        }
        html.append("<hr><p><small>").append(HtmlUtils.htmlEscape(whyYouGetThis))
                .append("</small></p></body></html>");
        return new RenderedEmail(subject, text, html.toString());
    }

    private static String lastSeen(Wording words, NoticeContent content) {
        if (content.lastSeenAt() == null) {
            return "";
        }
        String when = LAST_SEEN.format(content.lastSeenAt());
        String where = content.lastSeenPlace() == null || content.lastSeenPlace().isBlank() ? null : content.lastSeenPlace().strip();
        String template = where == null ? words.lastSeenAt() : words.lastSeenAtIn();
        return " " + String.format(template, content.childFirstName(), content.childAge(), when, where);
    }

    private static String photoLine(Wording words, NoticeContent content) {
        return content.photoLink() == null || content.photoLink().isBlank() ? ""
                : String.format(words.photo(), content.photoLink().strip());
    }

    private static String format(String template, NoticeContent content) {
        return String.format(template, content.childFirstName(), content.childAge());
    }

    private static String join(String before, String description, String after) {
        return description.isEmpty() ? before + after : before + description + " " + after;
    }

    /** Drops the last word (or, for one long word, the last characters) and marks the cut. */
    private static String shorten(String description) {
        String base = description.endsWith(ELLIPSIS) ? description.substring(0, description.length() - ELLIPSIS.length()) : description;
        int space = base.lastIndexOf(' ');
        String cut = space > 0 ? base.substring(0, space) : base.substring(0, Math.max(0, base.length() - 10));
        cut = cut.stripTrailing();
        return cut.isEmpty() ? "" : cut + ELLIPSIS;
    }
}
