-- Indexes for the administration pages' filters.

-- The audit log filtered by action (actor and entity already have indexes, V4), newest first.
create index audit_event_action on audit_event (action, occurred_at desc, id desc);

-- An endorsement's history per stakeholder (the partial unique index covers only those in force).
create index endorsement_stakeholder on endorsement (stakeholder_id, recorded_at desc);

-- Overlap checks of cycles' periods.
create index reporting_cycle_period on reporting_cycle (period_start, period_end);
