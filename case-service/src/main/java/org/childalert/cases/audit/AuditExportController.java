package org.childalert.cases.audit;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.childalert.cases.security.Caller;
import org.childalert.kit.web.InvalidRequestException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;

/**
 * Administrators export the audit log, one entry per line: JSON lines ({@code application/x-ndjson}, the
 * default) or CSV ({@code ?format=csv}). There is no API to change or delete an entry; the export itself is
 * audited.
 */
@RestController
@RequestMapping("/api/audit")
class AuditExportController {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    AuditExportController(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping
    ResponseEntity<StreamingResponseBody> export(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(defaultValue = "jsonl") String format,
            Authentication authentication) {
        Instant start = from == null ? Instant.EPOCH : from;
        if (to != null && start.isAfter(to)) {
            throw new InvalidRequestException("from", "must not be after to");
        }
        boolean csv = isCsv(format);
        audit.record(Caller.from(authentication), "AUDIT_EXPORTED", null,
                "from " + start + " to " + (to == null ? "now" : to) + " as " + format);
        // up to now includes the entry of this export
        Instant end = to == null ? clock.instant() : to;
        StreamingResponseBody body = output -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            if (csv) {
                writer.write("id,at,actor,actor_subject,action,case_id,detail,remote_address\r\n");
            }
            jdbc.sql("""
                    select id, at, actor, actor_subject, action, case_id, detail, remote_address
                    from audit_log where at >= :from and at <= :to order by at, id
                    """)
                    .param("from", Timestamp.from(start))
                    .param("to", Timestamp.from(end))
                    .query(rs -> {
                        Map<String, Object> entry = new LinkedHashMap<>();
                        entry.put("id", rs.getLong("id"));
                        entry.put("at", rs.getTimestamp("at").toInstant().toString());
                        entry.put("actor", rs.getString("actor"));
                        entry.put("actorSubject", rs.getString("actor_subject"));
                        entry.put("action", rs.getString("action"));
                        entry.put("caseId", rs.getString("case_id"));
                        entry.put("detail", rs.getString("detail"));
                        entry.put("remoteAddress", rs.getString("remote_address"));
                        try {
                            writer.write(csv ? csvLine(entry) : json.writeValueAsString(entry) + "\n");
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
            writer.flush();
        };
        return ResponseEntity.ok()
                .contentType(csv ? MediaType.parseMediaType("text/csv;charset=UTF-8") : NDJSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-log." + (csv ? "csv" : "jsonl") + "\"")
                .body(body);
    }

    private static boolean isCsv(String format) {
        if ("csv".equals(format)) {
            return true;
        }
        if ("jsonl".equals(format)) {
            return false;
        }
        throw new InvalidRequestException("format", "must be jsonl or csv");
    }

    private static String csvLine(Map<String, Object> entry) {
        StringBuilder line = new StringBuilder();
        for (Object value : entry.values()) {
            if (!line.isEmpty()) {
                line.append(',');
            }
            if (value != null) {
                String text = value.toString();
                line.append(text.matches(".*[,\"\r\n].*")
                        ? '"' + text.replace("\"", "\"\"") + '"' : text);
            }
        }
        return line.append("\r\n").toString();
    }
}
