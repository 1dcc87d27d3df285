-- Transactional outbox: events recorded with the state change that caused them, published after commit.
create table outbox_event (
    event_id     uuid primary key,
    type_name    text        not null,
    exchange     text        not null,
    subject_id   uuid        not null,
    payload      jsonb       not null,
    occurred_at  timestamptz not null,
    recorded_at  timestamptz not null default clock_timestamp(),
    published_at timestamptz,
    attempts     integer     not null default 0,
    last_error   text
);
create index outbox_event_pending on outbox_event (recorded_at) where published_at is null;

-- Idempotent consumers: the events already handled, written in the handler's transaction.
create table processed_event (
    consumer     text        not null,
    event_id     uuid        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
