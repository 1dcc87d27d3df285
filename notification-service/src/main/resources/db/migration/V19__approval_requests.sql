-- Issue 15: police on duty are told by SMS and email when an alert, or a change to one, waits for their four-eyes
-- approval (alerts.AlertApprovalRequested). One row per request: the deliveries of its APPROVAL_REQUESTED notice
-- carry the alert's id and the request's number for that alert as their revision, so that the unique keys of
-- delivery (alert, recipient, channel, notice, revision) tell each contact once per request, and a second change
-- to the same alert is a request of its own.
create table approval_request (
    alert_id     uuid        not null,
    seq          integer     not null check (seq > 0),
    kind         text        not null check (kind in ('NEW_ALERT', 'CHANGE')),
    requested_at timestamptz not null,
    event_id     uuid        not null,
    received_at  timestamptz not null default now(),
    primary key (alert_id, seq),
    -- the same request published again under another event id is still one request
    constraint approval_request_once unique (alert_id, kind, requested_at)
);
-- retention: requests (and their deliveries) older than the recipient rows' bound are deleted
create index approval_request_received on approval_request (received_at);

-- A new alert waits for approval before it is issued: its approval messages precede its alert_notice, which
-- delivery.alert_id can therefore no longer reference. Every other notice is still queued only for an alert whose
-- notice is kept (AlertNotices, the fan-out); the retention deletes deliveries before the notice.
alter table delivery drop constraint delivery_alert_id_fkey;

alter table delivery drop constraint delivery_notice_check;
alter table delivery add constraint delivery_notice_check
    check (notice in ('ISSUED', 'UPDATED', 'WIDENED', 'FOUND', 'ESCALATION', 'APPROVAL_REQUESTED')) not valid;
alter table delivery validate constraint delivery_notice_check;
