-- Issue 5, recipient resolution at national scale: one row per channel on which a volunteer can be reached
-- (verified, not opted out, with an address), carrying everything the resolver needs, so that resolving an
-- alert reads one narrow, ordered index and joins nothing.
--
-- The rule (RecipientResolver): a volunteer is told when their home is inside the alert's circle and the
-- alert's centre is inside the volunteer's own radius, i.e. great-circle distance(home, centre)
-- <= min(alert radius, volunteer radius). So the index is keyed by
--   1. the volunteer's radius rounded up to 5 km (reach_bound_km): volunteers whose radius is at most 10 km
--      need only be looked for within 10 km of the centre, whatever the alert's radius;
--   2. a band of latitude of 0.01 degree, 1.1 km (home_band), and the longitude: a circle is a short range of
--      longitudes in each of a few bands (19 to 20 for 10 km).
-- The resolver asks for one range of longitudes per radius bound and band, and CLUSTER on that key (the
-- benchmark's generator does it) keeps one circle's rows on few pages.
--
-- The copy is written only by the triggers below, so every writer of volunteer and volunteer_channel (sign-up,
-- preferences, verification, opt-out and erasure, and any future one) keeps it right without knowing of it.
-- Pause and quiet hours are copied and tested at resolution time: they depend on the time of the alert.

create table volunteer_reach (
    volunteer_id   uuid             not null references volunteer (id) on delete cascade,
    channel        text             not null,
    address        text             not null,
    language       text             not null,
    home_latitude  double precision not null,
    home_longitude double precision not null,
    radius_km      double precision not null,
    paused_until   timestamptz,
    quiet_from     time,
    quiet_until    time,
    reach_bound_km integer generated always as ((ceil(radius_km / 5) * 5)::integer) stored,
    home_band      integer generated always as (floor(home_latitude * 100)::integer) stored,
    primary key (volunteer_id, channel)
);

-- Everything the resolver reads is in the index, so that (the table vacuumed) it is an index-only scan.
create index volunteer_reach_nearby on volunteer_reach (reach_bound_km, home_band, home_longitude)
    include (home_latitude, radius_km, paused_until, quiet_from, quiet_until, volunteer_id, channel, address, language);

-- What "reachable" means, in one place: a verified channel, not opted out, with its address.
create view volunteer_reachable_channel as
select v.id as volunteer_id, c.channel, case c.channel when 'SMS' then v.phone else v.email end as address,
       v.language, v.home_latitude, v.home_longitude, v.radius_km, v.paused_until, v.quiet_from, v.quiet_until
from volunteer v
join volunteer_channel c on c.volunteer_id = v.id
where c.verified_at is not null and c.opted_out_at is null
  and case c.channel when 'SMS' then v.phone else v.email end is not null;

-- Each trigger recomputes the copy of the (volunteer, channel) pairs its statement changed: forget them, then
-- copy what is reachable now. Set-wise (statement triggers with transition tables), so that a bulk COPY costs
-- one join, not one call per row. Each statement of a PL/pgSQL function sees what other transactions committed
-- before it started (read committed), and the statement that fired the trigger holds the row locks of the
-- channels it changed until commit, so two writers of one channel recompute it one after the other.
create function volunteer_channel_inserted() returns trigger language plpgsql as $$
begin
    insert into volunteer_reach (volunteer_id, channel, address, language, home_latitude, home_longitude,
                                 radius_km, paused_until, quiet_from, quiet_until)
    select r.* from volunteer_reachable_channel r
    join new_rows n on n.volunteer_id = r.volunteer_id and n.channel = r.channel;
    return null;
end
$$;

create function volunteer_channel_updated() returns trigger language plpgsql as $$
begin
    delete from volunteer_reach r using old_rows o
    where r.volunteer_id = o.volunteer_id and r.channel = o.channel;
    insert into volunteer_reach (volunteer_id, channel, address, language, home_latitude, home_longitude,
                                 radius_km, paused_until, quiet_from, quiet_until)
    select r.* from volunteer_reachable_channel r
    join new_rows n on n.volunteer_id = r.volunteer_id and n.channel = r.channel;
    return null;
end
$$;

create function volunteer_channel_deleted() returns trigger language plpgsql as $$
begin
    delete from volunteer_reach r using old_rows o
    where r.volunteer_id = o.volunteer_id and r.channel = o.channel;
    return null;
end
$$;

create trigger volunteer_channel_inserted after insert on volunteer_channel
    referencing new table as new_rows for each statement execute function volunteer_channel_inserted();
create trigger volunteer_channel_updated after update on volunteer_channel
    referencing old table as old_rows new table as new_rows for each statement execute function volunteer_channel_updated();
create trigger volunteer_channel_deleted after delete on volunteer_channel
    referencing old table as old_rows for each statement execute function volunteer_channel_deleted();

-- A volunteer's address, language, home, radius, pause or quiet hours changed: recompute all their channels.
-- Their channels are locked first, so that a channel change running at the same time (a verification, a STOP)
-- either committed before (and is seen here) or waits, and then recomputes its channel from this new volunteer
-- row. The update itself holds the volunteer's row lock, so two changes of one volunteer follow each other.
create function volunteer_updated() returns trigger language plpgsql as $$
declare
    changed uuid[];
begin
    changed := array(
        select n.id from new_rows n join old_rows o on o.id = n.id
        where (n.phone, n.email, n.language, n.home_latitude, n.home_longitude, n.radius_km, n.paused_until,
               n.quiet_from, n.quiet_until)
              is distinct from
              (o.phone, o.email, o.language, o.home_latitude, o.home_longitude, o.radius_km, o.paused_until,
               o.quiet_from, o.quiet_until));
    if cardinality(changed) = 0 then
        return null;
    end if;
    perform 1 from volunteer_channel where volunteer_id = any(changed)
    order by volunteer_id, channel for no key update;
    delete from volunteer_reach where volunteer_id = any(changed);
    insert into volunteer_reach (volunteer_id, channel, address, language, home_latitude, home_longitude,
                                 radius_km, paused_until, quiet_from, quiet_until)
    select * from volunteer_reachable_channel where volunteer_id = any(changed);
    return null;
end
$$;

create trigger volunteer_updated after update on volunteer
    referencing old table as old_rows new table as new_rows for each statement execute function volunteer_updated();
-- No trigger on insert (a new volunteer has no channel yet: channels reference it) nor on delete (the foreign
-- key above erases the copy with the volunteer, and their channels go with them).

-- The resolver no longer reads the volunteer table by area: its area index only slowed every write.
drop index volunteer_area;

-- The volunteers already registered.
insert into volunteer_reach (volunteer_id, channel, address, language, home_latitude, home_longitude, radius_km,
                             paused_until, quiet_from, quiet_until)
select * from volunteer_reachable_channel;
