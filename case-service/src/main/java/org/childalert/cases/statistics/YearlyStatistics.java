package org.childalert.cases.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.childalert.cases.audit.AuditLog;
import org.childalert.cases.casefile.CaseCategory;
import org.childalert.cases.casefile.CaseSubtype;
import org.childalert.cases.security.Caller;
import org.childalert.events.CaseOutcome;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts the yearly figures from the cases themselves. A case counts in the year it was opened (in the
 * organisation's time zone); a child counts once per category however many cases they had, and is a repeat
 * child when they had more than one in that category that year. Anonymised children keep their record, so
 * erasing personal data changes no figure.
 */
@Service
class YearlyStatistics {

    static final String UNRESOLVED = "UNRESOLVED";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final StatisticsProperties properties;

    YearlyStatistics(JdbcClient jdbc, AuditLog audit, StatisticsProperties properties) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.properties = properties;
    }

    @Transactional
    YearlyReport report(int year, Caller caller) {
        List<ChildCount> counts = jdbc.sql("""
                select extract(year from opened_at at time zone :zone)::int as year, category, subtype, child_id,
                       count(*) as cases, count(*) filter (where destination_in_europe) as within_europe
                from case_file
                where opened_at >= :from and opened_at < :until
                group by 1, category, subtype, child_id
                """)
                .param("zone", properties.zone().getId())
                .param("from", startOf(year - 1))
                .param("until", startOf(year + 1))
                .query((rs, n) -> {
                    String subtype = rs.getString("subtype");
                    return new ChildCount(rs.getInt("year"), CaseCategory.valueOf(rs.getString("category")),
                            subtype == null ? null : CaseSubtype.valueOf(subtype), rs.getObject("child_id", UUID.class),
                            rs.getLong("cases"), rs.getLong("within_europe"));
                })
                .list();
        Map<CaseCategory, Map<String, Long>> outcomes = outcomes(year);

        List<YearlyReport.CategoryFigures> categories = new ArrayList<>();
        for (CaseCategory category : CaseCategory.values()) {
            YearlyReport.Figures current = figures(counts, year, category, null);
            YearlyReport.Figures previous = figures(counts, year - 1, category, null);
            List<YearlyReport.SubtypeFigures> subtypes = Arrays.stream(CaseSubtype.values())
                    .filter(subtype -> subtype.category() == category)
                    .map(subtype -> {
                        YearlyReport.Figures now = figures(counts, year, category, subtype);
                        YearlyReport.Figures before = figures(counts, year - 1, category, subtype);
                        long withinEurope = counts.stream()
                                .filter(c -> c.year() == year && c.subtype() == subtype)
                                .mapToLong(ChildCount::withinEurope).sum();
                        return new YearlyReport.SubtypeFigures(subtype, now.cases(), now.children(), now.repeatChildren(),
                                withinEurope, before, change(now.children(), before.children()),
                                change(now.cases(), before.cases()));
                    })
                    .toList();
            categories.add(new YearlyReport.CategoryFigures(category, current.cases(), current.children(),
                    current.repeatChildren(), previous, change(current.children(), previous.children()),
                    change(current.cases(), previous.cases()), subtypes, outcomes.get(category)));
        }
        audit.record(caller, "STATISTICS_READ", null, "yearly " + year);
        return new YearlyReport(year, categories);
    }

    /** The figures of one year and category, or of one subtype of it when {@code subtype} is given. */
    private static YearlyReport.Figures figures(List<ChildCount> counts, int year, CaseCategory category, CaseSubtype subtype) {
        Map<UUID, Long> casesPerChild = new HashMap<>();
        for (ChildCount count : counts) {
            if (count.year() == year && count.category() == category && (subtype == null || count.subtype() == subtype)) {
                casesPerChild.merge(count.childId(), count.cases(), Long::sum);
            }
        }
        long cases = casesPerChild.values().stream().mapToLong(Long::longValue).sum();
        long repeat = casesPerChild.values().stream().filter(n -> n > 1).count();
        return new YearlyReport.Figures(cases, casesPerChild.size(), repeat);
    }

    private Map<CaseCategory, Map<String, Long>> outcomes(int year) {
        Map<CaseCategory, Map<String, Long>> outcomes = new LinkedHashMap<>();
        for (CaseCategory category : CaseCategory.values()) {
            Map<String, Long> split = new LinkedHashMap<>();
            Arrays.stream(CaseOutcome.values()).forEach(outcome -> split.put(outcome.name(), 0L));
            split.put(UNRESOLVED, 0L);
            outcomes.put(category, split);
        }
        jdbc.sql("""
                select category, coalesce(outcome, :unresolved) as outcome, count(*) as cases
                from case_file where opened_at >= :from and opened_at < :until
                group by category, outcome
                """)
                .param("unresolved", UNRESOLVED)
                .param("from", startOf(year))
                .param("until", startOf(year + 1))
                .query((rs, n) -> {
                    outcomes.get(CaseCategory.valueOf(rs.getString("category")))
                            .put(rs.getString("outcome"), rs.getLong("cases"));
                    return null;
                })
                .list();
        return outcomes;
    }

    private Timestamp startOf(int year) {
        return Timestamp.from(LocalDate.of(year, 1, 1).atStartOfDay(properties.zone()).toInstant());
    }

    static Integer change(long current, long previous) {
        if (previous == 0) {
            return null;
        }
        return BigDecimal.valueOf((current - previous) * 100L)
                .divide(BigDecimal.valueOf(previous), 0, RoundingMode.HALF_UP)
                .intValueExact();
    }

    private record ChildCount(int year, CaseCategory category, CaseSubtype subtype, UUID childId, long cases,
                              long withinEurope) {
    }
}
