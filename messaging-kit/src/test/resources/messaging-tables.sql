-- The two tables the purge works on, as each service's own Flyway migrations create them
-- (case-service V1__messaging.sql and V5__messaging_retention.sql): the kit owns no table.
-- The outbox and processed-event tables of alert- and notification-service have the same shape.
create table if not exists outbox_event (
    event_id     uuid primary key,
    type_name    text        not null,
    exchange     text        not null,
    subject_id   uuid        not null,
    payload      jsonb       not null,
    occurred_at  timestamptz not null,
    recorded_at  timestamptz not null default clock_timestamp(),
    published_at timestamptz,
    attempts     integer     not null default 0,
    last_error   text,
    traceparent  text
);
-- parked events (childalert.outbox.park-after-attempts): notification-service V14__outbox_parked_events.sql
alter table outbox_event add column if not exists parked_at timestamptz;
-- a test database made before the column (bin/stack reset-tests makes it anew)
alter table outbox_event add column if not exists traceparent text;
create index if not exists outbox_event_pending on outbox_event (recorded_at) where published_at is null;
create index if not exists outbox_event_published on outbox_event (published_at) where published_at is not null;

create table if not exists processed_event (
    consumer     text        not null,
    event_id     uuid        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
create index if not exists processed_event_processed_at on processed_event (processed_at);
