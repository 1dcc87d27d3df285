package org.childalert.notifications.templates;

/** An email ready to send: the subject and the same message as plain text and as HTML. */
public record RenderedEmail(String subject, String text, String html) {
}
