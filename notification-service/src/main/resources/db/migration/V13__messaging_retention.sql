-- Published outbox rows and processed-event records are deleted after their retention period
-- (messaging-kit's MessagingRecordsPurge): find the old ones without reading the whole table.
create index outbox_event_published on outbox_event (published_at) where published_at is not null;
create index processed_event_processed_at on processed_event (processed_at);
