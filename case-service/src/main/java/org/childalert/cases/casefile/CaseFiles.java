package org.childalert.cases.casefile;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.childalert.cases.audit.AuditLog;
import org.childalert.cases.children.Child;
import org.childalert.cases.children.Children;
import org.childalert.cases.security.Caller;
import org.childalert.cases.timeline.Timeline;
import org.childalert.cases.timeline.TimelineKind;
import org.childalert.cases.web.ConflictException;
import org.childalert.cases.web.InvalidRequestException;
import org.childalert.cases.web.NotFoundException;
import org.childalert.events.CaseOutcome;
import org.childalert.events.CaseResolved;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opening, reading and closing cases; the case's status as the other features move it. */
@Service
public class CaseFiles {

    static final int ADULT_AGE = 18;

    private final CaseFileRepository repository;
    private final Children children;
    private final Timeline timeline;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CaseFiles(CaseFileRepository repository, Children children, Timeline timeline, AuditLog audit, ApplicationEventPublisher events,
              Clock clock) {
        this.repository = repository;
        this.children = children;
        this.timeline = timeline;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public CaseFile open(NewCaseRequest request, Caller coordinator) {
        Instant now = clock.instant();
        if (request.lastSeen().at().isAfter(now)) {
            throw new InvalidRequestException("lastSeen.at", "must not be in the future");
        }
        var details = request.child();
        if (details.dateOfBirth().isAfter(request.lastSeen().at().atZone(ZoneOffset.UTC).toLocalDate())) {
            throw new InvalidRequestException("child.dateOfBirth", "must be before the time the child was last seen");
        }
        Child candidate = new Child(null, details.firstName(), details.lastName(), details.dateOfBirth());
        int age = candidate.ageOn(request.lastSeen().at().atZone(ZoneOffset.UTC).toLocalDate());
        if (age >= ADULT_AGE) {
            throw new InvalidRequestException("child.dateOfBirth",
                    "makes the person " + age + " years old when last seen; only children under 18 have a case here");
        }
        Child child = children.findOrRegister(details.firstName(), details.lastName(), details.dateOfBirth());
        CaseFile file = new CaseFile(UUID.randomUUID(), child, request.category(), CaseStatus.OPEN, request.lastSeen(),
                request.description(), now, coordinator.username(), null, null, null);
        repository.insert(file, coordinator.subject());
        timeline.record(file.id(), now, TimelineKind.CASE_OPENED,
                "Case opened (" + file.category() + ")", coordinator.username());
        audit.record(coordinator, "CASE_OPENED", file.id(), file.category().name());
        return file;
    }

    /** A case for the caller to read. Police see only cases that were escalated to them. */
    @Transactional
    public CaseFile read(UUID id, Caller caller) {
        CaseFile file = repository.find(id).filter(found -> mayRead(caller, found))
                .orElseThrow(() -> new NotFoundException("Case", id));
        audit.record(caller, "CASE_READ", id, null);
        return file;
    }

    @Transactional
    public List<CaseFile> list(CaseStatus status, int page, int size, Caller caller) {
        audit.record(caller, "CASES_LISTED", null, "status=" + status + " page=" + page + " size=" + size);
        return repository.page(status, page, size);
    }

    public long count(CaseStatus status) {
        return repository.count(status);
    }

    /** The case, locked until the caller's transaction ends; for changes that depend on its status. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public CaseFile lockForChange(UUID id) {
        return repository.findForUpdate(id).orElseThrow(() -> new NotFoundException("Case", id));
    }

    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void changeStatus(UUID id, CaseStatus status) {
        repository.changeStatus(id, status);
    }

    @Transactional
    public CaseFile resolve(UUID id, CaseOutcome outcome, Caller coordinator) {
        CaseFile file = lockForChange(id);
        if (file.status().isClosed()) {
            throw new ConflictException("Case " + id + " is already resolved (" + file.outcome() + ").");
        }
        Instant now = clock.instant();
        repository.resolve(id, outcome, now, coordinator.username());
        timeline.record(id, now, TimelineKind.CASE_RESOLVED, "Case resolved: " + outcome, coordinator.username());
        audit.record(coordinator, "CASE_RESOLVED", id, outcome.name());
        events.publishEvent(new CaseResolved(UUID.randomUUID(), now, id, outcome, coordinator.asActor()));
        return repository.find(id).orElseThrow();
    }

    private static boolean mayRead(Caller caller, CaseFile file) {
        return caller.hasRole("COORDINATOR") || file.status() != CaseStatus.OPEN;
    }
}
