-- An event no queue takes (unroutable) is parked after childalert.outbox.park-after-attempts attempts
-- (messaging-kit's OutboxRelay): left out of every later pass so that it no longer holds newer events back.
-- Set parked_at back to null to have it published again once a queue takes its type.
alter table outbox_event add column parked_at timestamptz;
