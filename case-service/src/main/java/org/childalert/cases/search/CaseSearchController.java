package org.childalert.cases.search;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.childalert.cases.casefile.CaseCategory;
import org.childalert.cases.casefile.CaseStatus;
import org.childalert.cases.security.Caller;
import org.childalert.kit.web.InvalidRequestException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cases")
class CaseSearchController {

    private final CaseSearch search;

    CaseSearchController(CaseSearch search) {
        this.search = search;
    }

    /** Lists cases matching every criterion given, newest first unless sorted otherwise. */
    @Operation(summary = "Search and list cases",
            description = "Cases matching every criterion given, one page at a time, newest first unless sorted "
                    + "otherwise. Police see only cases that were escalated. `name` and `place` match by words "
                    + "starting with the words typed, ignoring case and accents: `liege guil` finds "
                    + "\"Liège-Guillemins\", `emma pee` finds Emma Peeters; a text inside a word (`eeters`) does "
                    + "not match. `total` is exact when `totalExact`, otherwise a lower bound.")
    @GetMapping
    CasePage search(@RequestParam(required = false) CaseStatus status,
                    @RequestParam(required = false) CaseCategory category,
                    @RequestParam(required = false) @Size(max = 100) String coordinator,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate openedFrom,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate openedTo,
                    @Parameter(description = "words starting the words of the place where the child was last seen")
                    @RequestParam(required = false) @Size(min = 2, max = 200) String place,
                    @Parameter(description = "words starting the words of the child's first and last names")
                    @RequestParam(required = false) @Size(min = 2, max = 200) String name,
                    @RequestParam(defaultValue = "OPENED_AT") CaseQuery.SortOrder sort,
                    @RequestParam(defaultValue = "DESC") CaseQuery.Direction direction,
                    @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                    @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                    Authentication authentication) {
        if (openedFrom != null && openedTo != null && openedFrom.isAfter(openedTo)) {
            throw new InvalidRequestException("openedFrom", "must not be after openedTo");
        }
        return search.search(new CaseQuery(status, category, blankToNull(coordinator), openedFrom, openedTo,
                blankToNull(place), blankToNull(name), sort, direction, page, size), Caller.from(authentication));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
