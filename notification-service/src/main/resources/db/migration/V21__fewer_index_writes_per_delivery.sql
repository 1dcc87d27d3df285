-- A national fan-out writes each delivery row three times (queued, claimed, its outcome), and as the claim and the
-- outcome change `state`, which partial indexes test, none of these updates is HOT: every version of the row is a
-- new entry in each index whose predicate it meets. Most of the PostgreSQL time of a fan-out was this index upkeep
-- (docs/benchmarks.md). Two indexes indexed rows they never had to:
--
-- delivery_once_per_address keeps one notice of a kind and revision per address. For a first notice (ISSUED,
-- WIDENED: nine rows in ten) delivery_told_once_per_address (alert, channel, address) already says more: one first
-- notice per address whatever its kind and revision. So it now holds the other notices only.
drop index delivery_once_per_address;
create unique index delivery_once_per_address on delivery (alert_id, notice, revision, channel, address)
    where notice not in ('ISSUED', 'WIDENED');

-- delivery_sms_address finds the latest alert SMS sent to a number that replies (Replies): only rows being sent or
-- sent are ever looked for, so a queued or failed row need not be in it.
drop index delivery_sms_address;
create index delivery_sms_address on delivery (address, created_at)
    where channel = 'SMS' and state in ('SENDING', 'ACCEPTED', 'DELIVERED');
