-- Motcua's own tables (Camunda creates its ACT_* tables itself). Portable across H2 and MariaDB.

create table unit (
    unit_key varchar(40)  not null primary key,
    code     varchar(40)  not null,
    name     varchar(255) not null,
    level    varchar(16)  not null,
    constraint uk_unit_code unique (code)
);

create table procedure_def (
    code             varchar(40)   not null primary key,
    name             varchar(1000) not null,
    sector           varchar(500)  not null,
    level            varchar(16)   not null,
    receiving_unit   varchar(40)   not null,
    statutory_days   int,
    statutory_hours  int,
    afternoon_cutoff time,
    fee              bigint        not null,
    fee_note         varchar(1000),
    online_filing    boolean       not null,
    process_key      varchar(100)  not null,
    constraint fk_procedure_receiving_unit foreign key (receiving_unit) references unit (unit_key)
);

create table procedure_handling_unit (
    procedure_code varchar(40) not null,
    position       int         not null,
    unit_key       varchar(40) not null,
    primary key (procedure_code, position),
    constraint fk_handling_procedure foreign key (procedure_code) references procedure_def (code),
    constraint fk_handling_unit foreign key (unit_key) references unit (unit_key)
);

create table procedure_document (
    procedure_code varchar(40)   not null,
    position       int           not null,
    name           varchar(1000) not null,
    kind           varchar(20)   not null,
    doc_count      int           not null,
    primary key (procedure_code, position),
    constraint fk_document_procedure foreign key (procedure_code) references procedure_def (code)
);

create table dossier_counter (
    agency_code varchar(40) not null,
    counter_day date        not null,
    last_value  int         not null,
    primary key (agency_code, counter_day)
);

create table dossier (
    code                varchar(64)   not null primary key,
    procedure_code      varchar(40)   not null,
    receiving_unit      varchar(40)   not null,
    channel             varchar(16)   not null,
    status              varchar(32)   not null,
    applicant_full_name varchar(200)  not null,
    applicant_id_number varchar(20)   not null,
    applicant_phone     varchar(20)   not null,
    applicant_email     varchar(254),
    applicant_address   varchar(500)  not null,
    form_data           varchar(4000),
    filed_at            datetime(6)   not null,
    filed_by            varchar(64)   not null,
    received_at         datetime(6),
    appointment_at      datetime(6),
    finished_at         datetime(6),
    returned_at         datetime(6),
    version             bigint        not null,
    constraint fk_dossier_procedure foreign key (procedure_code) references procedure_def (code),
    constraint fk_dossier_unit foreign key (receiving_unit) references unit (unit_key)
);

create index ix_dossier_status on dossier (status);
create index ix_dossier_unit_status on dossier (receiving_unit, status);

create table dossier_history (
    id           bigint        not null auto_increment primary key,
    dossier_code varchar(64)   not null,
    at           datetime(6)   not null,
    actor        varchar(64)   not null,
    from_status  varchar(32),
    to_status    varchar(32)   not null,
    step         varchar(100),
    note         varchar(2000),
    constraint fk_history_dossier foreign key (dossier_code) references dossier (code)
);

create index ix_history_dossier on dossier_history (dossier_code, id);
