-- Issue 4: updates with a photo, extensions, widening, timers, police acknowledgement, CAP revisions and the
-- receipt of every withdrawal of a child's data.

alter table alert
    add column photo_url       text,
    add column photo_mime_type text,
    add column extensions      integer not null default 0 check (extensions between 0 and 3);

-- Due timers (expiry, widening steps, acknowledgement deadlines). Kept in the database so that they survive
-- restarts; an instance claims one with FOR UPDATE SKIP LOCKED and fires it in the same transaction as its
-- effect and the outbox record, so that each timer fires exactly once however many instances run.
create table alert_timer (
    id          bigint generated always as identity primary key,
    alert_id    uuid        not null references alert (id),
    kind        text        not null,
    detail      text        not null default '',
    due_at      timestamptz not null,
    created_at  timestamptz not null default clock_timestamp(),
    attempts    integer     not null default 0,
    last_error  text,
    claimed_by  text,
    fired_at    timestamptz,
    outcome     text,
    unique (alert_id, kind, detail, due_at)
);
create index alert_timer_due on alert_timer (due_at, id) where fired_at is null;

-- Extensions asked for by a coordinator or officer, each decided by another police officer (four eyes).
create table alert_extension (
    alert_id              uuid        not null references alert (id),
    number                integer     not null check (number >= 1), -- requests, approved or not
    status                text        not null check (status in ('PENDING', 'APPROVED', 'REJECTED')),
    requested_by_subject  text        not null,
    requested_by_username text        not null,
    requested_at          timestamptz not null,
    decided_by_subject    text,
    decided_by_username   text,
    decided_at            timestamptz,
    reason                text,
    primary key (alert_id, number)
);
create unique index alert_extension_one_pending on alert_extension (alert_id) where status = 'PENDING';

-- The police zones an alert reached (told by the notification-service) and their acknowledgement.
create table zone_alert (
    alert_id                 uuid        not null references alert (id),
    zone_id                  text        not null,
    zone_name                text        not null,
    alerted_at               timestamptz not null,
    deadline                 timestamptz not null,
    acknowledged_at          timestamptz,
    acknowledged_by_subject  text,
    acknowledged_by_username text,
    acknowledged_via         text check (acknowledged_via in ('API', 'SMS')),
    escalated_at             timestamptz,
    primary key (alert_id, zone_id)
);

-- Every CAP message an alert has had: revision 0 is the Alert, later ones Updates. A Cancel references them all.
create table cap_revision (
    alert_id uuid        not null references alert (id),
    revision integer     not null,
    kind     text        not null,
    sent_at  timestamptz not null,
    primary key (alert_id, revision)
);

-- The receipt of each withdrawal of a child's data from an alert and its public forms. Append only.
create table alert_data_withdrawal (
    id              bigint generated always as identity primary key,
    alert_id        uuid        not null references alert (id),
    withdrawn_at    timestamptz not null,
    actor_subject   text        not null,
    actor_username  text        not null,
    reason          text        not null,
    withdrawn_items jsonb       not null
);
create index alert_data_withdrawal_by_alert on alert_data_withdrawal (alert_id);

create function audit_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is an append-only audit trail: % is not allowed', tg_table_name, tg_op;
end;
$$;
create trigger alert_data_withdrawal_append_only
    before update or delete on alert_data_withdrawal
    for each row execute function audit_is_append_only();
