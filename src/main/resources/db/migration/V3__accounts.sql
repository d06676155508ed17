-- Users of the portal: administrators, Secretariat staff and Member-State delegates.
create table app_user (
    id                       bigint generated always as identity primary key,
    username                 varchar(100) not null unique check (username ~ '^[a-z0-9][a-z0-9._@-]{2,99}$'),
    display_name             text         not null check (char_length(display_name) between 1 and 200),
    email                    text check (email is null or char_length(email) <= 320),
    password_hash            text         not null,
    role                     varchar(20)  not null check (role in ('ADMIN', 'SECRETARIAT', 'DELEGATE')),
    -- a delegate belongs to exactly one Member State; nobody else belongs to one
    stakeholder_id           bigint references stakeholder (id),
    enabled                  boolean      not null default true,
    failed_attempts          integer      not null default 0 check (failed_attempts >= 0),
    locked_until             timestamptz,
    password_change_required boolean      not null default false,
    created_at               timestamptz  not null default now(),
    password_changed_at      timestamptz,
    last_login_at            timestamptz,
    version                  bigint       not null default 0,
    constraint app_user_delegate_has_state check ((role = 'DELEGATE') = (stakeholder_id is not null))
);
create index app_user_stakeholder on app_user (stakeholder_id);
