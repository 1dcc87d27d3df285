-- Issue 16, item 6: one DeliveryProgressed per alert per progress interval (1 s) instead of one per recorded batch
-- of outcomes (every few tens of milliseconds during a fan-out: about 1,100 events for 100,000 messages, each an
-- outbox row, a relay pass and a broker message, which cost a fifth of the service's CPU during the fan-out).
-- Each batch adds what it changed to its alert's row here, in the transaction that records the outcomes; every
-- interval, DeliveryProgressEvents takes the rows (delete ... returning) and publishes their sums through the outbox
-- in one transaction. So the deltas stay exact, whatever dies when, and whichever instance records or publishes.
create table delivery_progress (
    alert_id          uuid        primary key,
    sms_handed_over   integer     not null default 0,
    email_handed_over integer     not null default 0,
    failed            integer     not null default 0,
    since             timestamptz not null default clock_timestamp()
);
