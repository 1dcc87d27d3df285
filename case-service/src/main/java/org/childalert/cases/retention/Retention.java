package org.childalert.cases.retention;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.childalert.cases.audit.AuditLog;
import org.childalert.cases.casefile.CaseFiles;
import org.childalert.cases.photos.Photos;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erases the personal data of cases closed longer ago than the retention period (GDPR art. 5(1)(e) and 17):
 * names, date of birth (down to the year), photo, descriptions, the reporter's contact details and the free
 * text of notes. What the yearly figures count stays. Each erasure is one transaction with its audit entry.
 */
@Component
public class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);
    private static final String ACTOR = "retention";

    private final CaseFiles cases;
    private final Photos photos;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final RetentionProperties properties;
    private final Clock clock;

    Retention(CaseFiles cases, Photos photos, AuditLog audit, TransactionTemplate transactions,
              RetentionProperties properties, Clock clock) {
        this.cases = cases;
        this.photos = photos;
        this.audit = audit;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(cron = "${childalert.retention.schedule:0 30 3 * * *}")
    void eraseDue() {
        int erased = eraseDueAt(clock.instant());
        if (erased > 0) {
            log.info("Erased the personal data of {} case(s) closed more than {} ago", erased, properties.period());
        }
    }

    /** Erases what is due at {@code now}; returns how many cases were erased. */
    public int eraseDueAt(Instant now) {
        Instant cutoff = now.minus(properties.period());
        Set<UUID> seen = new HashSet<>();
        int erased = 0;
        while (true) {
            List<UUID> due = cases.dueForErasure(cutoff, properties.batchSize()).stream()
                    .filter(seen::add)
                    .toList();
            if (due.isEmpty()) {
                return erased;
            }
            for (UUID caseId : due) {
                if (Boolean.TRUE.equals(transactions.execute(status -> erase(caseId, now)))) {
                    erased++;
                }
            }
        }
    }

    private boolean erase(UUID caseId, Instant now) {
        if (!cases.erasePersonalData(caseId, now)) {
            return false;
        }
        photos.withdrawBySystem(caseId, "retention period over");
        audit.recordSystem(ACTOR, "PERSONAL_DATA_ERASED", caseId,
                "closed longer than " + properties.period() + " ago; names, photo, descriptions and contacts erased");
        return true;
    }
}
