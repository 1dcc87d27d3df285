package org.childalert.gateway.console;

import java.util.List;

/**
 * A service answered a console call with an error ({@code application/problem+json}, RFC 9457): what went
 * wrong, in the service's words, with the fields it named.
 *
 * @param status the HTTP status
 * @param title the problem's title
 * @param detail the problem's detail, or the title when there is none
 * @param fieldErrors each field the service refused, with its reason
 */
public final class ServiceProblem extends RuntimeException {

    private final int status;
    private final String title;
    private final String detail;
    private final List<FieldError> fieldErrors;

    public ServiceProblem(int status, String title, String detail, List<FieldError> fieldErrors) {
        super(status + " " + title + ": " + detail);
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    public boolean isNotFound() {
        return status == 404;
    }

    /** One field the service refused: its JSON path ({@code child.firstName}) and the reason. */
    public record FieldError(String field, String message) {
    }
}
