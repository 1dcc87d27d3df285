package org.childalert.cases.photos;

import java.time.Clock;
import java.time.Instant;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

import org.childalert.cases.audit.AuditLog;
import org.childalert.cases.casefile.CaseFile;
import org.childalert.cases.casefile.CaseFiles;
import org.childalert.cases.security.Caller;
import org.childalert.cases.timeline.Timeline;
import org.childalert.cases.timeline.TimelineKind;
import org.childalert.kit.web.ConflictException;
import org.childalert.kit.web.InvalidRequestException;
import org.childalert.kit.web.NotFoundException;
import org.childalert.events.CaseResolved;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The child's photo, kept in the case-service's own database. Only JPEG and PNG (recognised by their first
 * bytes, not by what the client claims), at most {@value #MAX_BYTES} bytes. Shown only to those who may read the
 * case; withdrawn by a coordinator, and automatically as soon as the case is resolved (the child is found).
 */
@Service
public class Photos {

    static final int MAX_BYTES = 5 * 1024 * 1024;
    private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };
    private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

    private final CaseFiles cases;
    private final JdbcClient jdbc;
    private final Timeline timeline;
    private final AuditLog audit;
    private final Clock clock;

    Photos(CaseFiles cases, JdbcClient jdbc, Timeline timeline, AuditLog audit, Clock clock) {
        this.cases = cases;
        this.jdbc = jdbc;
        this.timeline = timeline;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    void store(UUID caseId, byte[] bytes, Caller coordinator) {
        CaseFile file = cases.lockForChange(caseId);
        if (file.status().isClosed()) {
            throw new ConflictException("Case " + caseId + " is " + file.status()
                    + "; the child's photo is withdrawn and cannot be added again.");
        }
        if (bytes.length == 0) {
            throw new InvalidRequestException("photo", "is empty");
        }
        if (bytes.length > MAX_BYTES) {
            throw new InvalidRequestException("photo", "must be at most 5 MB");
        }
        String contentType = contentTypeOf(bytes).orElseThrow(() ->
                new InvalidRequestException("photo", "must be a JPEG or PNG image"));
        Instant now = clock.instant();
        jdbc.sql("""
                insert into case_photo (case_id, content_type, bytes, size_bytes, uploaded_at, uploaded_by)
                values (:caseId, :contentType, :bytes, :size, :at, :by)
                on conflict (case_id) do update set content_type = excluded.content_type, bytes = excluded.bytes,
                    size_bytes = excluded.size_bytes, uploaded_at = excluded.uploaded_at, uploaded_by = excluded.uploaded_by
                """)
                .param("caseId", caseId)
                .param("contentType", contentType)
                .param("bytes", bytes)
                .param("size", bytes.length)
                .param("at", Timestamp.from(now))
                .param("by", coordinator.username())
                .update();
        timeline.record(caseId, now, TimelineKind.PHOTO_ADDED, "Photo added (" + contentType + ", " + bytes.length + " bytes)",
                coordinator.username());
        audit.record(coordinator, "PHOTO_UPLOADED", caseId, contentType + ", " + bytes.length + " bytes");
    }

    @Transactional
    Photo read(UUID caseId, Caller caller) {
        cases.read(caseId, caller);
        Photo photo = jdbc.sql("select content_type, bytes from case_photo where case_id = :caseId")
                .param("caseId", caseId)
                .query((rs, n) -> new Photo(rs.getString("content_type"), rs.getBytes("bytes")))
                .optional()
                .orElseThrow(() -> new NotFoundException("Photo of case", caseId));
        audit.record(caller, "PHOTO_READ", caseId, null);
        return photo;
    }

    @Transactional
    void withdraw(UUID caseId, Caller coordinator) {
        cases.lockForChange(caseId);
        if (!delete(caseId)) {
            throw new NotFoundException("Photo of case", caseId);
        }
        timeline.record(caseId, clock.instant(), TimelineKind.PHOTO_WITHDRAWN, "Photo withdrawn", coordinator.username());
        audit.record(coordinator, "PHOTO_WITHDRAWN", caseId, null);
    }

    /** The child is found: the photo goes, in the transaction that resolved the case. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(CaseResolved resolved) {
        withdrawBySystem(resolved.caseId(), "case resolved (" + resolved.outcome() + ")");
    }

    /** Withdraws the photo on behalf of the service itself (case resolved, retention period over). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void withdrawBySystem(UUID caseId, String reason) {
        if (delete(caseId)) {
            timeline.record(caseId, clock.instant(), TimelineKind.PHOTO_WITHDRAWN, "Photo withdrawn: " + reason, "case-service");
            audit.recordSystem("case-service", "PHOTO_WITHDRAWN", caseId, reason);
        }
    }

    private boolean delete(UUID caseId) {
        return jdbc.sql("delete from case_photo where case_id = :caseId").param("caseId", caseId).update() == 1;
    }

    static Optional<String> contentTypeOf(byte[] bytes) {
        if (startsWith(bytes, JPEG)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(bytes, PNG)) {
            return Optional.of("image/png");
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    record Photo(String contentType, byte[] bytes) {
    }
}
