-- Issue 13, item 4: a volunteer who has no confirmed channel is deleted 30 days after signing up
-- (UnverifiedVolunteerRetention, childalert.volunteers.unverified). The 30 days run from the newest of the sign-up,
-- the channels added since and the last code or link sent: a volunteer who switched to a new, unconfirmed channel
-- (or asked for a new code) gets the full period to confirm it. Rows that exist now count as added today.
alter table volunteer_channel add column added_at timestamptz not null default now();
