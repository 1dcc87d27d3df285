-- Great-circle distances and an index-friendly bounding cube for "who is near this alert".
create extension if not exists cube;
create extension if not exists earthdistance;

-- Members of the public who opted in to receive alerts near their home.
create table volunteer (
    id                uuid primary key,
    owner_subject     text unique,            -- the volunteer's own identity (JWT sub); null when an admin registered them
    name              text             not null,
    phone             text,                   -- E.164
    email             text,
    language          text             not null check (language in ('nl', 'fr', 'de', 'en')),
    home_postal_code  text,
    home_latitude     double precision not null check (home_latitude between -90 and 90),
    home_longitude    double precision not null check (home_longitude between -180 and 180),
    radius_km         double precision not null check (radius_km between 1 and 50),
    unsubscribe_token text             not null unique,
    registered_by     text             not null,
    registered_at     timestamptz      not null default now()
);
create index volunteer_home on volunteer using gist (ll_to_earth(home_latitude, home_longitude));

-- The channels a volunteer chose; a later issue verifies each by double opt-in (verified_at stays null until then).
create table volunteer_channel (
    volunteer_id uuid        not null references volunteer (id) on delete cascade,
    channel      text        not null check (channel in ('SMS', 'EMAIL')),
    verified_at  timestamptz,
    opted_out_at timestamptz,
    primary key (volunteer_id, channel)
);

-- Proof of consent (GDPR art. 7): which text they agreed to, when, and from where.
create table volunteer_consent (
    volunteer_id uuid        not null references volunteer (id) on delete cascade,
    text_version text        not null,
    given_at     timestamptz not null,
    ip_address   text        not null,
    submitted_by text        not null,
    primary key (volunteer_id, text_version)
);

-- Police units that receive every alert touching their zone.
create table police_contact (
    id                uuid primary key,
    name              text             not null,
    unit              text             not null,
    phone             text,
    email             text,
    language          text             not null check (language in ('nl', 'fr', 'de', 'en')),
    zone_latitude     double precision not null check (zone_latitude between -90 and 90),
    zone_longitude    double precision not null check (zone_longitude between -180 and 180),
    zone_radius_km    double precision not null check (zone_radius_km > 0 and zone_radius_km <= 200),
    unsubscribe_token text             not null unique,
    registered_by     text             not null,
    registered_at     timestamptz      not null default now()
);
create index police_contact_zone on police_contact using gist (ll_to_earth(zone_latitude, zone_longitude));

create table police_contact_channel (
    police_contact_id uuid        not null references police_contact (id) on delete cascade,
    channel           text        not null check (channel in ('SMS', 'EMAIL')),
    verified_at       timestamptz,
    opted_out_at      timestamptz,
    primary key (police_contact_id, channel)
);
