-- Deadlines: each procedure's internal process (step shares), the dossier's clock, the steps
-- handed from unit to unit with their verdicts (Form 06), escalations and re-appointments (Form 04).

create table procedure_step (
    procedure_code  varchar(40) not null,
    position        int         not null,
    step_key        varchar(60) not null,
    working_minutes bigint      not null,
    unit_key        varchar(40),
    primary key (procedure_code, position),
    constraint fk_step_procedure foreign key (procedure_code) references procedure_def (code),
    constraint fk_step_unit foreign key (unit_key) references unit (unit_key)
);

alter table dossier add column due_at datetime(6);
alter table dossier add column paused_at datetime(6);
alter table dossier add column paused_minutes bigint not null default 0;
alter table dossier add column extension_minutes bigint not null default 0;
alter table dossier add column supplement_requests int not null default 0;
alter table dossier add column reappointments int not null default 0;
update dossier set due_at = appointment_at;

create table handover (
    id             bigint      not null auto_increment primary key,
    dossier_code   varchar(64) not null,
    step_key       varchar(60) not null,
    unit_key       varchar(40) not null,
    started_at     datetime(6) not null,
    share_minutes  bigint      not null,
    paused_minutes bigint      not null,
    due_at         datetime(6) not null,
    ended_at       datetime(6),
    ended_by       varchar(64),
    verdict        varchar(16),
    constraint fk_handover_dossier foreign key (dossier_code) references dossier (code),
    constraint fk_handover_unit foreign key (unit_key) references unit (unit_key)
);

create index ix_handover_dossier on handover (dossier_code, id);
create index ix_handover_open on handover (ended_at, due_at);
create index ix_handover_unit on handover (unit_key, verdict);

create table escalation (
    id           bigint      not null auto_increment primary key,
    dossier_code varchar(64) not null,
    handover_id  bigint      not null,
    step_key     varchar(60) not null,
    unit_key     varchar(40) not null,
    group_id     varchar(80) not null,
    at           datetime(6) not null,
    outcome      varchar(16),
    decided_by   varchar(64),
    decided_at   datetime(6),
    note         varchar(2000),
    constraint uk_escalation_handover unique (handover_id),
    constraint fk_escalation_dossier foreign key (dossier_code) references dossier (code),
    constraint fk_escalation_handover foreign key (handover_id) references handover (id)
);

create index ix_escalation_dossier on escalation (dossier_code, id);
create index ix_escalation_unit on escalation (unit_key, at);

create table reappointment (
    id                      bigint        not null auto_increment primary key,
    dossier_code            varchar(64)   not null,
    unit_key                varchar(40)   not null,
    previous_appointment_at datetime(6)   not null,
    new_appointment_at      datetime(6)   not null,
    extension_days          int           not null,
    reason                  varchar(2000) not null,
    drafted_by              varchar(64)   not null,
    approved_by             varchar(64)   not null,
    signer_name             varchar(200)  not null,
    approved_at             datetime(6)   not null,
    constraint fk_reappointment_dossier foreign key (dossier_code) references dossier (code)
);

create index ix_reappointment_dossier on reappointment (dossier_code, id);
