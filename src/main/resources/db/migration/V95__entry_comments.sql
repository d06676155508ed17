-- The conversation on each progress entry (issue 14): comments between the stakeholder's delegates and the
-- Secretariat, never public. A thread belongs to a (cycle, stakeholder, commitment) triple, so a question can be
-- asked before anything is saved; the return comments stay in progress_entry_revision and are read into the thread.
-- The author is kept as the revisions keep their actor: the user name, with the display name and side at the time.
-- Keep the SQL portable to PostgreSQL 15 and later.
create table entry_comment (
    id              bigint generated always as identity primary key,
    -- a demonstration cycle is deleted with its comments; real cycles are never deleted
    cycle_id        bigint       not null references reporting_cycle (id) on delete cascade,
    stakeholder_id  bigint       not null references stakeholder (id),
    commitment_id   bigint       not null references commitment (id),
    author_username varchar(100) not null,
    author_name     text         not null check (char_length(author_name) between 1 and 200),
    author_side     varchar(12)  not null check (author_side in ('STATE', 'SECRETARIAT')),
    body            text         not null check (btrim(body) <> '' and char_length(body) <= 5000),
    posted_at       timestamptz  not null
);
create index entry_comment_thread on entry_comment (cycle_id, stakeholder_id, commitment_id, posted_at, id);
