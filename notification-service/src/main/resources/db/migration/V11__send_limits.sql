-- Limits on the messages anyone with an account can make us send (confirmation codes and links, answers to
-- inbound SMS): one row per message, counted over a sliding window per destination, account, client address and
-- overall. Only keyed hashes (HMAC, childalert.limits.hash-key) of the number or address, the Keycloak subject and
-- the client address are kept, so that the counts survive a volunteer's erasure without keeping who they were.
-- Rows older than the window are purged (MessagingRecordsPurge).
create table send_limit_event (
    action           text        not null,
    at               timestamptz not null,
    destination_hash text        not null,
    account_hash     text,
    client_hash      text
);
create index send_limit_event_destination on send_limit_event (destination_hash, at);
create index send_limit_event_account on send_limit_event (account_hash, at) where account_hash is not null;
create index send_limit_event_client on send_limit_event (client_hash, at) where client_hash is not null;
create index send_limit_event_overall on send_limit_event (action, at);

-- the former per-address count, keyed with the verification secret and deleted on erasure
drop table verification_send;

-- expired confirmations are purged too
create index channel_verification_expiry on channel_verification (expires_at);
