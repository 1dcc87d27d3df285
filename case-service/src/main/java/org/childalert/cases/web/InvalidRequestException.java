package org.childalert.cases.web;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Rules of the domain that a single field's annotation cannot express were broken: 400, naming each field
 * and the reason.
 */
public class InvalidRequestException extends RuntimeException {

    /** One field and what is wrong with it. */
    public record FieldProblem(String field, String message) {
    }

    private final List<FieldProblem> problems;

    public InvalidRequestException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public InvalidRequestException(List<FieldProblem> problems) {
        super(problems.stream().map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; ")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("An invalid request names at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
