-- Issue 12 (findings 2 and 7): the child's photo is uploaded to and served by this service, never a redirect to
-- a URL someone typed; and every change to an approved alert waits for a second police officer.

-- A photo URL typed by a caller is no longer trusted: it is dropped, with the photos it pointed to. Alerts
-- running at the migration keep running without a photo until one is uploaded and approved.
alter table alert drop column photo_url;
update alert set photo_mime_type = null;
alter table alert add constraint alert_photo_mime_type_known
    check (photo_mime_type is null or photo_mime_type in ('image/jpeg', 'image/png', 'image/webp'));

-- The change waiting for approval, at most one per alert (what it would do and who asked). Its photo, if any,
-- waits in alert_photo as the PENDING one.
alter table alert
    add column pending_kind                  text check (pending_kind in ('UPDATE', 'WIDENING')),
    add column pending_description           text,
    add column pending_photo_mime_type       text,
    add column pending_radius_km             double precision check (pending_radius_km > 0),
    add column pending_requested_by_subject  text,
    add column pending_requested_by_username text,
    add column pending_requested_at          timestamptz,
    add constraint alert_pending_change_complete check (pending_kind is null
        or (pending_requested_by_subject is not null and pending_requested_at is not null));

-- The child's photo (re-encoded, without metadata): the CURRENT one recipients see through the public photo link
-- while the alert is active, and the PENDING one a change waiting for approval brings. Deleted when the alert
-- ends.
create table alert_photo (
    alert_id              uuid        not null references alert (id),
    state                 text        not null check (state in ('CURRENT', 'PENDING')),
    content_type          text        not null check (content_type in ('image/jpeg', 'image/png', 'image/webp')),
    bytes                 bytea       not null,
    size_bytes            integer     not null,
    uploaded_at           timestamptz not null,
    uploaded_by_subject   text        not null,
    uploaded_by_username  text        not null,
    primary key (alert_id, state)
);
