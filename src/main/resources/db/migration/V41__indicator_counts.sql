-- Daily counts for the indicators (Decision 766) by receiving unit and procedure, kept as dossiers change, in the
-- same transaction: one row per day of reception (or refusal) and per state a dossier can be in, with how many
-- dossiers are in it now. A period's figures add these rows up instead of reading every dossier; the dossiers that
-- changed since the start of the day looked at are read one by one (vn.motcua.dossier.IndicatorCounts).
-- Portable across H2 and MariaDB.

create table indicator_count (
    id               bigint      not null auto_increment primary key,
    unit_key         varchar(40) not null,
    procedure_code   varchar(40) not null,
    count_day        date        not null,
    -- RECEIVED dossiers count by their reception day; REFUSED ones (Form 03) by the day they were refused
    kind             varchar(16) not null,
    online           boolean     not null,
    -- EARLY, ON_TIME, LATE, UNJUDGED (finished without a due), RUNNING, PAUSED_NOT_DUE, PAUSED_OVERDUE, NO_DUE
    state            varchar(16) not null,
    with_result      boolean     not null,
    -- the hour of the statutory due of a RUNNING dossier, in seconds since 1970-01-01 00:00 UTC; else 0
    due_hour         bigint      not null,
    reappointed      boolean     not null,
    digitised        boolean     not null,
    e_result         boolean     not null,
    timed            boolean     not null,
    dossiers         bigint      not null,
    handling_minutes bigint      not null,
    constraint uk_indicator_count unique (unit_key, procedure_code, count_day, kind, online, state, with_result, due_hour,
        reappointed, digitised, e_result, timed)
);

create index ix_indicator_count_day on indicator_count (count_day);

-- The last time a dossier's row in the counts changed: the counts are exact for the dossiers that did not change
-- since the start of the day looked at
alter table dossier add column changed_at datetime(6);
create index ix_dossier_changed on dossier (changed_at);

-- Whether the counts hold every dossier: built at start-up from the dossier table when not (after this migration,
-- or after dossiers were loaded around the application)
create table indicator_count_state (
    id    int     not null primary key,
    built boolean not null
);
insert into indicator_count_state (id, built) values (1, false);
