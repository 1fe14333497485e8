-- Files of a dossier, stored outside the database (motcua.attachments.folder): what the citizen sent
-- with the application or a supplement, and the electronic result. One row per file; the file itself
-- is named by stored_name inside the folder. Portable across H2 and MariaDB.

create table attachment (
    id            bigint       not null auto_increment primary key,
    dossier_code  varchar(64)  not null,
    kind          varchar(16)  not null,
    original_name varchar(255) not null,
    stored_name   varchar(80)  not null,
    content_type  varchar(100) not null,
    size_bytes    bigint       not null,
    sha256        varchar(64)  not null,
    uploaded_at   datetime(6)  not null,
    uploaded_by   varchar(64)  not null,
    constraint uk_attachment_stored_name unique (stored_name),
    constraint fk_attachment_dossier foreign key (dossier_code) references dossier (code)
);

create index ix_attachment_dossier on attachment (dossier_code, kind, id);
