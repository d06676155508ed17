-- ShedLock's lock table (net.javacrumbs.shedlock 7.10.1, PostgreSQL DDL of its README): one row per job that must run
-- once however many instances are up. Times are UTC, written by the database's clock (usingDbTime()).
create table shedlock (
    name       varchar(64)  not null,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null,
    primary key (name)
);
