package org.childalert.cases.casefile;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.childalert.cases.security.Caller;
import org.childalert.cases.timeline.Timeline;
import org.childalert.cases.timeline.TimelineEntry;
import org.childalert.cases.timeline.TimelineKind;
import org.childalert.events.CaseOutcome;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cases")
class CaseFileController {

    private final CaseFiles cases;
    private final Timeline timeline;

    CaseFileController(CaseFiles cases, Timeline timeline) {
        this.cases = cases;
        this.timeline = timeline;
    }

    @PostMapping
    ResponseEntity<CaseView> open(@Valid @RequestBody NewCaseRequest request, Authentication authentication) {
        CaseFile file = cases.open(request, Caller.from(authentication));
        return ResponseEntity.created(URI.create("/api/cases/" + file.id())).body(CaseView.of(file));
    }

    @GetMapping("/{id}")
    CaseView get(@PathVariable UUID id, Authentication authentication) {
        return CaseView.of(cases.read(id, Caller.from(authentication)));
    }

    @GetMapping("/{id}/timeline")
    List<TimelineEntry> timeline(@PathVariable UUID id, Authentication authentication) {
        cases.read(id, Caller.from(authentication));
        return timeline.of(id);
    }

    /** A note, call or sighting: 201. */
    @PostMapping("/{id}/timeline")
    @ResponseStatus(HttpStatus.CREATED)
    void addToTimeline(@PathVariable UUID id, @Valid @RequestBody NewTimelineEntry entry, Authentication authentication) {
        cases.addToTimeline(id, entry.kind().timelineKind(), entry.at(), entry.summary().strip(), Caller.from(authentication));
    }

    @PutMapping("/{id}/coordinator")
    CaseView handOver(@PathVariable UUID id, @Valid @RequestBody Coordinator coordinator, Authentication authentication) {
        return CaseView.of(cases.handOver(id, coordinator.username().strip(), Caller.from(authentication)));
    }

    @PostMapping("/{id}/resolution")
    CaseView resolve(@PathVariable UUID id, @Valid @RequestBody Resolution resolution, Authentication authentication) {
        return CaseView.of(cases.resolve(id, resolution.outcome(), Caller.from(authentication)));
    }

    @PostMapping("/{id}/closure")
    CaseView close(@PathVariable UUID id, Authentication authentication) {
        return CaseView.of(cases.close(id, Caller.from(authentication)));
    }

    record Resolution(@NotNull CaseOutcome outcome) {
    }

    record Coordinator(@NotBlank @Size(max = 100) String username) {
    }

    record NewTimelineEntry(@NotNull EntryKind kind, @PastOrPresent(message = "must not be in the future") Instant at,
                            @NotBlank @Size(max = 4000) String summary) {
    }

    /** What a person may write on the timeline; the other kinds are written by the service itself. */
    enum EntryKind {
        NOTE(TimelineKind.NOTE), CALL(TimelineKind.CALL), SIGHTING(TimelineKind.SIGHTING);

        private final TimelineKind kind;

        EntryKind(TimelineKind kind) {
            this.kind = kind;
        }

        TimelineKind timelineKind() {
            return kind;
        }
    }
}
