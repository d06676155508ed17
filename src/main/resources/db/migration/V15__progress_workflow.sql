-- Progress reporting (issue 4): who last wrote and reviewed an entry, rules of the workflow in the
-- database, and the full history of every entry (see docs/adr/0020-entry-history.md).
-- Keep the SQL portable to PostgreSQL 15 and later.

alter table progress_entry add column created_by varchar(100);
alter table progress_entry add column updated_by varchar(100);
alter table progress_entry add column reviewed_by varchar(100);
alter table progress_entry add column reviewed_at timestamptz;

-- A returned entry says why; a validated entry has a published value.
alter table progress_entry add constraint progress_entry_returned_has_comment
    check (workflow_state <> 'RETURNED' or (review_comment is not null and btrim(review_comment) <> ''));
alter table progress_entry add constraint progress_entry_review_comment_length
    check (review_comment is null or char_length(review_comment) <= 5000);
alter table progress_entry add constraint progress_entry_validated_is_published
    check (workflow_state <> 'VALIDATED' or published_status is not null);

-- One row per change of an entry: the entry as it was right after the change, who made it, when and
-- which action it was. Differences are computed between consecutive revisions.
create table progress_entry_revision (
    id                     bigint generated always as identity primary key,
    entry_id               bigint       not null references progress_entry (id) on delete cascade,
    revision               integer      not null check (revision > 0),
    action                 varchar(20)  not null check (action in ('CREATED', 'EDITED', 'SUBMITTED', 'VALIDATED', 'RETURNED')),
    actor                  varchar(100) not null,
    occurred_at            timestamptz  not null default now(),
    entry_version          bigint       not null,
    status                 varchar(20)  not null
        check (status in ('NOT_STARTED', 'LIMITED', 'SUBSTANTIAL', 'COMPLETE', 'NOT_APPLICABLE')),
    workflow_state         varchar(12)  not null check (workflow_state in ('DRAFT', 'SUBMITTED', 'VALIDATED', 'RETURNED')),
    narrative              text         not null check (char_length(narrative) <= 10000),
    review_comment         text,
    entered_by_secretariat boolean      not null,
    published_status       varchar(20)
        check (published_status in ('NOT_STARTED', 'LIMITED', 'SUBSTANTIAL', 'COMPLETE', 'NOT_APPLICABLE')),
    evidence               jsonb        not null default '[]',
    constraint progress_entry_revision_once unique (entry_id, revision)
);
