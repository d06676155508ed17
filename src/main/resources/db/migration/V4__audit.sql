-- The audit log: every write, who, when, what, before -> after; written in the writer's transaction.
create table audit_event (
    id           bigint generated always as identity primary key,
    occurred_at  timestamptz  not null default now(),
    actor        varchar(100) not null,
    action       varchar(60)  not null check (action ~ '^[A-Z][A-Z_]*$'),
    entity_type  varchar(40)  not null,
    entity_id    varchar(60),
    summary      text,
    before_state jsonb,
    after_state  jsonb
);
create index audit_event_occurred on audit_event (occurred_at desc, id desc);
create index audit_event_entity on audit_event (entity_type, entity_id);
create index audit_event_actor on audit_event (actor, occurred_at desc);
