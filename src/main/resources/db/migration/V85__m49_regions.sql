-- UN M49 geographic regions of the Member States (issue 10: the stakeholder overview filters by region).
-- Loaded from the bundled copy of shared/data/un-m49-regions.csv by the Java migration V86. Region names are
-- shown through the message bundles (region.<code>), in the reader's language; name_en is the standard's English
-- name, kept for reference and for the open data. Keep the SQL portable to PostgreSQL 15 and later.

-- The regions, sub-regions and intermediate regions that hold Member States: a tree (region > sub-region >
-- intermediate region), each level under the one above.
create table m49_region (
    code        char(3)      primary key check (code ~ '^[0-9]{3}$'),
    level       varchar(12)  not null check (level in ('REGION', 'SUBREGION', 'INTERMEDIATE')),
    parent_code char(3)      references m49_region (code),
    name_en     varchar(100) not null check (char_length(name_en) between 1 and 100),
    constraint m49_region_parent check ((level = 'REGION') = (parent_code is null))
);
create index m49_region_parent on m49_region (parent_code);

-- Where each Member State is, and the groups the standard lists it in (least developed, landlocked developing,
-- small island developing states).
create table member_state_region (
    stakeholder_id    bigint  primary key references stakeholder (id) on delete cascade,
    m49_code          char(3) not null unique check (m49_code ~ '^[0-9]{3}$'),
    region_code       char(3) not null references m49_region (code),
    subregion_code    char(3) not null references m49_region (code),
    intermediate_code char(3) references m49_region (code),
    ldc               boolean not null,
    lldc              boolean not null,
    sids              boolean not null
);
create index member_state_region_region on member_state_region (region_code);
create index member_state_region_subregion on member_state_region (subregion_code);
create index member_state_region_intermediate on member_state_region (intermediate_code);

-- Only Member States have an M49 region.
create function member_state_region_is_a_state() returns trigger language plpgsql as
$$
begin
    if not exists (select 1 from stakeholder s where s.id = new.stakeholder_id and s.kind = 'MEMBER_STATE') then
        raise exception 'stakeholder % is not a Member State', new.stakeholder_id using errcode = '23514';
    end if;
    return new;
end
$$;
create trigger member_state_region_is_a_state before insert or update on member_state_region
    for each row execute function member_state_region_is_a_state();
