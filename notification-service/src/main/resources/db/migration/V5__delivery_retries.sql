-- A delivery that fails for a reason that may pass (provider unreachable, throttled with 429, SMTP down) waits
-- for its next attempt instead of holding up the queue: the dispatcher claims due deliveries in the order of
-- their next attempt, so one that keeps failing never starves new ones, and gives up after a bounded number.
alter table delivery add column next_attempt_at timestamptz not null default clock_timestamp();

drop index delivery_pending;
create index delivery_due on delivery (next_attempt_at, id) where state = 'PENDING';
