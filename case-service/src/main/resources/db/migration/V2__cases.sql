-- A child is separate from its cases: one child, many cases over the years (repeat runaways).
create table child (
    id            uuid primary key,
    first_name    text        not null,
    last_name     text        not null,
    date_of_birth date        not null,
    created_at    timestamptz not null default now()
);
create index child_identity on child (lower(first_name), lower(last_name), date_of_birth);

create table case_file (
    id                  uuid primary key,
    child_id            uuid             not null references child (id),
    category            text             not null,
    status              text             not null,
    last_seen_at        timestamptz      not null,
    last_seen_latitude  double precision not null,
    last_seen_longitude double precision not null,
    last_seen_place     text             not null,
    description         text,
    opened_at           timestamptz      not null,
    opened_by           text             not null,
    opened_by_subject   text             not null,
    outcome             text,
    resolved_at         timestamptz,
    resolved_by         text
);
create index case_file_opened on case_file (opened_at desc, id);
create index case_file_status on case_file (status, opened_at desc);
create index case_file_child on case_file (child_id);

-- A coordinator's request that a case become an alert; the alert id is assigned here.
create table escalation (
    alert_id             uuid primary key,
    case_id              uuid          not null references case_file (id),
    level                text          not null,
    radius_km            numeric(6, 2) not null,
    under_eighteen       boolean       not null,
    life_in_danger       boolean       not null,
    likely_in_country    boolean       not null,
    enough_information   boolean       not null,
    status               text          not null,
    requested_at         timestamptz   not null,
    requested_by         text          not null,
    requested_by_subject text          not null
);
create index escalation_case on escalation (case_id, requested_at);

create table timeline_entry (
    id       bigserial primary key,
    case_id  uuid        not null references case_file (id),
    at       timestamptz not null,
    kind     text        not null,
    summary  text        not null,
    author   text        not null
);
create index timeline_entry_case on timeline_entry (case_id, at, id);

-- Who read or changed which case, when and from where. Append only: no API updates or deletes it.
create table audit_log (
    id             bigserial primary key,
    at             timestamptz not null default now(),
    actor          text        not null,
    actor_subject  text,
    action         text        not null,
    case_id        uuid,
    detail         text,
    remote_address text
);
create index audit_log_case on audit_log (case_id, at);
