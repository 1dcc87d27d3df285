-- Issue 16, item 5: when a provider's rate is the limit (a Twilio short code takes about 100 segments a second, so
-- 90,000 SMS take 15 minutes), the order of hand-over decides who is told in the first minute. Each delivery
-- carries its rank: -1 for police contacts (before everyone), else the volunteer's distance in kilometres from the
-- alert's centre, the last-seen place; notices that follow one (UPDATED, FOUND, an email instead of an SMS) copy
-- the rank of the delivery they follow. Every instance claims due deliveries in the order of their rank (FOR
-- UPDATE SKIP LOCKED), so the order holds whatever the number of instances.
alter table delivery add column hand_over_rank real not null default 0;

-- The claim walks its channel's pending rows in the order of their rank and stops at its limit. A delivery waiting
-- for a retry keeps its place in this index and is stepped over until it is due: few are, since a provider that
-- fails opens its circuit breaker and nothing more is claimed for it.
drop index delivery_due_per_channel;
create index delivery_due_per_channel on delivery (channel, hand_over_rank, id) where state = 'PENDING';
