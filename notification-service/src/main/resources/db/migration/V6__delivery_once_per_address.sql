-- Nobody is sent the same notice twice on one address, even when they are registered twice (by an admin and
-- by themselves, or as a volunteer and a police contact): the first recipient queued on an address takes it.
create unique index delivery_once_per_address on delivery (alert_id, notice, channel, address);
