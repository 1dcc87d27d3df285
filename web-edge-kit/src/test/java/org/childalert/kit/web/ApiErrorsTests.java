package org.childalert.kit.web;

import java.sql.SQLTransientConnectionException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What a caller of any service is told when a request fails, whatever the service. */
class ApiErrorsTests {

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing())
            .setControllerAdvice(new ApiErrors(new MockEnvironment().withProperty("spring.application.name", "kit-service")))
            .build();

    @Test
    void aRefusalSaysItsOwnStatusTitleAndEachField() throws Exception {
        mvc.perform(get("/fail/invalid"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.title").value("Invalid request"))
                .andExpect(jsonPath("$.detail").value("radiusKm must be at most 50; level is required"))
                .andExpect(jsonPath("$.errors[1].field").value("level"));
        mvc.perform(get("/fail/missing"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("Case 42 was not found."));
        mvc.perform(get("/fail/conflict")).andExpect(status().isConflict());
        mvc.perform(get("/fail/gone"))
                .andExpect(status().isGone())
                .andExpect(jsonPath("$.title").value("Withdrawn"));
    }

    @Test
    void aRefusalCarriesTheHeadersItNames() throws Exception {
        mvc.perform(get("/fail/too-many"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "30"))
                .andExpect(jsonPath("$.title").value("Too many requests"));
    }

    @Test
    void aDatabaseThatCannotBeReachedIsA503WithRetryAfterEvenBehindAFailedRollback() throws Exception {
        for (String failure : List.of("no-connection", "rollback-failed")) {
            mvc.perform(get("/fail/" + failure))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "5"))
                    .andExpect(jsonPath("$.traceId").isNotEmpty());
        }
    }

    @Test
    void anyOtherFailureIsA500NamingTheServiceAndTheCallersRequestIdWithoutInternals() throws Exception {
        mvc.perform(get("/fail/bug").header("X-Request-Id", "req-1"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.traceId").value("req-1"))
                .andExpect(jsonPath("$.detail").value(
                        "The kit-service failed to handle this request. Quote the traceId req-1 when you report it."));
    }

    @RestController
    static class Failing {

        @GetMapping("/fail/{how}")
        String fail(@PathVariable String how) {
            throw switch (how) {
                case "invalid" -> new InvalidRequestException(List.of(
                        new InvalidRequestException.FieldProblem("radiusKm", "must be at most 50"),
                        new InvalidRequestException.FieldProblem("level", "is required")));
                case "missing" -> new NotFoundException("Case", 42);
                case "conflict" -> new ConflictException("already decided");
                case "gone" -> new Withdrawn();
                case "too-many" -> new SlowDown();
                case "no-connection" -> new CannotGetJdbcConnectionException("pool", new java.sql.SQLException("refused", "08001"));
                case "rollback-failed" -> {
                    TransactionSystemException rollback = new TransactionSystemException("rollback failed");
                    rollback.initApplicationException(new SQLTransientConnectionException("connection broke"));
                    yield rollback;
                }
                default -> new IllegalStateException("a bug with internals: password=secret");
            };
        }
    }

    /** A refusal that tells the caller when to try again. */
    static class SlowDown extends ProblemException {
        SlowDown() {
            super(org.springframework.http.HttpStatus.TOO_MANY_REQUESTS, "Too many requests", "Slow down.");
        }

        @Override
        protected org.springframework.http.HttpHeaders headers() {
            org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
            headers.set(org.springframework.http.HttpHeaders.RETRY_AFTER, "30");
            return headers;
        }
    }

    /** A service's own refusal, with a status of its choosing. */
    static class Withdrawn extends ProblemException {
        Withdrawn() {
            super(org.springframework.http.HttpStatus.GONE, "Withdrawn", "The photo was withdrawn.");
        }
    }
}
