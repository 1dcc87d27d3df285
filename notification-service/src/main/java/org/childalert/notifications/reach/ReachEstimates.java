package org.childalert.notifications.reach;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.childalert.events.DeliveryChannel;
import org.childalert.events.GeoCircle;
import org.childalert.events.NoticeKind;
import org.childalert.events.RecipientKind;
import org.childalert.notifications.targeting.Reach;
import org.childalert.notifications.targeting.RecipientResolver;
import org.childalert.notifications.templates.Language;
import org.childalert.notifications.templates.MessageTemplates;
import org.childalert.notifications.templates.NoticeContent;
import org.childalert.notifications.templates.RenderedEmail;
import org.childalert.notifications.templates.SmsSegments;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Before police are asked to approve an alert: how many it would reach per kind, channel and language, from the
 * very resolver a fan-out uses ({@link RecipientResolver#reach}, a count over the same index ranges, nothing
 * streamed), and every language's messages as the templates render them. Reads only; stores nothing.
 */
@Service
class ReachEstimates {

    /** What an email's unsubscribe header holds in a preview: each recipient's own signed link in the real one. */
    static final String UNSUBSCRIBE_PLACEHOLDER = "{unsubscribe link of each recipient}";

    private final RecipientResolver resolver;
    private final MessageTemplates templates;

    ReachEstimates(RecipientResolver resolver, MessageTemplates templates) {
        this.resolver = resolver;
        this.templates = templates;
    }

    @Transactional(readOnly = true)
    public ReachEstimate estimate(ReachEstimateRequest request) {
        long started = System.nanoTime();
        ReachEstimateRequest.Area area = request.area();
        List<Reach> reach = resolver.reach(new GeoCircle(area.latitude(), area.longitude(), area.radiusKm()),
                request.level());
        Map<String, Map<String, Map<String, Long>>> recipients = new LinkedHashMap<>();
        for (RecipientKind kind : RecipientKind.values()) {
            Map<String, Map<String, Long>> byChannel = new LinkedHashMap<>();
            for (DeliveryChannel channel : DeliveryChannel.values()) {
                Map<String, Long> byLanguage = new LinkedHashMap<>();
                for (Language language : Language.values()) {
                    byLanguage.put(language.code(), 0L);
                }
                byChannel.put(channel.name(), byLanguage);
            }
            recipients.put(kind.name(), byChannel);
        }
        long total = 0;
        for (Reach line : reach) {
            recipients.get(line.kind().name()).get(line.channel().name())
                    .merge(line.language().code(), line.recipients(), Long::sum);
            total += line.recipients();
        }
        ReachEstimateRequest.Notice notice = request.notice();
        NoticeContent content = new NoticeContent(notice.childFirstName(), notice.childAge(), notice.description(),
                notice.lastSeenPlace(), notice.lastSeenAt());
        List<ReachEstimate.Preview> previews = new ArrayList<>();
        for (Language language : Language.values()) {
            String sms = templates.sms(NoticeKind.ISSUED, language, content);
            RenderedEmail email = templates.email(NoticeKind.ISSUED, language, content);
            previews.add(new ReachEstimate.Preview(language.code(),
                    new ReachEstimate.Sms(sms, SmsSegments.count(sms), SmsSegments.isGsm7(sms) ? "GSM-7" : "UCS-2",
                            sms.length()),
                    new ReachEstimate.Email(email.subject(), email.text(), UNSUBSCRIBE_PLACEHOLDER)));
        }
        return new ReachEstimate(recipients, total, previews, (System.nanoTime() - started) / 1_000_000);
    }
}
