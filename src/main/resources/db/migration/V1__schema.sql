-- The A4P portal schema. Flyway owns it; never edit an applied migration.
-- Keep the SQL portable to PostgreSQL 15 and later.

-- Catalogue: areas, commitments and their texts per language and catalogue version ---------------
create table catalogue_version (
    id          bigint generated always as identity primary key,
    label       varchar(200) not null unique,
    description text,
    is_current  boolean      not null default false,
    loaded_at   timestamptz  not null default now()
);
create unique index catalogue_version_one_current on catalogue_version (is_current) where is_current;

create table area (
    id       bigint generated always as identity primary key,
    code     varchar(3) not null unique check (code ~ '^[A-Z]{3}$'),
    position smallint   not null unique check (position > 0)
);

create table area_text (
    area_id              bigint     not null references area (id),
    catalogue_version_id bigint     not null references catalogue_version (id),
    lang                 varchar(8) not null check (lang in ('en', 'zh', 'fr', 'es', 'ru', 'ar')),
    name                 text       not null check (name <> ''),
    short_name           text       not null check (short_name <> ''),
    statement            text       not null,
    secretariat_action   text       not null,
    primary key (area_id, catalogue_version_id, lang)
);

create table commitment (
    id       bigint generated always as identity primary key,
    code     varchar(10) not null unique check (code ~ '^[A-Z]{3}-[0-9]{1,2}$'),
    area_id  bigint      not null references area (id),
    position smallint    not null check (position > 0),
    owner    varchar(20) not null check (owner in ('SECRETARIAT', 'MEMBER_STATES', 'COLLECTIVE')),
    capacity varchar(20) check (capacity in ('ALL', 'SECURITY_COUNCIL', 'TPCC', 'HOST_STATE')),
    constraint commitment_capacity_iff_member_states check ((owner = 'MEMBER_STATES') = (capacity is not null)),
    unique (area_id, position)
);

create table commitment_text (
    commitment_id        bigint      not null references commitment (id),
    catalogue_version_id bigint      not null references catalogue_version (id),
    lang                 varchar(8)  not null check (lang in ('en', 'zh', 'fr', 'es', 'ru', 'ar')),
    title                text        not null check (title <> ''),
    body                 text        not null check (body <> ''),
    source               varchar(20) not null check (source in ('seed', 'secondary', 'official')),
    primary key (commitment_id, catalogue_version_id, lang)
);

-- Stakeholders ------------------------------------------------------------------------------------
create table stakeholder (
    id      bigint generated always as identity primary key,
    kind    varchar(20) not null check (kind in ('SECRETARIAT', 'MEMBER_STATE', 'ORGANIZATION')),
    code    varchar(12) not null unique check (code ~ '^[A-Z]{2,12}$'),
    iso2    char(2) unique check (iso2 ~ '^[A-Z]{2}$'),
    name_en text        not null check (name_en <> ''),
    constraint stakeholder_iso2_iff_state check ((kind = 'MEMBER_STATE') = (iso2 is not null))
);
create unique index stakeholder_one_secretariat on stakeholder (kind) where kind = 'SECRETARIAT';

-- Names in languages other than English, where the JDK's locale data does not give them.
create table stakeholder_name (
    stakeholder_id bigint     not null references stakeholder (id),
    lang           varchar(8) not null check (lang in ('en', 'zh', 'fr', 'es', 'ru', 'ar')),
    name           text       not null check (name <> ''),
    primary key (stakeholder_id, lang)
);

-- Endorsements of the Declaration: withdrawn, never silently deleted --------------------------------
create table endorsement (
    id                bigint generated always as identity primary key,
    stakeholder_id    bigint      not null references stakeholder (id),
    endorsed_on       date,
    source            text,
    note              text,
    withdrawn_on      date,
    withdrawal_reason text,
    demo              boolean     not null default false,
    recorded_at       timestamptz not null default now(),
    version           bigint      not null default 0,
    constraint endorsement_withdrawal_complete check ((withdrawn_on is null) = (withdrawal_reason is null)),
    constraint endorsement_withdrawal_after check (withdrawn_on is null or endorsed_on is null or withdrawn_on >= endorsed_on)
);
create unique index endorsement_one_active on endorsement (stakeholder_id) where withdrawn_on is null;

-- Counts the UN has published over time; shown beside the portal's own count, never mixed with it.
create table published_endorsement_count (
    id            bigint generated always as identity primary key,
    position      smallint not null unique,
    as_of         date,
    member_states integer  not null check (member_states between 0 and 193),
    organizations integer check (organizations >= 0),
    note          text
);

-- Capacities a Member State holds over a period -------------------------------------------------------
create table capacity_assignment (
    id             bigint generated always as identity primary key,
    stakeholder_id bigint      not null references stakeholder (id),
    capacity       varchar(20) not null check (capacity in ('SECURITY_COUNCIL', 'TPCC', 'HOST_STATE')),
    starts_on      date        not null,
    ends_on        date,
    note           text,
    demo           boolean     not null default false,
    version        bigint      not null default 0,
    constraint capacity_assignment_period check (ends_on is null or ends_on >= starts_on)
);
create index capacity_assignment_stakeholder on capacity_assignment (stakeholder_id, capacity);

-- Reporting cycles ---------------------------------------------------------------------------------------
create table reporting_cycle (
    id           bigint generated always as identity primary key,
    code         varchar(20) not null unique check (code ~ '^[A-Za-z0-9-]{1,20}$'),
    period_start date        not null,
    period_end   date        not null,
    opens_on     date        not null,
    deadline     date        not null,
    state        varchar(10) not null check (state in ('OPEN', 'CLOSED')),
    demo         boolean     not null default false,
    version      bigint      not null default 0,
    constraint reporting_cycle_period check (period_end >= period_start),
    constraint reporting_cycle_deadline check (deadline >= opens_on)
);

-- Progress entries: commitment x stakeholder x cycle ------------------------------------------------------
-- status is the working value; published_status is the value last validated (what the public sees).
-- NO_EVIDENCE is never stored: it is the value of every applicable pair without a published entry.
create table progress_entry (
    id                     bigint generated always as identity primary key,
    commitment_id          bigint        not null references commitment (id),
    stakeholder_id         bigint        not null references stakeholder (id),
    cycle_id               bigint        not null references reporting_cycle (id),
    status                 varchar(20)   not null
        check (status in ('NOT_STARTED', 'LIMITED', 'SUBSTANTIAL', 'COMPLETE', 'NOT_APPLICABLE')),
    workflow_state         varchar(12)   not null check (workflow_state in ('DRAFT', 'SUBMITTED', 'VALIDATED', 'RETURNED')),
    narrative              text          not null default '' check (char_length(narrative) <= 10000),
    review_comment         text,
    entered_by_secretariat boolean       not null default false,
    published_status       varchar(20)
        check (published_status in ('NOT_STARTED', 'LIMITED', 'SUBSTANTIAL', 'COMPLETE', 'NOT_APPLICABLE')),
    published_at           timestamptz,
    created_at             timestamptz   not null default now(),
    updated_at             timestamptz   not null default now(),
    submitted_at           timestamptz,
    demo                   boolean       not null default false,
    version                bigint        not null default 0,
    constraint progress_entry_one_per_triple unique (cycle_id, commitment_id, stakeholder_id),
    constraint progress_entry_published_together check ((published_status is null) = (published_at is null))
);
create index progress_entry_stakeholder_cycle on progress_entry (stakeholder_id, cycle_id);
create index progress_entry_commitment_cycle on progress_entry (commitment_id, cycle_id);
create index progress_entry_cycle_workflow on progress_entry (cycle_id, workflow_state);

create table evidence_link (
    id       bigint generated always as identity primary key,
    entry_id bigint   not null references progress_entry (id) on delete cascade,
    position smallint not null check (position >= 0),
    title    text     not null check (char_length(title) between 1 and 300),
    url      text     not null check (char_length(url) <= 2000 and url ~* '^https?://[^\s]+$'),
    unique (entry_id, position)
);

-- Which commitments apply to which stakeholder in a cycle (product brief section 1). The Java rule
-- org.a4p.portal.catalogue.Applicability says the same; a test keeps the two in agreement.
create view applicable_pair as
select rc.id as cycle_id, c.id as commitment_id, s.id as stakeholder_id
from reporting_cycle rc
cross join commitment c
join stakeholder s on
    case s.kind
        when 'SECRETARIAT' then c.owner in ('SECRETARIAT', 'COLLECTIVE')
        when 'ORGANIZATION' then c.owner = 'COLLECTIVE'
        else c.owner = 'COLLECTIVE'
            or (c.owner = 'MEMBER_STATES' and (c.capacity = 'ALL' or exists (
                select 1 from capacity_assignment ca
                where ca.stakeholder_id = s.id and ca.capacity = c.capacity
                  and ca.starts_on <= rc.period_end
                  and (ca.ends_on is null or ca.ends_on >= rc.period_start))))
    end
where s.kind = 'SECRETARIAT'
   or exists (
        select 1 from endorsement e
        where e.stakeholder_id = s.id
          and (e.endorsed_on is null or e.endorsed_on <= rc.period_end)
          and (e.withdrawn_on is null or e.withdrawn_on >= rc.period_start));
