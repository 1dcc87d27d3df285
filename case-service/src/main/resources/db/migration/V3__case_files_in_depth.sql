-- Issue 3: the full case file, repeat children and merges, photos, historic imports, retention, fast search.

create extension if not exists pg_trgm;

-- A child record that turned out to be a duplicate points at the record it was merged into; an erased
-- child keeps its id (so yearly figures still count it once) but no longer its names.
alter table child add column merged_into uuid references child (id);
alter table child add column erased_at timestamptz;
alter table child add column search_name text generated always as (lower(first_name || ' ' || last_name)) stored;
create index child_search_name on child using gin (search_name gin_trgm_ops);

alter table case_file add column subtype text;
alter table case_file add column destination_country text;
alter table case_file add column destination_in_europe boolean;
alter table case_file add column reception_centre text;
alter table case_file add column physical_description text;
alter table case_file add column clothing text;
alter table case_file add column vehicle text;
alter table case_file add column suspect text;
alter table case_file add column risk_factors text[] not null default '{}';
alter table case_file add column reporter_name text;
alter table case_file add column reporter_phone text;
alter table case_file add column coordinator text;
alter table case_file add column closed_at timestamptz;
alter table case_file add column personal_data_erased_at timestamptz;
alter table case_file add column import_reference text;
-- historic cases (imported) may not know where the child was last seen
alter table case_file alter column last_seen_latitude drop not null;
alter table case_file alter column last_seen_longitude drop not null;
alter table case_file alter column last_seen_place drop not null;
update case_file set coordinator = opened_by where coordinator is null;
alter table case_file alter column coordinator set not null;

create unique index case_file_import_reference on case_file (import_reference) where import_reference is not null;
create index case_file_category on case_file (category, opened_at desc);
create index case_file_coordinator on case_file (coordinator, opened_at desc);
create index case_file_last_seen on case_file (last_seen_at desc, id);
create index case_file_place on case_file using gin (lower(last_seen_place) gin_trgm_ops);
create index case_file_retention on case_file (closed_at) where closed_at is not null and personal_data_erased_at is null;

-- The child's photo, kept by this service and shown only to those who may read the case.
create table case_photo (
    case_id      uuid primary key references case_file (id),
    content_type text        not null,
    bytes        bytea       not null,
    size_bytes   integer     not null,
    uploaded_at  timestamptz not null,
    uploaded_by  text        not null
);

create index audit_log_at on audit_log (at, id);
