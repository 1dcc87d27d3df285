-- Issue 13, item 4: every table that grows with traffic has a bound (AlertRetention, childalert.retention.*).
-- An alert's per-recipient rows (delivery, reply, police_zone_alert, fanout_job) are deleted a while after it
-- ended. Before they go, their counts per channel, notice and final state are kept here: the coordinator's page
-- of an old alert still reads its report (GET /api/alerts/{id}/report). No address, no recipient: counts only.
create table alert_delivery_summary (
    alert_id   uuid   not null references alert_notice (alert_id) on delete cascade,
    channel    text   not null,
    notice     text   not null,
    state      text   not null,
    deliveries bigint not null check (deliveries > 0),
    primary key (alert_id, channel, notice, state)
);

-- When the alert's per-recipient rows were summarised and their deletion began. From then on the notice keeps no
-- detail of the child (first name, age, place and time last seen are erased with the description): the row stays,
-- as the report's anchor and as the record that the alert ended (a redelivered AlertIssued finds it and tells
-- nobody), until childalert.retention.ended-alerts after the end.
alter table alert_notice
    add column purged_at timestamptz,
    alter column child_first_name drop not null,
    alter column child_age drop not null;

-- finished fan-out jobs go a day after they finished, whatever their alert
create index fanout_job_finished on fanout_job (finished_at) where state in ('DONE', 'STOPPED');
