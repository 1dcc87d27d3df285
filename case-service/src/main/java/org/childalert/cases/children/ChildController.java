package org.childalert.cases.children;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.childalert.cases.security.Caller;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/children/{id}")
class ChildController {

    private final ChildMerges merges;

    ChildController(ChildMerges merges) {
        this.merges = merges;
    }

    @GetMapping
    ChildWithCases get(@PathVariable UUID id, Authentication authentication) {
        return merges.read(id, Caller.from(authentication));
    }

    /** Merges the record {@code duplicateId} into this one: 200 with this child and all their cases. */
    @PostMapping("/merges")
    ChildWithCases merge(@PathVariable UUID id, @Valid @RequestBody MergeRequest request, Authentication authentication) {
        return merges.merge(id, request.duplicateId(), Caller.from(authentication));
    }

    record MergeRequest(@NotNull UUID duplicateId) {
    }
}
