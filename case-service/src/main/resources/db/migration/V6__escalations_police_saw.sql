-- Police may see a case only while it is, or was, escalated to police (CaseFiles, CaseSearch). An escalation that
-- the alert-service's escalation policy refused on arrival never reached an officer: it does not count.
alter table escalation add column refused_by_policy boolean not null default false;

-- Escalations refused by the policy before this column existed: AlertProgress audited them as rejected by the
-- policy's actor.
update escalation e set refused_by_policy = true
where e.status = 'REJECTED'
  and exists (select 1 from audit_log a
              where a.case_id = e.case_id and a.action = 'ALERT_REJECTED'
                and a.detail = 'alert ' || e.alert_id || ' rejected by escalation-policy');
