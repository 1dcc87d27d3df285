package org.childalert.cases.audit;

import java.util.UUID;

import org.childalert.cases.security.Caller;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit trail of case data (GDPR art. 5(2), Directive 2016/680 art. 25): every read and every change of a
 * case, by whom, when and from where. Append only: a trigger (V8) refuses every update and every delete but
 * {@link org.childalert.cases.retention.AuditLogRetention}'s, which removes entries after six years and records
 * each batch it removed.
 */
@Component
public class AuditLog {

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(Caller caller, String action, UUID caseId, String detail) {
        jdbc.sql("""
                insert into audit_log (actor, actor_subject, action, case_id, detail, remote_address)
                values (:actor, :subject, :action, :caseId, :detail, :remote)
                """)
                .param("actor", caller.username())
                .param("subject", caller.subject())
                .param("action", action)
                .param("caseId", caseId)
                .param("detail", detail)
                .param("remote", remoteAddress())
                .update();
    }

    /** For changes that arrive as events from another service rather than from a person's request. */
    public void recordSystem(String source, String action, UUID caseId, String detail) {
        jdbc.sql("""
                insert into audit_log (actor, action, case_id, detail) values (:actor, :action, :caseId, :detail)
                """)
                .param("actor", source)
                .param("action", action)
                .param("caseId", caseId)
                .param("detail", detail)
                .update();
    }

    /**
     * The caller's address as the server established it. A client's own {@code X-Forwarded-For} is never read
     * here: Tomcat's RemoteIpValve ({@code server.forward-headers-strategy: native}) takes the address a trusted
     * proxy (the gateway, on an internal address) added, and ignores the header from anyone else.
     */
    private static String remoteAddress() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            return servlet.getRequest().getRemoteAddr();
        }
        return null;
    }
}
