package org.childalert.cases.statistics;

import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Min;
import org.childalert.cases.security.Caller;
import org.childalert.kit.web.InvalidRequestException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The yearly figures, as JSON or, for spreadsheets, as CSV ({@code Accept: text/csv} or {@code ?format=csv}). */
@RestController
@RequestMapping("/api/statistics/yearly")
class StatisticsController {

    static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final YearlyStatistics statistics;
    private final StatisticsProperties properties;
    private final Clock clock;

    StatisticsController(YearlyStatistics statistics, StatisticsProperties properties, Clock clock) {
        this.statistics = statistics;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    YearlyReport yearly(@RequestParam @Min(1900) int year, Authentication authentication) {
        return statistics.report(checked(year), Caller.from(authentication));
    }

    @GetMapping(produces = "text/csv")
    ResponseEntity<String> yearlyCsv(@RequestParam @Min(1900) int year, Authentication authentication) {
        YearlyReport report = statistics.report(checked(year), Caller.from(authentication));
        return ResponseEntity.ok()
                .contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"yearly-figures-" + year + ".csv\"")
                .body(csv(report));
    }

    @GetMapping(params = "format=csv")
    ResponseEntity<String> yearlyCsvByParameter(@RequestParam @Min(1900) int year, Authentication authentication) {
        return yearlyCsv(year, authentication);
    }

    private int checked(int year) {
        if (year > Year.now(clock.withZone(properties.zone())).getValue()) {
            throw new InvalidRequestException("year", "must not be in the future");
        }
        return year;
    }

    static String csv(YearlyReport report) {
        List<String> lines = new ArrayList<>();
        List<String> outcomeNames = report.categories().isEmpty() ? List.of()
                : List.copyOf(report.categories().get(0).outcomes().keySet());
        List<String> header = new ArrayList<>(List.of("year", "category", "subtype", "cases", "children",
                "repeat_children", "within_europe", "previous_cases", "previous_children", "previous_repeat_children",
                "cases_change_percent", "children_change_percent"));
        outcomeNames.forEach(name -> header.add("outcome_" + name.toLowerCase(java.util.Locale.ROOT)));
        lines.add(String.join(",", header));
        for (YearlyReport.CategoryFigures category : report.categories()) {
            List<String> row = new ArrayList<>(List.of(String.valueOf(report.year()), category.category().name(), "",
                    String.valueOf(category.cases()), String.valueOf(category.children()),
                    String.valueOf(category.repeatChildren()), "",
                    String.valueOf(category.previousYear().cases()), String.valueOf(category.previousYear().children()),
                    String.valueOf(category.previousYear().repeatChildren()), text(category.casesChangePercent()),
                    text(category.childrenChangePercent())));
            Map<String, Long> outcomes = category.outcomes();
            outcomeNames.forEach(name -> row.add(String.valueOf(outcomes.get(name))));
            lines.add(String.join(",", row));
            for (YearlyReport.SubtypeFigures subtype : category.subtypes()) {
                List<String> subRow = new ArrayList<>(List.of(String.valueOf(report.year()), category.category().name(),
                        subtype.subtype().name(), String.valueOf(subtype.cases()), String.valueOf(subtype.children()),
                        String.valueOf(subtype.repeatChildren()), String.valueOf(subtype.withinEurope()),
                        String.valueOf(subtype.previousYear().cases()), String.valueOf(subtype.previousYear().children()),
                        String.valueOf(subtype.previousYear().repeatChildren()), text(subtype.casesChangePercent()),
                        text(subtype.childrenChangePercent())));
                outcomeNames.forEach(name -> subRow.add(""));
                lines.add(String.join(",", subRow));
            }
        }
        return String.join("\r\n", lines) + "\r\n";
    }

    private static String text(Integer percent) {
        return percent == null ? "" : percent.toString();
    }
}
