package org.childalert.cases.search;

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
import org.childalert.cases.security.Caller;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds cases by status, category, coordinator, opening date, place and the child's names, one page at a
 * time. Every criterion is served by an index (btree on status, category, coordinator and opening time;
 * trigram GIN on names and places), so a page stays fast with hundreds of thousands of cases.
 */
@Service
class CaseSearch {

    static final int COUNT_BEYOND_PAGE = 1000;

    private final JdbcClient jdbc;
    private final AuditLog audit;

    CaseSearch(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional
    CasePage search(CaseQuery query, Caller caller) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (!caller.hasRole("COORDINATOR")) {
            // police see the cases that were escalated to them, as when they read one case
            conditions.add("c.status <> 'OPEN'");
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
        if (query.place() != null) {
            conditions.add("lower(c.last_seen_place) like :place");
            params.put("place", containing(query.place()));
        }
        if (query.name() != null) {
            conditions.add("ch.search_name like :name");
            params.put("name", containing(query.name()));
        }
        String from = query.name() == null ? " from case_file c" : " from case_file c join child ch on ch.id = c.child_id";
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        long offset = (long) query.page() * query.size();

        // Plan each search for its own values: a generic plan cannot tell a rare name (use the trigram index)
        // from a common one (walk the opening-time index until the page is full), and guessing wrong costs seconds.
        jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
        List<CaseSummary> items = jdbc.sql("""
                select c.id, c.category, c.subtype, c.status, c.opened_at, c.last_seen_at, c.last_seen_place,
                       c.coordinator, ch.id as child_id, ch.first_name, ch.last_name, ch.date_of_birth
                from case_file c join child ch on ch.id = c.child_id
                """ + where + " order by " + query.sort().column + " " + query.direction() + ", c.id "
                        + tieBreak(query.direction()) + " limit :limit offset :offset")
                .params(params)
                .param("limit", query.size())
                .param("offset", offset)
                .query((rs, n) -> {
                    String subtype = rs.getString("subtype");
                    return new CaseSummary(rs.getObject("id", UUID.class),
                            new CaseSummary.ChildName(rs.getObject("child_id", UUID.class), rs.getString("first_name"),
                                    rs.getString("last_name"), rs.getObject("date_of_birth", LocalDate.class)),
                            CaseCategory.valueOf(rs.getString("category")),
                            subtype == null ? null : CaseSubtype.valueOf(subtype), CaseStatus.valueOf(rs.getString("status")),
                            rs.getTimestamp("opened_at").toInstant(), rs.getTimestamp("last_seen_at").toInstant(),
                            rs.getString("last_seen_place"), rs.getString("coordinator"));
                })
                .list();
        CasePage.Total total = total(items.size(), query, offset, from, where, params);
        audit.record(caller, "CASES_SEARCHED", null, query.describe());
        return new CasePage(items, query.page(), query.size(), total.count(), total.exact());
    }

    /**
     * How many cases match: exact up to {@value #COUNT_BEYOND_PAGE} beyond the page shown, a lower bound above
     * that (counting every match of a broad search would cost more than the page itself).
     */
    private CasePage.Total total(int found, CaseQuery query, long offset, String from, String where, Map<String, Object> params) {
        if (found < query.size() && (found > 0 || offset == 0)) {
            return new CasePage.Total(offset + found, true);
        }
        long cap = offset + query.size() + COUNT_BEYOND_PAGE;
        long counted = jdbc.sql("select count(*) from (select 1" + from + where + " limit :cap) matching")
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

    /** A LIKE pattern matching the text anywhere, with the text's own wildcards taken literally. */
    private static String containing(String text) {
        String escaped = text.strip().toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
