-- Counter intake in Tasklist: each procedure's own fields (catalog), the papers checklist of a dossier,
-- which paper a scanned file is, and whether the counter digitised the dossier. Portable across H2 and MariaDB.

-- The fields a procedure asks for besides the applicant (e.g. the enterprise's name), in form order
create table procedure_field (
    procedure_code varchar(40)  not null,
    position       int          not null,
    field_key      varchar(60)  not null,
    label          varchar(500) not null,
    multiline      boolean      not null,
    primary key (procedure_code, position),
    constraint fk_field_procedure foreign key (procedure_code) references procedure_def (code)
);

-- The checklist of a dossier: the procedure's papers as they were when the counter first checked it,
-- and when each one was received (null: still missing) and by whom
create table dossier_paper (
    id           bigint        not null auto_increment primary key,
    dossier_code varchar(64)   not null,
    position     int           not null,
    name         varchar(1000) not null,
    kind         varchar(20)   not null,
    doc_count    int           not null,
    received_at  datetime(6),
    received_by  varchar(64),
    constraint uk_dossier_paper unique (dossier_code, position),
    constraint fk_paper_dossier foreign key (dossier_code) references dossier (code)
);

-- The first time the counter attached scans of the papers (digitisation at reception); null if never
alter table dossier add column digitised_at datetime(6);

-- The paper (position in the dossier's checklist) a file is a scan of; null for other files
alter table attachment add column paper_position int;
