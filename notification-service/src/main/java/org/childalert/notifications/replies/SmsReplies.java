package org.childalert.notifications.replies;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.childalert.events.Actor;
import org.childalert.events.PoliceAcknowledged;
import org.childalert.events.RecipientKind;
import org.childalert.events.ReplyKind;
import org.childalert.events.ReplyReceived;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SMS replies to alerts (what is not an opt-out, opt-in or help word): matched to the most recent active alert
 * sent to the sender's number, classified ({@link ReplyClassifier}), stored once per provider message, and told
 * to the other services: {@link ReplyReceived} for the coordinator's console, and for a police contact's ACK a
 * {@link PoliceAcknowledged} per zone the contact answers for among those the alert reached. A reply from a
 * number no active alert was sent to is answered politely and not stored: there is nothing to attach it to,
 * and nothing to keep about a stranger.
 */
@Service
public class SmsReplies {

    private static final Logger log = LoggerFactory.getLogger(SmsReplies.class);

    private final Replies replies;
    private final ApplicationEventPublisher events;

    SmsReplies(Replies replies, ApplicationEventPublisher events) {
        this.replies = replies;
        this.events = events;
    }

    /** Handles a reply from a number (E.164); returns the answer to send back, in the sender's language. */
    @Transactional
    public String receive(String phone, String body, String messageSid) {
        Optional<Replies.Sender> match = replies.latestActiveAlertSentTo(phone);
        if (match.isEmpty() || messageSid == null || messageSid.isBlank()) {
            log.info("SMS reply from a number no active alert was sent to: answered, not stored");
            return ReplyWording.in(replies.languageOf(phone)).noActiveAlert();
        }
        Replies.Sender sender = match.get();
        ReplyClassifier.Classified reply = ReplyClassifier.classify(body, sender.kind());
        UUID replyId = UUID.randomUUID();
        String text = body == null || body.isBlank() ? null : body.strip();
        if (replies.insert(replyId, sender, phone, reply.kind(), text, messageSid)) {
            Instant now = Instant.now();
            events.publishEvent(new ReplyReceived(UUID.randomUUID(), now, sender.alertId(), replyId, reply.kind(),
                    sender.kind(), reply.kind() == ReplyKind.SIGHTING ? reply.sightingText() : null));
            if (reply.kind() == ReplyKind.ACK && sender.kind() == RecipientKind.POLICE) {
                acknowledge(sender, now);
            }
            log.info("SMS reply {} to alert {} from a {}: {}", replyId, sender.alertId(), sender.kind(), reply.kind());
        } else {
            log.info("SMS reply {} received again (a retried webhook): stored once", messageSid);
        }
        return ReplyWording.in(sender.language()).answer(reply.kind());
    }

    private void acknowledge(Replies.Sender contact, Instant now) {
        List<String> zones = replies.zonesOf(contact.alertId(), contact.recipientId());
        if (zones.isEmpty()) {
            log.info("Police contact {} acknowledged alert {}, but answers for none of the zones it reached",
                    contact.recipientId(), contact.alertId());
        }
        Actor actor = new Actor(contact.recipientId().toString(), contact.name());
        for (String zone : zones) {
            events.publishEvent(new PoliceAcknowledged(UUID.randomUUID(), now, contact.alertId(), zone, actor));
        }
    }
}
