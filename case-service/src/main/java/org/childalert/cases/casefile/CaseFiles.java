package org.childalert.cases.casefile;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.childalert.cases.audit.AuditLog;
import org.childalert.cases.children.Child;
import org.childalert.cases.children.Children;
import org.childalert.cases.security.Caller;
import org.childalert.cases.timeline.Timeline;
import org.childalert.cases.timeline.TimelineKind;
import org.childalert.kit.web.ConflictException;
import org.childalert.kit.web.InvalidRequestException;
import org.childalert.kit.web.NotFoundException;
import org.childalert.events.CaseOutcome;
import org.childalert.events.CaseResolved;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Opening, reading, resolving and closing cases; the case's status as the other features move it. */
@Service
public class CaseFiles {

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
        var details = request.child();
        List<CaseRules.Violation> violations = CaseRules.check(details.dateOfBirth(), request.lastSeen().at(), now,
                request.category(), request.subtype(), request.destinationCountry(), request.receptionCentre());
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations.stream()
                    .map(v -> new InvalidRequestException.FieldProblem(v.field(), v.message()))
                    .toList());
        }
        Child child = children.findOrRegister(details.firstName(), details.lastName(), details.dateOfBirth());
        String inCharge = request.coordinator() == null || request.coordinator().isBlank()
                ? coordinator.username() : request.coordinator().strip();
        CaseFile file = new CaseFile(UUID.randomUUID(), child, request.category(), request.details(), CaseStatus.OPEN,
                request.lastSeen(), now, coordinator.username(), inCharge, null, null, null, null, null, false);
        repository.insert(file, coordinator.subject(), null);
        timeline.record(file.id(), now, TimelineKind.CASE_OPENED, "Case opened (" + file.category()
                + (request.subtype() == null ? "" : ", " + request.subtype()) + "), coordinator " + inCharge,
                coordinator.username());
        audit.record(coordinator, "CASE_OPENED", file.id(), file.category().name());
        return file;
    }

    /**
     * A case for the caller to read, and the read audited. Coordinators read every case; police only a case that
     * is, or was, escalated to police ({@link PoliceVisibility}). Any other case is "not found" for them, exactly
     * like a case that does not exist, so that police learn nothing of cases that are not their business.
     */
    @Transactional
    public CaseFile read(UUID id, Caller caller) {
        CaseFile file = repository.find(id).filter(found -> mayRead(caller, found))
                .orElseThrow(() -> new NotFoundException("Case", id));
        audit.record(caller, "CASE_READ", id, null);
        return file;
    }

    /** The case, locked until the caller's transaction ends; for changes that depend on its status. */
    @Transactional(propagation = Propagation.MANDATORY)
    public CaseFile lockForChange(UUID id) {
        return repository.findForUpdate(id).orElseThrow(() -> new NotFoundException("Case", id));
    }

    @Transactional(propagation = Propagation.MANDATORY)
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
        // the photo feature withdraws the child's photo on this event, in this transaction
        events.publishEvent(new CaseResolved(UUID.randomUUID(), now, id, outcome, coordinator.asActor()));
        return repository.find(id).orElseThrow();
    }

    /** Files a resolved case away; the retention period starts now. */
    @Transactional
    public CaseFile close(UUID id, Caller coordinator) {
        CaseFile file = lockForChange(id);
        if (file.status() != CaseStatus.RESOLVED) {
            throw new ConflictException("Case " + id + " is " + file.status() + "; only a resolved case can be closed.");
        }
        Instant now = clock.instant();
        repository.close(id, now);
        timeline.record(id, now, TimelineKind.CASE_CLOSED, "Case closed", coordinator.username());
        audit.record(coordinator, "CASE_CLOSED", id, null);
        return repository.find(id).orElseThrow();
    }

    @Transactional
    public CaseFile handOver(UUID id, String newCoordinator, Caller caller) {
        CaseFile file = lockForChange(id);
        if (file.status() == CaseStatus.CLOSED) {
            throw new ConflictException("Case " + id + " is closed; it has no coordinator in charge any more.");
        }
        Instant now = clock.instant();
        repository.changeCoordinator(id, newCoordinator);
        timeline.record(id, now, TimelineKind.COORDINATOR_CHANGED,
                "Coordinator in charge: " + file.coordinator() + " → " + newCoordinator, caller.username());
        audit.record(caller, "COORDINATOR_CHANGED", id, file.coordinator() + " -> " + newCoordinator);
        return repository.find(id).orElseThrow();
    }

    /** A note, call or sighting on the case's timeline. A closed case takes no more entries. */
    @Transactional
    public void addToTimeline(UUID id, TimelineKind kind, Instant at, String summary, Caller caller) {
        CaseFile file = lockForChange(id);
        if (file.status() == CaseStatus.CLOSED) {
            throw new ConflictException("Case " + id + " is closed; its timeline takes no more entries.");
        }
        Instant now = clock.instant();
        Instant when = at == null ? now : at;
        if (when.isAfter(now)) {
            throw new InvalidRequestException("at", "must not be in the future");
        }
        if (when.isBefore(file.openedAt().minusSeconds(366L * 24 * 3600))) {
            throw new InvalidRequestException("at", "must not be more than a year before the case was opened");
        }
        timeline.record(id, when, kind, summary, caller.username());
        audit.record(caller, "TIMELINE_" + kind.name(), id, null);
    }

    /** Stores checked historic cases: closed, with their original dates and outcomes. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void importHistoric(HistoricCase historic, Caller admin) {
        Child child = children.findOrRegister(historic.firstName(), historic.lastName(), historic.dateOfBirth());
        Instant resolvedAt = historic.resolvedAt() == null ? historic.openedAt() : historic.resolvedAt();
        String importedBy = admin.username();
        CaseFile file = new CaseFile(UUID.randomUUID(), child, historic.category(),
                CaseDetails.historic(historic.subtype(), historic.destinationCountry()), CaseStatus.CLOSED,
                new LastSeen(historic.openedAt(), null, null, historic.lastSeenPlace()), historic.openedAt(), importedBy,
                importedBy, historic.outcome(), resolvedAt, importedBy, resolvedAt, null, false);
        repository.insert(file, admin.subject(), historic.reference());
        timeline.record(file.id(), clock.instant(), TimelineKind.CASE_IMPORTED,
                "Historic case " + historic.reference() + " imported", importedBy);
        audit.record(admin, "CASE_IMPORTED", file.id(), historic.reference());
    }

    public boolean isImported(String reference) {
        return repository.importReferenceExists(reference);
    }

    /** Closed cases whose retention period ended before the cutoff and whose personal data is still held. */
    public List<UUID> dueForErasure(Instant cutoff, int limit) {
        return repository.closedBeforeAndNotErased(cutoff, limit);
    }

    /**
     * Erases the personal data of a closed case (and the child's names once none of the child's cases holds
     * personal data any more), keeping what the yearly figures count. Returns whether anything was erased.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean erasePersonalData(UUID id, Instant at) {
        CaseFile file = lockForChange(id);
        if (file.status() != CaseStatus.CLOSED || file.personalDataErasedAt() != null) {
            return false;
        }
        repository.erasePersonalData(id, at);
        timeline.eraseFreeText(id);
        if (!repository.childHasCasesWithPersonalData(file.child().id())) {
            children.anonymise(file.child().id(), at);
        }
        timeline.record(id, at, TimelineKind.PERSONAL_DATA_ERASED,
                "Personal data erased at the end of the retention period", "retention");
        return true;
    }

    private boolean mayRead(Caller caller, CaseFile file) {
        if (caller.hasRole("COORDINATOR")) {
            return true;
        }
        return caller.hasRole("POLICE") && repository.escalatedToPolice(file.id());
    }
}
