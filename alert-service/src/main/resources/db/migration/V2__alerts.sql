-- An alert, from the coordinator's escalation request to its end. Holds only what an alert may show:
-- the child's first name, age and description, never the case file.
create table alert (
    id                    uuid primary key,
    case_id               uuid             not null,
    status                text             not null,
    level                 text             not null,
    radius_km             double precision not null check (radius_km > 0),
    under_eighteen        boolean          not null,
    life_in_danger        boolean          not null,
    likely_in_country     boolean          not null,
    enough_information    boolean          not null,
    last_seen_at          timestamptz      not null,
    last_seen_latitude    double precision not null check (last_seen_latitude between -90 and 90),
    last_seen_longitude   double precision not null check (last_seen_longitude between -180 and 180),
    last_seen_place       text             not null,
    child_first_name      text             not null,
    child_age             integer          not null,
    child_description     text,
    requested_by_subject  text             not null,
    requested_by_username text             not null,
    requested_at          timestamptz      not null,
    decided_by_subject    text,
    decided_by_username   text,
    decided_at            timestamptz,
    issued_at             timestamptz,
    expires_at            timestamptz,
    cancelled_at          timestamptz,
    cancellation_reason   text,
    refusal_reasons       jsonb            not null default '[]'::jsonb
);
create index alert_by_case on alert (case_id);
create index alert_by_status_newest_first on alert (status, requested_at desc);

-- Audit trail of every decision on an alert (policy refusal, approval, rejection, cancellation):
-- who, when, what and why. Append only: updates and deletes are refused by the database itself.
create table alert_decision (
    id               bigint generated always as identity primary key,
    alert_id         uuid        not null references alert (id),
    decision         text        not null,
    actor_subject    text        not null,
    actor_username   text        not null,
    reason           text,
    decided_at       timestamptz not null
);
create index alert_decision_by_alert on alert_decision (alert_id, decided_at);

create function alert_decision_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'alert_decision is an append-only audit trail: % is not allowed', tg_op;
end;
$$;
create trigger alert_decision_append_only
    before update or delete on alert_decision
    for each row execute function alert_decision_is_append_only();
