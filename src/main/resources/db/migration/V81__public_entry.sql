-- What the public reads of each validated entry (issue 10): its status, narrative and evidence links exactly
-- as validated, with the validation date. Never a draft, a submission or an edit made after validation: for a
-- cycle shown live (open, or closed and never published) the entry's latest VALIDATED revision; for a closed
-- cycle what its publication in force recorded (published_pair). Same cycles and pairs as public_pair, but
-- only the pairs with something validated. Keep the SQL portable to PostgreSQL 15 and later.
create view public_entry as
select ap.cycle_id, ap.commitment_id, ap.stakeholder_id, pe.published_status as status,
       pe.published_at as validated_at, v.narrative, v.evidence, null::bigint as publication_id
from reporting_cycle rc
join applicable_pair ap on ap.cycle_id = rc.id
join progress_entry pe on pe.cycle_id = ap.cycle_id and pe.commitment_id = ap.commitment_id
     and pe.stakeholder_id = ap.stakeholder_id
left join lateral (
    select r.narrative, r.evidence from progress_entry_revision r
    where r.entry_id = pe.id and r.action = 'VALIDATED'
    order by r.revision desc limit 1) v on true
where pe.published_status is not null
  and (rc.state = 'OPEN'
       or not exists (select 1 from publication p where p.cycle_id = rc.id and p.superseded_at is null))
union all
select p.cycle_id, pp.commitment_id, pp.stakeholder_id, pp.status, pp.validated_at, pp.narrative, pp.evidence,
       p.id as publication_id
from reporting_cycle rc
join publication p on p.cycle_id = rc.id and p.superseded_at is null
join published_pair pp on pp.publication_id = p.id
where rc.state = 'CLOSED' and pp.validated_at is not null;
