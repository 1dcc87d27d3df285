-- Issue 6: the delivery engine. Concurrent senders, Twilio's status callbacks, a throttle shared by every
-- instance, and a per-alert report.

-- Twilio reports what became of a message after it took it: DELIVERED to the handset, or UNDELIVERED by the
-- carrier. The times of each step feed the report's per-minute timeline.
alter table delivery drop constraint delivery_state_check;
alter table delivery add constraint delivery_state_check
    check (state in ('PENDING', 'SENDING', 'ACCEPTED', 'DELIVERED', 'UNDELIVERED', 'FAILED'));
alter table delivery
    add column accepted_at     timestamptz,
    add column delivered_at    timestamptz,
    add column failed_at       timestamptz,
    -- the last status the provider reported (queued, sent, delivered, ...): a late callback never moves a row back
    add column provider_status text;

-- Status callbacks find their row by the provider's message id.
create index delivery_provider_message on delivery (provider_message_id) where provider_message_id is not null;

-- The SMS throttle, shared by every instance of the service: the message segments each sender (From number or
-- Messaging Service SID) was allowed to send in each short time slot (slot = epoch milliseconds / slot length).
-- A reservation takes a per-sender lock, checks the sum over the slots of the last second (and a margin) and
-- adds to the slot: any one-second window stays within the limit, whichever instance sent.
create table sms_send_slot (
    sender   text    not null,
    slot     bigint  not null,
    segments integer not null check (segments > 0),
    primary key (sender, slot)
);
