-- The dispatcher claims due deliveries one channel at a time, in the order of their next attempt
-- (DeliveryQueue.claim). With the due index on (next_attempt_at, id) alone, the planner, which still believed the
-- queue nearly empty a few seconds into a 100,000-recipient alert, chose a bitmap of every pending SMS followed by
-- a sort: 358 ms per claim of 64 (measured during the fan-out benchmark), the limit on how fast SMS left. With the
-- channel first, the claim walks the index in order within its channel and stops at its limit.
create index delivery_due_per_channel on delivery (channel, next_attempt_at, id) where state = 'PENDING';
drop index delivery_due;
