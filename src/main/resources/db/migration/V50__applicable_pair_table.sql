-- Applicable pairs as a table kept up to date in the same transaction as the data they depend on.
--
-- V1 computed them in a view. Every figure counts over them, and the view's endorsement and capacity
-- tests ran again for every pair of every cycle on each read: about 15 ms for one cycle's dashboard
-- and a cost growing with the number of cycles on timelines. The view stays, renamed to
-- applicable_pair_rule, as the definition; the table is its stored result, and the triggers below
-- re-derive the affected part of it whenever reporting cycles, stakeholders, commitments, endorsements
-- or capacity assignments change. ApplicabilityViewTest checks table, view and the Java rule agree.

alter view applicable_pair rename to applicable_pair_rule;

create table applicable_pair (
    cycle_id       bigint not null references reporting_cycle (id) on delete cascade,
    commitment_id  bigint not null references commitment (id) on delete cascade,
    stakeholder_id bigint not null references stakeholder (id) on delete cascade,
    primary key (cycle_id, commitment_id, stakeholder_id)
);
create index applicable_pair_stakeholder on applicable_pair (stakeholder_id, cycle_id);
create index applicable_pair_commitment on applicable_pair (commitment_id, cycle_id);

insert into applicable_pair (cycle_id, commitment_id, stakeholder_id)
select cycle_id, commitment_id, stakeholder_id from applicable_pair_rule;

-- Re-derives the pairs of some cycles, or of some stakeholders in every cycle, or (both null) all.
create function refresh_applicable_pairs(p_cycles bigint[], p_stakeholders bigint[]) returns void
    language plpgsql as
$$
begin
    -- One refresh at a time per cycle or stakeholder, so that a refresh reads the facts another one
    -- committed (NO KEY UPDATE does not conflict with the KEY SHARE locks taken by foreign keys).
    if p_cycles is not null then
        perform 1 from reporting_cycle where id = any (p_cycles) order by id for no key update;
    elsif p_stakeholders is not null then
        perform 1 from stakeholder where id = any (p_stakeholders) order by id for no key update;
    end if;
    if p_cycles is not null then
        delete from applicable_pair where cycle_id = any (p_cycles);
        insert into applicable_pair (cycle_id, commitment_id, stakeholder_id)
        select cycle_id, commitment_id, stakeholder_id from applicable_pair_rule where cycle_id = any (p_cycles);
    elsif p_stakeholders is not null then
        delete from applicable_pair where stakeholder_id = any (p_stakeholders);
        insert into applicable_pair (cycle_id, commitment_id, stakeholder_id)
        select cycle_id, commitment_id, stakeholder_id from applicable_pair_rule
        where stakeholder_id = any (p_stakeholders);
    else
        delete from applicable_pair;
        insert into applicable_pair (cycle_id, commitment_id, stakeholder_id)
        select cycle_id, commitment_id, stakeholder_id from applicable_pair_rule;
    end if;
end
$$;

-- Endorsements and capacity assignments: the stakeholders they concern, in every cycle.
create function applicable_pairs_after_stakeholder_facts() returns trigger
    language plpgsql as
$$
declare
    ids bigint[];
begin
    if tg_op = 'INSERT' then
        select array_agg(distinct stakeholder_id) into ids from new_rows;
    elsif tg_op = 'DELETE' then
        select array_agg(distinct stakeholder_id) into ids from old_rows;
    else
        select array_agg(distinct stakeholder_id) into ids
        from (select stakeholder_id from new_rows union select stakeholder_id from old_rows) changed;
    end if;
    if ids is not null then
        perform refresh_applicable_pairs(null, ids);
    end if;
    return null;
end
$$;

create trigger endorsement_pairs_insert after insert on endorsement
    referencing new table as new_rows for each statement execute function applicable_pairs_after_stakeholder_facts();
create trigger endorsement_pairs_update after update on endorsement
    referencing old table as old_rows new table as new_rows
    for each statement execute function applicable_pairs_after_stakeholder_facts();
create trigger endorsement_pairs_delete after delete on endorsement
    referencing old table as old_rows for each statement execute function applicable_pairs_after_stakeholder_facts();

create trigger capacity_pairs_insert after insert on capacity_assignment
    referencing new table as new_rows for each statement execute function applicable_pairs_after_stakeholder_facts();
create trigger capacity_pairs_update after update on capacity_assignment
    referencing old table as old_rows new table as new_rows
    for each statement execute function applicable_pairs_after_stakeholder_facts();
create trigger capacity_pairs_delete after delete on capacity_assignment
    referencing old table as old_rows for each statement execute function applicable_pairs_after_stakeholder_facts();

-- Reporting cycles and stakeholders: a new one, a cycle whose period moved or a stakeholder whose kind changed
-- (deletions cascade).
create function applicable_pairs_after_rows() returns trigger
    language plpgsql as
$$
declare
    ids bigint[];
begin
    if tg_op = 'INSERT' then
        select array_agg(id) into ids from new_rows;
    elsif tg_table_name = 'reporting_cycle' then
        select array_agg(n.id) into ids from new_rows n join old_rows o on o.id = n.id
        where (n.period_start, n.period_end) is distinct from (o.period_start, o.period_end);
    else
        select array_agg(n.id) into ids from new_rows n join old_rows o on o.id = n.id where n.kind <> o.kind;
    end if;
    if ids is null then
        return null;
    elsif tg_table_name = 'reporting_cycle' then
        perform refresh_applicable_pairs(ids, null);
    else
        perform refresh_applicable_pairs(null, ids);
    end if;
    return null;
end
$$;

create trigger cycle_pairs_insert after insert on reporting_cycle
    referencing new table as new_rows for each statement execute function applicable_pairs_after_rows();
create trigger cycle_pairs_update after update on reporting_cycle
    referencing old table as old_rows new table as new_rows
    for each statement execute function applicable_pairs_after_rows();
create trigger stakeholder_pairs_insert after insert on stakeholder
    referencing new table as new_rows for each statement execute function applicable_pairs_after_rows();
create trigger stakeholder_pairs_update after update on stakeholder
    referencing old table as old_rows new table as new_rows
    for each statement execute function applicable_pairs_after_rows();

-- Commitments (reference data): a new one, or a changed owner or capacity, re-derives everything.
create function applicable_pairs_after_commitments() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'INSERT' then
        perform refresh_applicable_pairs(null, null);
    elsif exists (select 1 from new_rows n join old_rows o on o.id = n.id
                  where (n.owner, n.capacity) is distinct from (o.owner, o.capacity)) then
        perform refresh_applicable_pairs(null, null);
    end if;
    return null;
end
$$;

create trigger commitment_pairs_insert after insert on commitment
    referencing new table as new_rows for each statement execute function applicable_pairs_after_commitments();
create trigger commitment_pairs_update after update on commitment
    referencing old table as old_rows new table as new_rows
    for each statement execute function applicable_pairs_after_commitments();
