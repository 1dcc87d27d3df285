package org.childalert.cases.search;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.childalert.cases.audit.AuditLog;
import org.childalert.cases.casefile.CaseCategory;
import org.childalert.cases.casefile.CaseStatus;
import org.childalert.cases.casefile.CaseSubtype;
import org.childalert.cases.casefile.PoliceVisibility;
import org.childalert.cases.security.Caller;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds cases by status, category, coordinator, opening date, place and the child's names, one page at a
 * time. Every criterion is served by an index (btree on status, category, coordinator and opening time;
 * GIN on the words of the names and of the place, kept on the case row), so a page stays fast with hundreds
 * of thousands of cases. Names and places match by words starting with the words typed, ignoring case and
 * accents: "liege guil" finds "Liège-Guillemins", "emma pee" finds Emma Peeters.
 */
@Service
class CaseSearch {

    static final int COUNT_BEYOND_PAGE = 1000;
    static final long MAX_ROWS_READ_IN_ORDER = 20_000;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final long rowsReadPerRowShown;

    /**
     * @param rowsReadPerRowShown how many cases a name or place search reads in the page's order, per row up to
     *                            the end of the page, before it turns to the word indexes: a text matching one case
     *                            in this many or more fills the page from them
     */
    CaseSearch(JdbcClient jdbc, AuditLog audit,
               @Value("${childalert.search.rows-read-per-row-shown:50}") long rowsReadPerRowShown) {
        if (rowsReadPerRowShown < 1) {
            throw new IllegalArgumentException("childalert.search.rows-read-per-row-shown must be positive");
        }
        this.jdbc = jdbc;
        this.audit = audit;
        this.rowsReadPerRowShown = rowsReadPerRowShown;
    }

    @Transactional
    CasePage search(CaseQuery query, Caller caller) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (!caller.hasRole("COORDINATOR")) {
            // police see only the cases that are, or were, escalated to police, as when they read one case; in
            // the query, so that pages and totals count only what the caller may see
            conditions.add(PoliceVisibility.ESCALATED_TO_POLICE);
        }
        if (query.status() != null) {
            conditions.add("c.status = :status");
            params.put("status", query.status().name());
        }
        if (query.category() != null) {
            conditions.add("c.category = :category");
            params.put("category", query.category().name());
        }
        if (query.coordinator() != null) {
            conditions.add("c.coordinator = :coordinator");
            params.put("coordinator", query.coordinator().strip());
        }
        if (query.openedFrom() != null) {
            conditions.add("c.opened_at >= :openedFrom");
            params.put("openedFrom", startOf(query.openedFrom()));
        }
        if (query.openedTo() != null) {
            conditions.add("c.opened_at < :openedBefore");
            params.put("openedBefore", startOf(query.openedTo().plusDays(1)));
        }
        // Plan each search for its own values: a generic plan cannot tell a rare name from a common one.
        jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
        long offset = (long) query.page() * query.size();
        String order = " order by " + query.sort().column + " " + query.direction() + ", c.id " + tieBreak(query.direction());
        CasePage page;
        if (query.name() == null && query.place() == null) {
            String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
            List<CaseSummary> items = page(where, params, order, query.size(), offset);
            page = page(query, items, total(items.size(), query, offset, where, params));
        } else {
            List<String> text = new ArrayList<>();
            textConditions(query, text, params);
            page = searchText(query, conditions, text, params, order, offset);
        }
        audit.record(caller, "CASES_SEARCHED", null, query.describe());
        return page;
    }

    /**
     * A search on names or places. First the cases that meet the other criteria are read in the page's order,
     * up to {@code rowsReadPerRowShown} times the rows up to the end of the page, and the text matched on them:
     * a common name or place fills the page this way without touching the word indexes (whose prefix scans
     * cost most for short, common words), and a page filled from the first cases in order is exactly the page.
     * Only a text too rare to fill the page that way is looked up through the word indexes. (Left to itself,
     * the planner multiplies the frequencies of the words typed as if they were independent, "mons" and "g"
     * of "Mons Grand-Place", and fetches and sorts thousands of cases it thought were a few.)
     */
    private CasePage searchText(CaseQuery query, List<String> conditions, List<String> text, Map<String, Object> params,
                                String order, long offset) {
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        long window = Math.min(MAX_ROWS_READ_IN_ORDER, rowsReadPerRowShown * (offset + query.size()));
        Window read = readInOrder(where, text, params, order, offset, query.size(), window);
        boolean everyCandidateRead = read.rowsRead() < window;
        if (read.items().size() == query.size() || everyCandidateRead) {
            long matches = Math.max(read.matches(), offset + read.items().size());
            return page(query, read.items(), new CasePage.Total(matches, everyCandidateRead));
        }
        List<String> all = new ArrayList<>(conditions);
        all.addAll(text);
        String whereAll = " where " + String.join(" and ", all);
        List<CaseSummary> items = page(whereAll, params, order, query.size(), offset);
        return page(query, items, total(items.size(), query, offset, whereAll, params));
    }

    /**
     * One page among the first {@code window} cases in order that meet {@code where}, matched on {@code text},
     * with how many cases were read and how many of them matched; one pass over the cases read.
     */
    private Window readInOrder(String where, List<String> text, Map<String, Object> params, String order, long offset,
                               int size, long window) {
        String matching = String.join(" and ", text);
        List<WindowRow> rows = jdbc.sql("with c as (select c.id, c.child_id, c.category, c.subtype, c.status, c.opened_at,"
                        + " c.last_seen_at, c.last_seen_place, c.coordinator, c.name_words, c.place_words from case_file c"
                        + where + order + " limit :window),"
                        + " counted as (select count(*) as rows_read, count(*) filter (where " + matching + ") as matches from c)"
                        + " select counted.rows_read, counted.matches, shown.* from counted left join lateral ("
                        + select(null) + " from c join child ch on ch.id = c.child_id where " + matching + order
                        + " limit :limit offset :offset) shown on true")
                .params(params)
                .param("window", window)
                .param("limit", size)
                .param("offset", offset)
                .query((rs, n) -> new WindowRow(rs.getObject("id") == null ? null : summary(rs), rs.getLong("rows_read"),
                        rs.getLong("matches")))
                .list();
        WindowRow first = rows.get(0);
        List<CaseSummary> items = first.summary() == null ? List.of() : rows.stream().map(WindowRow::summary).toList();
        return new Window(items, first.rowsRead(), first.matches());
    }

    /** A row of {@link #readInOrder}: a case shown ({@code null} when none is) and the counts of the whole read. */
    private record WindowRow(CaseSummary summary, long rowsRead, long matches) {
    }

    private List<CaseSummary> page(String where, Map<String, Object> params, String order, int size, long offset) {
        return jdbc.sql(select(null) + " from case_file c join child ch on ch.id = c.child_id" + where + order
                        + " limit :limit offset :offset")
                .params(params)
                .param("limit", size)
                .param("offset", offset)
                .query((rs, n) -> summary(rs))
                .list();
    }

    private static String select(String extra) {
        return "select c.id, c.category, c.subtype, c.status, c.opened_at, c.last_seen_at, c.last_seen_place, "
                + "c.coordinator, ch.id as child_id, ch.first_name, ch.last_name, ch.date_of_birth"
                + (extra == null ? "" : ", " + extra);
    }

    private static CaseSummary summary(ResultSet rs) throws SQLException {
        String subtype = rs.getString("subtype");
        return new CaseSummary(rs.getObject("id", UUID.class),
                new CaseSummary.ChildName(rs.getObject("child_id", UUID.class), rs.getString("first_name"),
                        rs.getString("last_name"), rs.getObject("date_of_birth", LocalDate.class)),
                CaseCategory.valueOf(rs.getString("category")),
                subtype == null ? null : CaseSubtype.valueOf(subtype), CaseStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("opened_at").toInstant(), rs.getTimestamp("last_seen_at").toInstant(),
                rs.getString("last_seen_place"), rs.getString("coordinator"));
    }

    private static CasePage page(CaseQuery query, List<CaseSummary> items, CasePage.Total total) {
        return new CasePage(items, query.page(), query.size(), total.count(), total.exact());
    }

    private static void textConditions(CaseQuery query, List<String> conditions, Map<String, Object> params) {
        if (query.name() != null) {
            conditions.add("c.name_words @@ words_starting_with(:name)");
            params.put("name", query.name());
        }
        if (query.place() != null) {
            conditions.add("c.place_words @@ words_starting_with(:place)");
            params.put("place", query.place());
        }
    }

    /**
     * How many cases match: exact up to {@value #COUNT_BEYOND_PAGE} beyond the page shown, a lower bound above
     * that (counting every match of a broad search would cost more than the page itself).
     */
    private CasePage.Total total(int found, CaseQuery query, long offset, String where, Map<String, Object> params) {
        if (found < query.size() && (found > 0 || offset == 0)) {
            return new CasePage.Total(offset + found, true);
        }
        long cap = offset + query.size() + COUNT_BEYOND_PAGE;
        long counted = jdbc.sql("select count(*) from (select 1 from case_file c" + where + " limit :cap) matching")
                .params(params)
                .param("cap", cap + 1)
                .query(Long.class)
                .single();
        return counted > cap ? new CasePage.Total(cap, false) : new CasePage.Total(counted, true);
    }

    /** The indexes hold (time desc, id asc): ties are broken the way they can be read forwards or backwards. */
    private static String tieBreak(CaseQuery.Direction direction) {
        return direction == CaseQuery.Direction.DESC ? "asc" : "desc";
    }

    private static Timestamp startOf(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** A page read from the first cases in order: how many cases were read and how many of them matched. */
    private record Window(List<CaseSummary> items, long rowsRead, long matches) {
    }
}
