package org.childalert.cases.web;

import java.util.List;

/** An uploaded file has rows that break the rules: 400, listing each line, field and reason; nothing was stored. */
public class InvalidRowsException extends RuntimeException {

    /** What is wrong on one line of the file (line 1 is the header). */
    public record RowProblem(int line, String field, String message) {
    }

    private final List<RowProblem> problems;

    public InvalidRowsException(List<RowProblem> problems) {
        super(problems.size() + " problem(s) in the file; nothing was stored");
        this.problems = List.copyOf(problems);
    }

    public List<RowProblem> problems() {
        return problems;
    }
}
