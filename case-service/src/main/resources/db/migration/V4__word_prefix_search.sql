-- Issue 3, search speed: names and places are searched by "words starting with", without case or accents,
-- on the case row itself. The trigram "contains anywhere" search of V3 let the planner misjudge how many
-- cases a name matches (371 ms at p95 for first + last name at 200,000 cases) and needed a join to the child
-- table before it could sort and cut the page.

create extension if not exists unaccent;

-- The words of a text as the search sees them: lower case, accents removed, split at anything that is not a
-- letter or digit ("Liège-Guillemins" -> {liege, guillemins}). Schema-qualified and bound at creation, so that
-- it gives the same answer under any search_path (ANALYZE, autovacuum and restores run with an empty one).
create function search_words(text) returns text[]
    language sql immutable strict parallel safe
    return array_remove(regexp_split_to_array(lower(public.unaccent('public.unaccent'::regdictionary, $1)),
                                              '[^[:alnum:]]+'), '');

-- A query matching texts that have, for every word typed, a word starting with it ("mons g" -> 'mons':* & 'g':*).
-- Null when nothing searchable was typed.
create function words_starting_with(text) returns tsquery
    language sql immutable strict parallel safe
    return (select string_agg(quote_literal(word) || ':*', ' & ')::tsquery from unnest(public.search_words($1)) word);

alter table case_file add column place_words tsvector
    generated always as (array_to_tsvector(coalesce(public.search_words(last_seen_place), '{}'))) stored;

-- The child's names on each of its cases, kept in step by the two triggers below (a case moves to another
-- child when records are merged; names change when they are corrected or erased).
alter table case_file add column name_words tsvector;

create function child_name_words(first_name text, last_name text, erased_at timestamptz) returns tsvector
    language sql immutable parallel safe
    return case when erased_at is null then array_to_tsvector(public.search_words(first_name || ' ' || last_name))
                else ''::tsvector end;

create function case_file_takes_child_name_words() returns trigger language plpgsql as $$
begin
    select public.child_name_words(ch.first_name, ch.last_name, ch.erased_at) into new.name_words
    from public.child ch where ch.id = new.child_id;
    return new;
end
$$;
create trigger case_file_name_words before insert or update of child_id on case_file
    for each row execute function case_file_takes_child_name_words();

create function child_gives_name_words_to_cases() returns trigger language plpgsql as $$
begin
    update public.case_file set name_words = public.child_name_words(new.first_name, new.last_name, new.erased_at)
    where child_id = new.id;
    return null;
end
$$;
create trigger child_name_words after update of first_name, last_name, erased_at on child
    for each row
    when (old.first_name is distinct from new.first_name or old.last_name is distinct from new.last_name
          or old.erased_at is distinct from new.erased_at)
    execute function child_gives_name_words_to_cases();

update case_file c set name_words = child_name_words(ch.first_name, ch.last_name, ch.erased_at)
from child ch where ch.id = c.child_id;

create index case_file_name_words on case_file using gin (name_words);
create index case_file_place_words on case_file using gin (place_words);
-- more most-common words in the statistics: the planner estimates a prefix from the words it knows
alter table case_file alter column name_words set statistics 1000;
alter table case_file alter column place_words set statistics 1000;

-- the trigram indexes served the "contains" search, which is gone
drop index case_file_place;
alter table child drop column search_name;
