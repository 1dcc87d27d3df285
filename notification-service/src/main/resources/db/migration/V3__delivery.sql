-- What recipients of an alert are told, kept to render their messages. The description is erased when the
-- alert is cancelled; the "found" notice needs only the first name.
create table alert_notice (
    alert_id         uuid primary key,
    case_id          uuid        not null,
    level            text        not null,
    child_first_name text        not null,
    child_age        integer     not null,
    description      text,
    last_seen_place  text,
    last_seen_at     timestamptz,
    expires_at       timestamptz,
    issued_at        timestamptz not null,
    cancelled_at     timestamptz,
    cancel_reason    text
);

-- The durable work queue of messages: one row per alert, recipient, channel and notice. The unique key is
-- the guarantee that nobody is sent the same notice twice on a channel, whatever the redeliveries.
create table delivery (
    id                  uuid primary key,
    alert_id            uuid        not null references alert_notice (alert_id),
    recipient_kind      text        not null check (recipient_kind in ('POLICE', 'VOLUNTEER')),
    recipient_id        uuid        not null,
    channel             text        not null check (channel in ('SMS', 'EMAIL')),
    notice              text        not null check (notice in ('ISSUED', 'UPDATED', 'WIDENED', 'FOUND')),
    address             text        not null,
    language            text        not null,
    state               text        not null default 'PENDING'
        check (state in ('PENDING', 'SENDING', 'ACCEPTED', 'DELIVERED', 'FAILED')),
    provider_message_id text,
    attempts            integer     not null default 0,
    error_code          text,
    created_at          timestamptz not null default clock_timestamp(),
    updated_at          timestamptz not null default clock_timestamp(),
    constraint delivery_once unique (alert_id, recipient_kind, recipient_id, channel, notice)
);
create index delivery_pending on delivery (created_at) where state = 'PENDING';
create index delivery_sending on delivery (updated_at) where state = 'SENDING';
