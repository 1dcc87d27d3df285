-- Issue 5: double opt-in, consent shown back, preferences, opt-out and erasure, police zones, targeting at scale.

-- Preferences: quiet hours (local time in Belgium, ignored for PUBLIC alerts) and a pause.
alter table volunteer
    add column quiet_from   time,
    add column quiet_until  time,
    add column paused_until timestamptz,
    add constraint volunteer_quiet_hours check ((quiet_from is null) = (quiet_until is null));

-- A volunteer must be told when their area (home and radius) overlaps the alert's circle. Indexing the area's
-- bounding cube, rather than the home point, lets the index answer "whose area overlaps this circle" exactly
-- up to the cube's corners, whatever radius each volunteer chose.
create index volunteer_area on volunteer
    using gist (earth_box(ll_to_earth(home_latitude, home_longitude), radius_km * 1000));
drop index volunteer_home;

-- Proof of consent, complete: the channels and language agreed to, the browser, and the admin who attested
-- that the person confirmed their phone and mailbox when an admin signed them up.
alter table volunteer_consent
    add column channels    text,
    add column user_agent  text,
    add column attested_by text;

-- The consent texts, per version and language, so that what a volunteer agreed to can be shown back to them.
create table consent_text (
    version  text not null,
    language text not null check (language in ('nl', 'fr', 'de', 'en')),
    body     text not null,
    primary key (version, language)
);
insert into consent_text (version, language, body) values
('volunteer-consent-2026-11', 'en', 'I want to receive missing-child alerts near my area by the channels I chose. My name, phone number, email address, language and area are kept only for this purpose, until I opt out or ask for erasure. I can pause, change my preferences, reply STOP to any SMS, or unsubscribe from any email at any time.'),
('volunteer-consent-2026-11', 'nl', 'Ik wil meldingen over vermiste kinderen in mijn buurt ontvangen via de kanalen die ik koos. Mijn naam, telefoonnummer, e-mailadres, taal en gebied worden alleen hiervoor bewaard, tot ik me afmeld of om wissing vraag. Ik kan op elk moment pauzeren, mijn voorkeuren wijzigen, STOP antwoorden op een sms of me afmelden via een e-mail.'),
('volunteer-consent-2026-11', 'fr', 'Je souhaite recevoir les alertes enfant disparu près de chez moi par les canaux choisis. Mon nom, mon numéro de téléphone, mon adresse e-mail, ma langue et ma zone ne sont conservés qu''à cette fin, jusqu''à ma désinscription ou ma demande d''effacement. Je peux à tout moment faire une pause, modifier mes préférences, répondre STOP à un SMS ou me désabonner depuis un e-mail.'),
('volunteer-consent-2026-11', 'de', 'Ich möchte Meldungen über vermisste Kinder in meiner Nähe über die gewählten Kanäle erhalten. Mein Name, meine Telefonnummer, meine E-Mail-Adresse, meine Sprache und mein Gebiet werden nur dafür gespeichert, bis ich mich abmelde oder die Löschung verlange. Ich kann jederzeit pausieren, meine Einstellungen ändern, auf eine SMS mit STOP antworten oder mich über eine E-Mail abmelden.');

-- Double opt-in: the pending proof of one channel (a code by SMS, a link by email), stored only as a hash.
create table channel_verification (
    volunteer_id uuid        not null references volunteer (id) on delete cascade,
    channel      text        not null check (channel in ('SMS', 'EMAIL')),
    secret_hash  text        not null unique,
    expires_at   timestamptz not null,
    attempts     integer     not null default 0,
    sent_at      timestamptz not null,
    primary key (volunteer_id, channel)
);

-- Every code or link sent, by a hash of the address, to limit how many one number or mailbox receives per hour.
create table verification_send (
    address_hash text        not null,
    sent_at      timestamptz not null
);
create index verification_send_recent on verification_send (address_hash, sent_at);

-- Erasure keeps anonymous delivery counts: a delivery can lose its address.
alter table delivery alter column address drop not null;

-- Police: whether a contact is on duty, and zones (a polygon or a set of postal codes) with a duty contact.
alter table police_contact add column on_duty boolean not null default true;

create table police_zone (
    id              uuid primary key,
    name            text             not null,
    unit            text             not null,
    polygon         jsonb,   -- [[latitude, longitude], ...], closed
    postal_codes    text[],
    min_latitude    double precision not null,
    max_latitude    double precision not null,
    min_longitude   double precision not null,
    max_longitude   double precision not null,
    duty_contact_id uuid references police_contact (id) on delete set null,
    registered_by   text             not null,
    registered_at   timestamptz      not null default now(),
    constraint police_zone_shape check ((polygon is null) <> (postal_codes is null))
);
