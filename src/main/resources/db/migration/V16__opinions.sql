-- The decision and note an officer gave on each task of a dossier (the specialist's opinion the leader
-- reads, the counter's reasons): one row per completed task, in order. Portable across H2 and MariaDB.

create table dossier_opinion (
    id           bigint        not null auto_increment primary key,
    dossier_code varchar(64)   not null,
    at           datetime(6)   not null,
    actor        varchar(64)   not null,
    step         varchar(100)  not null,
    step_name    varchar(255)  not null,
    decision     varchar(32),
    decision_label varchar(255),
    note         varchar(4000),
    constraint fk_opinion_dossier foreign key (dossier_code) references dossier (code)
);

create index ix_opinion_dossier on dossier_opinion (dossier_code, id);
