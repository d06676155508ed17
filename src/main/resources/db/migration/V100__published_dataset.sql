-- The dataset ZIP of each publication of a reporting cycle (issue 11: a closed cycle's files never change unless
-- the cycle is republished), written once after the publication commits and served as stored. The bytes are a
-- PostgreSQL large object, written and read in chunks (lo_put / lo_get), so that neither side holds a whole file in
-- memory. Deleting a row (with its publication or cycle) unlinks its large object.
-- Keep the SQL portable to PostgreSQL 15 and later.

create table published_dataset (
    publication_id bigint      primary key references publication (id) on delete cascade,
    content        oid         not null,
    size           bigint      not null check (size > 0),
    -- SHA-256 of the bytes, lower-case hex: the strong ETag of the file
    sha256         char(64)    not null check (sha256 ~ '^[0-9a-f]{64}$'),
    created_at     timestamptz not null
);

create function published_dataset_unlink() returns trigger
    language plpgsql as
$$
begin
    perform lo_unlink(old.content);
    return old;
end
$$;

create trigger published_dataset_unlink after delete on published_dataset
    for each row execute function published_dataset_unlink();
