-- Closing a reporting cycle publishes it (issue 10): what the public sees of a closed cycle is recorded at
-- close and shown as recorded, whatever later happens to endorsements, capacities, stakeholders or entries.
-- Only an administrator's explicit, audited republish (or reopen and close again) records a new publication;
-- the earlier one stays readable. An open cycle is shown live, as before.
-- Keep the SQL portable to PostgreSQL 15 and later.

create table publication (
    id            bigint generated always as identity primary key,
    cycle_id      bigint       not null references reporting_cycle (id) on delete cascade,
    published_at  timestamptz  not null,
    published_by  varchar(100) not null,
    -- why it was published again (null for the first publication of a cycle)
    reason        text check (reason is null or char_length(reason) between 1 and 2000),
    -- set when a later publication of the same cycle replaced it; null: the publication in force
    superseded_at timestamptz
);
create unique index publication_one_in_force on publication (cycle_id) where superseded_at is null;
create index publication_cycle on publication (cycle_id, published_at);

-- Every applicable pair of the cycle at publication, with what the public saw of it: the published status
-- (NO_EVIDENCE where nothing was validated), whether it was reported (submitted or validated: reporting
-- compliance), and the validated revision's narrative and evidence links.
create table published_pair (
    publication_id bigint      not null references publication (id) on delete cascade,
    commitment_id  bigint      not null references commitment (id),
    stakeholder_id bigint      not null references stakeholder (id),
    status         varchar(20) not null check (status in
        ('NO_EVIDENCE', 'NOT_STARTED', 'LIMITED', 'SUBSTANTIAL', 'COMPLETE', 'NOT_APPLICABLE')),
    reported       boolean     not null,
    validated_at   timestamptz,
    narrative      text,
    evidence       jsonb,
    primary key (publication_id, commitment_id, stakeholder_id),
    constraint published_pair_validated_content check ((status = 'NO_EVIDENCE') = (validated_at is null))
);
create index published_pair_stakeholder on published_pair (publication_id, stakeholder_id);

-- Records a publication of a cycle from the live data, superseding the one in force; returns its id.
create function publish_cycle(p_cycle bigint, p_at timestamptz, p_by varchar, p_reason text) returns bigint
    language plpgsql as
$$
declare
    pub bigint;
begin
    update publication set superseded_at = p_at where cycle_id = p_cycle and superseded_at is null;
    insert into publication (cycle_id, published_at, published_by, reason)
    values (p_cycle, p_at, p_by, p_reason) returning id into pub;
    insert into published_pair (publication_id, commitment_id, stakeholder_id, status, reported, validated_at,
                                narrative, evidence)
    select pub, ap.commitment_id, ap.stakeholder_id, coalesce(pe.published_status, 'NO_EVIDENCE'),
           coalesce(pe.published_status is not null or pe.workflow_state in ('SUBMITTED', 'VALIDATED'), false),
           pe.published_at, v.narrative, v.evidence
    from applicable_pair ap
    left join progress_entry pe on pe.cycle_id = ap.cycle_id and pe.commitment_id = ap.commitment_id
         and pe.stakeholder_id = ap.stakeholder_id
    left join lateral (
        select r.narrative, r.evidence from progress_entry_revision r
        where r.entry_id = pe.id and r.action = 'VALIDATED' and pe.published_status is not null
        order by r.revision desc limit 1) v on true
    where ap.cycle_id = p_cycle;
    return pub;
end
$$;

-- What the public sees of every cycle, pair by pair: an open cycle (or a closed one never published) live
-- from the entries, a closed cycle from its publication in force. Figures count over this view.
create view public_pair as
select ap.cycle_id, ap.commitment_id, ap.stakeholder_id,
       coalesce(pe.published_status, 'NO_EVIDENCE') as status,
       coalesce(pe.published_status is not null or pe.workflow_state in ('SUBMITTED', 'VALIDATED'), false) as reported,
       pe.published_at as validated_at,
       pe.id as entry_id,
       null::bigint as publication_id
from reporting_cycle rc
join applicable_pair ap on ap.cycle_id = rc.id
left join progress_entry pe on pe.cycle_id = ap.cycle_id and pe.commitment_id = ap.commitment_id
     and pe.stakeholder_id = ap.stakeholder_id
where rc.state = 'OPEN'
   or not exists (select 1 from publication p where p.cycle_id = rc.id and p.superseded_at is null)
union all
select p.cycle_id, pp.commitment_id, pp.stakeholder_id, pp.status, pp.reported, pp.validated_at,
       null::bigint as entry_id, p.id as publication_id
from reporting_cycle rc
join publication p on p.cycle_id = rc.id and p.superseded_at is null
join published_pair pp on pp.publication_id = p.id
where rc.state = 'CLOSED';

-- Cycles closed before this migration are published now, from what they show today.
select publish_cycle(id, now(), 'system', null) from reporting_cycle where state = 'CLOSED' order by id;
