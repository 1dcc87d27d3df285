package org.childalert.cases.importing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.childalert.cases.audit.AuditLog;
import org.childalert.cases.casefile.CaseCategory;
import org.childalert.cases.casefile.CaseFiles;
import org.childalert.cases.casefile.CaseRules;
import org.childalert.cases.casefile.CaseSubtype;
import org.childalert.cases.casefile.HistoricCase;
import org.childalert.cases.security.Caller;
import org.childalert.cases.web.InvalidRowsException;
import org.childalert.cases.web.InvalidRowsException.RowProblem;
import org.childalert.events.CaseOutcome;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports cases from before the platform (a CSV with a header line) so that the yearly figures cover those
 * years. Every row is checked against the rules of a case opened through the API; a file with any error
 * stores nothing and the answer lists every problem by line. Rows naming the same child (names and date of
 * birth) attach to one child, also across imports and with cases opened on the platform.
 */
@Service
class HistoricCaseImport {

    static final List<String> COLUMNS = List.of("reference", "opened_on", "category", "subtype", "destination_country",
            "first_name", "last_name", "date_of_birth", "outcome", "resolved_on", "last_seen_place");
    static final int MAX_ROWS = 100_000;
    /** A historic case has a day, not a time: it is put at noon UTC, the same day in every European zone. */
    private static final LocalTime TIME_OF_DAY = LocalTime.NOON;

    private final CaseFiles cases;
    private final AuditLog audit;
    private final Clock clock;

    HistoricCaseImport(CaseFiles cases, AuditLog audit, Clock clock) {
        this.cases = cases;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    int importCsv(String csv, Caller admin) {
        List<CsvLines.Record> records = CsvLines.parse(csv);
        List<RowProblem> problems = new ArrayList<>();
        if (records.isEmpty()) {
            throw new InvalidRowsException(List.of(new RowProblem(1, "header", "the file is empty")));
        }
        List<String> header = records.get(0).fields().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        List<String> missing = COLUMNS.stream().filter(column -> !header.contains(column)).toList();
        if (!missing.isEmpty()) {
            throw new InvalidRowsException(List.of(new RowProblem(1, "header", "lacks the column(s) " + missing
                    + "; expected " + String.join(",", COLUMNS))));
        }
        if (records.size() == 1) {
            throw new InvalidRowsException(List.of(new RowProblem(1, "header", "is followed by no case")));
        }
        if (records.size() - 1 > MAX_ROWS) {
            throw new InvalidRowsException(List.of(new RowProblem(1, "header", "is followed by more than "
                    + MAX_ROWS + " cases; split the file")));
        }
        Instant now = clock.instant();
        Set<String> references = new HashSet<>();
        List<HistoricCase> valid = new ArrayList<>();
        for (CsvLines.Record record : records.subList(1, records.size())) {
            Row row = new Row(record, header, problems);
            HistoricCase historic = row.read(now, references);
            if (historic != null) {
                valid.add(historic);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRowsException(problems);
        }
        for (HistoricCase historic : valid) {
            cases.importHistoric(historic, admin);
        }
        audit.record(admin, "HISTORIC_CASES_IMPORTED", null, valid.size() + " case(s)");
        return valid.size();
    }

    /** One line of the file, read field by field; each problem is noted with the line and column. */
    private final class Row {

        private final CsvLines.Record record;
        private final List<String> header;
        private final List<RowProblem> problems;
        private final int problemsBefore;

        Row(CsvLines.Record record, List<String> header, List<RowProblem> problems) {
            this.record = record;
            this.header = header;
            this.problems = problems;
            this.problemsBefore = problems.size();
        }

        HistoricCase read(Instant now, Set<String> references) {
            if (record.fields().size() != header.size()) {
                problem("line", "has " + record.fields().size() + " fields; the header has " + header.size());
                return null;
            }
            String reference = required("reference", 100);
            if (reference != null && !references.add(reference)) {
                problem("reference", "'" + reference + "' appears more than once in the file");
            } else if (reference != null && cases.isImported(reference)) {
                problem("reference", "'" + reference + "' was imported before");
            }
            LocalDate openedOn = parsed("opened_on", true, LocalDate::parse, "must be a date such as 2021-03-14");
            CaseCategory category = parsed("category", true, CaseCategory::valueOf,
                    "must be one of " + List.of(CaseCategory.values()));
            CaseSubtype subtype = parsed("subtype", false, CaseSubtype::valueOf,
                    "must be empty or one of " + List.of(CaseSubtype.values()));
            String country = optional("destination_country", 2);
            String firstName = required("first_name", 100);
            String lastName = required("last_name", 100);
            LocalDate dateOfBirth = parsed("date_of_birth", true, LocalDate::parse, "must be a date such as 2009-11-02");
            CaseOutcome outcome = parsed("outcome", true, CaseOutcome::valueOf,
                    "must be one of " + List.of(CaseOutcome.values()));
            LocalDate resolvedOn = parsed("resolved_on", false, LocalDate::parse, "must be empty or a date such as 2021-03-20");
            String place = optional("last_seen_place", 200);
            if (openedOn != null && resolvedOn != null && resolvedOn.isBefore(openedOn)) {
                problem("resolved_on", "must not be before opened_on");
            }
            if (resolvedOn != null && at(resolvedOn).isAfter(now)) {
                problem("resolved_on", "must not be in the future");
            }
            if (openedOn != null && dateOfBirth != null && category != null) {
                for (CaseRules.Violation violation : CaseRules.check(dateOfBirth, at(openedOn), now, category, subtype,
                        country, null)) {
                    problem(column(violation.field()), violation.message());
                }
            }
            if (problems.size() > problemsBefore) {
                return null;
            }
            return new HistoricCase(reference, at(openedOn), category, subtype, country, firstName, lastName, dateOfBirth,
                    outcome, resolvedOn == null ? null : at(resolvedOn), place);
        }

        private String value(String column) {
            String value = record.fields().get(header.indexOf(column)).strip();
            return value.isEmpty() ? null : value;
        }

        private String required(String column, int maxLength) {
            String value = value(column);
            if (value == null) {
                problem(column, "is required");
            } else if (value.length() > maxLength) {
                problem(column, "must be at most " + maxLength + " characters");
                return null;
            }
            return value;
        }

        private String optional(String column, int maxLength) {
            String value = value(column);
            if (value != null && value.length() > maxLength) {
                problem(column, "must be at most " + maxLength + " characters");
                return null;
            }
            return value;
        }

        private <T> T parsed(String column, boolean required, Function<String, T> parser, String expectation) {
            String value = value(column);
            if (value == null) {
                if (required) {
                    problem(column, "is required");
                }
                return null;
            }
            try {
                return parser.apply(value);
            } catch (IllegalArgumentException | DateTimeParseException e) {
                problem(column, "'" + value + "' " + expectation);
                return null;
            }
        }

        private void problem(String column, String message) {
            problems.add(new RowProblem(record.line(), column, message));
        }
    }

    private static Instant at(LocalDate day) {
        return day.atTime(TIME_OF_DAY).toInstant(ZoneOffset.UTC);
    }

    private static final Map<String, String> COLUMN_OF_FIELD = Map.of(
            "lastSeen.at", "opened_on",
            "child.dateOfBirth", "date_of_birth",
            "destinationCountry", "destination_country",
            "subtype", "subtype");

    private static String column(String field) {
        return COLUMN_OF_FIELD.getOrDefault(field, field);
    }
}
