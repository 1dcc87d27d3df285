-- Issue 6: fan-out jobs, widening, updates, expiry, acknowledgement loop with the alert-service, SMS replies.

-- A police zone's identity in events and in officers' tokens (claim police_zone) is a stable code chosen by a
-- person (in Belgium the official zone number, e.g. 5339), never a generated id. Zones defined before codes
-- existed get one derived from their id, which an admin can replace by defining the zone again.
alter table police_zone add column code text;
update police_zone set code = 'zone-' || substr(replace(id::text, '-', ''), 1, 12) where code is null;
alter table police_zone
    alter column code set not null,
    add constraint police_zone_code_unique unique (code),
    add constraint police_zone_code_format check (code ~ '^[A-Za-z0-9-]{1,40}$');

-- The notice as it now reads: updates bring a photo link and bump the revision; expiry is recorded.
alter table alert_notice
    add column photo_link text,
    add column revision   integer not null default 0,
    add column expired_at timestamptz;

-- An alert may be updated more than once, and every update is a notice of its own: the revision of the notice
-- joins the unique keys, which still make each (recipient, channel, notice, revision) happen once.
alter table delivery add column revision integer not null default 0;
alter table delivery drop constraint delivery_once;
alter table delivery add constraint delivery_once
    unique (alert_id, recipient_kind, recipient_id, channel, notice, revision);
drop index delivery_once_per_address;
create unique index delivery_once_per_address on delivery (alert_id, notice, revision, channel, address);
-- Nobody is told about an alert twice on a channel: one first notice (ISSUED, or WIDENED for those a widening
-- reaches) per recipient and per address. A fan-out's inserts (at issue, after a widening, resumed after a
-- crash) rely on these keys alone ("on conflict do nothing"), which cost the same whatever the table's size
-- and whatever plan PostgreSQL would pick for a "not exists" on a table its statistics still think small.
create unique index delivery_told_once on delivery (alert_id, recipient_kind, recipient_id, channel)
    where notice in ('ISSUED', 'WIDENED');
create unique index delivery_told_once_per_address on delivery (alert_id, channel, address)
    where notice in ('ISSUED', 'WIDENED');
-- a reply is matched to the latest alert sent to its number
create index delivery_sms_address on delivery (address, created_at) where channel = 'SMS';

alter table delivery drop constraint delivery_notice_check;
alter table delivery add constraint delivery_notice_check
    check (notice in ('ISSUED', 'UPDATED', 'WIDENED', 'FOUND', 'ESCALATION'));

-- Fan-out: the consumer of AlertIssued / AlertWidened records a job in its own transaction; workers resolve
-- the recipients and queue their deliveries in committed chunks. A worker holds a job by a lease it renews
-- after each chunk; a job whose lease ran out (its worker stopped) is taken up again, and its inserts are
-- idempotent thanks to the deliveries' unique keys.
create table fanout_job (
    id                 uuid primary key,
    alert_id           uuid             not null references alert_notice (alert_id),
    notice             text             not null check (notice in ('ISSUED', 'WIDENED')),
    level              text             not null,
    latitude           double precision not null,
    longitude          double precision not null,
    radius_km          double precision not null,
    previous_radius_km double precision,
    state              text             not null default 'PENDING'
        check (state in ('PENDING', 'RUNNING', 'DONE', 'STOPPED')),
    lease_owner        uuid,
    lease_until        timestamptz,
    attempts           integer          not null default 0,
    queued             integer          not null default 0,
    created_at         timestamptz      not null default clock_timestamp(),
    finished_at        timestamptz
);
create index fanout_job_open on fanout_job (created_at) where state in ('PENDING', 'RUNNING');
create index fanout_job_alert on fanout_job (alert_id);

-- The police zones an alert reached, once each: the first time is told to the alert-service
-- (PoliceZoneAlerted), the overdue escalation happens at most once.
create table police_zone_alert (
    alert_id     uuid        not null references alert_notice (alert_id),
    zone_code    text        not null,
    zone_name    text        not null,
    alerted_at   timestamptz not null default clock_timestamp(),
    escalated_at timestamptz,
    primary key (alert_id, zone_code)
);

-- SMS replies to alerts, once per Twilio message. Erasure of a volunteer clears recipient_id, phone and text:
-- the anonymous counts per kind remain.
create table reply (
    id             uuid primary key,
    alert_id       uuid        not null references alert_notice (alert_id),
    recipient_kind text        not null check (recipient_kind in ('POLICE', 'VOLUNTEER')),
    recipient_id   uuid,
    phone          text,
    kind           text        not null check (kind in ('SEEN', 'SIGHTING', 'ACK', 'OTHER')),
    text           text,
    language       text        not null,
    message_sid    text        not null unique,
    received_at    timestamptz not null default clock_timestamp()
);
create index reply_by_alert on reply (alert_id, received_at desc);
create index reply_by_recipient on reply (recipient_kind, recipient_id);
