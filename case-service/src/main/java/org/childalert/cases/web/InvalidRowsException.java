package org.childalert.cases.web;

import java.util.List;
import java.util.Map;

import org.childalert.kit.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** An uploaded file has rows that break the rules: 400, listing each line, field and reason; nothing was stored. */
public class InvalidRowsException extends ProblemException {

    /** What is wrong on one line of the file (line 1 is the header). */
    public record RowProblem(int line, String field, String message) {
    }

    private final List<RowProblem> problems;

    public InvalidRowsException(List<RowProblem> problems) {
        super(HttpStatus.BAD_REQUEST, "Invalid file", problems.size() + " problem(s) in the file; nothing was stored");
        this.problems = List.copyOf(problems);
    }

    public List<RowProblem> problems() {
        return problems;
    }

    @Override
    protected String detail() {
        return getMessage() + ": " + String.join("; ", problems.stream()
                .limit(20)
                .map(p -> "line " + p.line() + " " + p.field() + " " + p.message())
                .toList());
    }

    @Override
    protected void describe(ProblemDetail problem) {
        problem.setProperty("errors", problems.stream()
                .map(p -> Map.<String, Object>of("line", p.line(), "field", p.field(), "message", p.message()))
                .toList());
    }
}
