package org.childalert.notifications.reach;

import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Coordinators and police, before an alert is approved (issue 15): how many it would reach per channel and language,
 * and each language's messages with their SMS segments. Nothing is stored, nobody is told.
 */
@RestController
class ReachEstimateController {

    private final ReachEstimates estimates;

    ReachEstimateController(ReachEstimates estimates) {
        this.estimates = estimates;
    }

    @PostMapping(path = "/api/reach-estimates", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ReachEstimate estimate(@Valid @RequestBody ReachEstimateRequest request) {
        return estimates.estimate(request);
    }
}
