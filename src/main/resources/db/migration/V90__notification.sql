-- Mail (issue 14, parts 1 and 2; notification module, docs/operations.md "Mail").

-- Days before a cycle's deadline on which delegates with entries still to submit are reminded; set by
-- administrators on the cycle's forms. Empty: no reminders for that cycle.
alter table reporting_cycle add column reminder_days integer[] not null default '{30,7,1}'
    check (1 <= all (reminder_days) and 366 >= all (reminder_days) and array_position(reminder_days, null) is null
           and cardinality(reminder_days) <= 10);

-- Each user's mail settings: the language of their messages (chosen in /account/messages; else the language
-- they last signed in with; else English) and which optional messages they receive. No row: the defaults.
create table notification_setting (
    user_id        bigint primary key references app_user (id) on delete cascade,
    language       varchar(8) check (language in ('en', 'zh', 'fr', 'es', 'ru', 'ar')),
    last_language  varchar(8) check (last_language in ('en', 'zh', 'fr', 'es', 'ru', 'ar')),
    reminders      boolean not null default true,
    digest         boolean not null default true
);

-- The outbox: every message the portal composes, whether or not a mail server is configured. It is the
-- queue of the sender and the record of what was sent. One message per (kind, recipient, subject, occasion):
-- a job that runs twice, on two instances or after a restart, queues nothing new.
create table outbox_message (
    id              bigint generated always as identity primary key,
    kind            varchar(20)  not null check (kind in ('REMINDER', 'RETURNED', 'VALIDATED', 'COMMENT', 'DIGEST')),
    recipient_id    bigint       not null references app_user (id) on delete cascade,
    recipient_email text,
    language        varchar(8)   not null check (language in ('en', 'zh', 'fr', 'es', 'ru', 'ar')),
    subject_key     text         not null check (char_length(subject_key) between 1 and 200),
    occasion        text         not null check (char_length(occasion) between 1 and 100),
    subject         text         not null check (char_length(subject) between 1 and 400),
    body_text       text         not null,
    body_html       text         not null,
    link            text         not null,
    state           varchar(10)  not null default 'QUEUED' check (state in ('QUEUED', 'SENT', 'FAILED')),
    attempts        integer      not null default 0 check (attempts >= 0),
    next_attempt_at timestamptz  not null,
    last_error      text,
    created_at      timestamptz  not null,
    sent_at         timestamptz,
    constraint outbox_message_once unique (kind, recipient_id, subject_key, occasion),
    constraint outbox_message_sent_has_time check ((state = 'SENT') = (sent_at is not null))
);
create index outbox_message_due on outbox_message (next_attempt_at) where state = 'QUEUED';
create index outbox_message_created on outbox_message (created_at desc, id desc);

-- The secret that signs unsubscribe links when portal.mail.unsubscribe-secret is not set: made once, on the
-- first start, by whichever instance gets there first.
create table notification_secret (
    id     smallint primary key check (id = 1),
    secret text not null check (char_length(secret) >= 32)
);
