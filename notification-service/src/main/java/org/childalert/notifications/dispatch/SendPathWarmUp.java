package org.childalert.notifications.dispatch;

import java.time.Duration;
import java.time.Instant;

import org.childalert.events.DisclosureLevel;
import org.childalert.events.GeoCircle;
import org.childalert.events.NoticeKind;
import org.childalert.notifications.email.EmailSender;
import org.childalert.notifications.sms.TwilioSmsSender;
import org.childalert.notifications.targeting.RecipientResolver;
import org.childalert.notifications.templates.Language;
import org.childalert.notifications.templates.MessageTemplates;
import org.childalert.notifications.templates.NoticeContent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Goes once through everything the first alert after a start needs, before the service says it is ready, so that
 * the first alert is not also the one that pays for a cold JVM. Measured on the fan-out benchmark: without it, the
 * first SMS spent 0.7 s between its claim and the Twilio fake (loading and initialising the Twilio SDK, its JSON
 * mapping and the HTTP client, on the alert's own time); the approval-to-first-SMS target is one second.
 *
 * <p>Nothing here reaches a person or changes data: the templates are rendered and dropped; the Twilio SDK builds
 * and reads one message against an answer made up in memory ({@link TwilioSmsSender#warmUp}), and its HTTP client
 * connects by reading our own account; an email is built and written nowhere, and one SMTP connection is opened
 * into the pool ({@link EmailSender#warmUp}); the recipients of a small circle are read in a read-only
 * transaction. A provider that is down at start only means it is warmed by its first real message: a warm-up that
 * fails is logged and the service starts all the same.
 */
@Component
class SendPathWarmUp implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SendPathWarmUp.class);

    /** Brussels, 1 km: a real query over real data, small enough to take a few milliseconds. */
    private static final GeoCircle SMALL_CIRCLE = new GeoCircle(50.8466, 4.3528, 1);

    private static final NoticeContent SAMPLE = new NoticeContent("Warm", 9,
            "A description as long as a coordinator would write one, so that the SMS template shortens it and adds the "
                    + "link to the alert page: wearing a red coat and blue trainers, carrying a green backpack.",
            "Brussel-Centraal", Instant.parse("2026-01-01T12:00:00Z"));

    private final MessageTemplates templates;
    private final TwilioSmsSender sms;
    private final EmailSender email;
    private final RecipientResolver resolver;
    private final TransactionTemplate readOnly;

    SendPathWarmUp(MessageTemplates templates, TwilioSmsSender sms, EmailSender email, RecipientResolver resolver,
                   PlatformTransactionManager transactionManager) {
        this.templates = templates;
        this.sms = sms;
        this.email = email;
        this.resolver = resolver;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
    }

    @Override
    public void run(ApplicationArguments args) {
        long started = System.nanoTime();
        step("templates", () -> {
            for (NoticeKind notice : NoticeKind.values()) {
                for (Language language : Language.values()) {
                    templates.sms(notice, language, SAMPLE);
                    templates.email(notice, language, SAMPLE);
                }
            }
        });
        step("recipients", () -> readOnly.executeWithoutResult(status -> {
            resolver.police(SMALL_CIRCLE);
            try (var volunteers = resolver.volunteers(SMALL_CIRCLE, DisclosureLevel.TARGETED)) {
                volunteers.count();
            }
        }));
        step("Twilio", () -> sms.warmUp(templates.sms(NoticeKind.ISSUED, Language.NL, SAMPLE)));
        step("email", () -> email.warmUp(templates.email(NoticeKind.ISSUED, Language.NL, SAMPLE)));
        log.info("Send path warmed up in {} ms", Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    private static void step(String what, Runnable warmUp) {
        try {
            warmUp.run();
        } catch (RuntimeException e) {
            log.warn("Warming up {} failed; its first real use will be slower: {}", what, e.toString());
        }
    }
}
