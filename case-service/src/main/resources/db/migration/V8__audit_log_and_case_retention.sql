-- Issue 13, item 4: the audit trail and the anonymised cases get bounds (AuditLogRetention, AnonymisedCaseRetention).
-- audit_log was append-only by convention (no API updates or deletes it); from here the database enforces it: no
-- update ever, and a delete only by a transaction that says it is the audit log's retention (a transaction-local
-- setting) and only of rows older than the cutoff that transaction names. The retention writes one audit row for
-- each batch it deletes, in the same transaction, so the purge itself stays on the record.

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and current_setting('childalert.retention', true) = 'audit-log'
            and old.at < nullif(current_setting('childalert.audit_log_cutoff', true), '')::timestamptz then
        return old;
    end if;
    raise exception 'audit_log is an append-only audit trail: % is not allowed', tg_op;
end;
$$;

create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function audit_log_is_append_only();

-- the anonymised cases of a year long past, found by the year they were opened in
create index case_file_anonymised on case_file (opened_at) where personal_data_erased_at is not null;
