package org.childalert.cases.casefile;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.childalert.cases.security.Caller;
import org.childalert.cases.timeline.Timeline;
import org.childalert.cases.timeline.TimelineEntry;
import org.childalert.events.CaseOutcome;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
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

    @GetMapping
    CasePage list(@RequestParam(required = false) CaseStatus status,
                  @RequestParam(defaultValue = "0") @Min(0) int page,
                  @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                  Authentication authentication) {
        List<CaseView> items = cases.list(status, page, size, Caller.from(authentication)).stream()
                .map(CaseView::of)
                .toList();
        return new CasePage(items, page, size, cases.count(status));
    }

    @GetMapping("/{id}/timeline")
    List<TimelineEntry> timeline(@PathVariable UUID id, Authentication authentication) {
        cases.read(id, Caller.from(authentication));
        return timeline.of(id);
    }

    @PostMapping("/{id}/resolution")
    CaseView resolve(@PathVariable UUID id, @Valid @RequestBody Resolution resolution, Authentication authentication) {
        return CaseView.of(cases.resolve(id, resolution.outcome(), Caller.from(authentication)));
    }

    record Resolution(@NotNull CaseOutcome outcome) {
    }

    record CasePage(List<CaseView> items, int page, int size, long total) {
    }
}
