package org.childalert.kit.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A request the service refuses for a reason the caller can act on: {@link ApiErrors} answers it with its status,
 * title and message as {@code application/problem+json}. A subclass adds what else the caller needs to know
 * (which fields, which lines) in {@link #describe}.
 */
public abstract class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String title;

    protected ProblemException(HttpStatus status, String title, String message) {
        super(message);
        this.status = status;
        this.title = title;
    }

    protected ProblemException(HttpStatus status, String title, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The detail a caller reads: the message, unless a subclass says more. */
    protected String detail() {
        return getMessage();
    }

    /** Headers the answer carries besides its body (e.g. {@code Retry-After} of a 429); none by default. */
    protected HttpHeaders headers() {
        return new HttpHeaders();
    }

    /** Adds properties beyond status, title and detail (e.g. {@code errors}); nothing by default. */
    protected void describe(ProblemDetail problem) {
    }

    final ProblemDetail toProblem() {
        ProblemDetail problem = ApiErrors.problem(status, title, detail());
        describe(problem);
        return problem;
    }
}
