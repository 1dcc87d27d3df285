-- Issue 13, item 4: an alert that ended is deleted with all its rows after the retention period
-- (EndedAlertRetention, childalert.retention.ended-alerts). The two audit trails stay append-only for everyone
-- else: a row may be deleted only by a transaction that says it is the retention's (a transaction-local setting)
-- and only while its alert has ended. Updates are refused as before.

create function alert_has_ended(ended_alert_id uuid) returns boolean language sql stable as $$
    select exists (select 1 from alert
                   where id = ended_alert_id and status in ('CANCELLED', 'WITHDRAWN', 'EXPIRED', 'REJECTED', 'REFUSED'));
$$;

create or replace function alert_decision_is_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and current_setting('childalert.retention', true) = 'ended-alerts'
            and alert_has_ended(old.alert_id) then
        return old;
    end if;
    raise exception 'alert_decision is an append-only audit trail: % is not allowed', tg_op;
end;
$$;

create or replace function audit_is_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and current_setting('childalert.retention', true) = 'ended-alerts'
            and alert_has_ended(old.alert_id) then
        return old;
    end if;
    raise exception '% is an append-only audit trail: % is not allowed', tg_table_name, tg_op;
end;
$$;
