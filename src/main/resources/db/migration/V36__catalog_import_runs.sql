-- Every import of a procedure list (through the API or at start-up): who, when, which file (its SHA-256),
-- the counts, and one line per row of the file with its outcome and, for a refused row, the reasons.
create table catalog_import (
    id              bigint       not null auto_increment primary key,
    started_at      datetime(6)  not null,
    actor           varchar(64)  not null,
    origin          varchar(16)  not null,
    file_name       varchar(255) not null,
    file_sha256     varchar(64)  not null,
    file_format     varchar(8)   not null,
    rows_total      int          not null,
    created_count   int          not null,
    updated_count   int          not null,
    unchanged_count int          not null,
    kept_count      int          not null,
    refused_count   int          not null,
    absent_count    int          not null
);

create index ix_catalog_import_file on catalog_import (file_sha256, id);

create table catalog_import_row (
    import_id bigint        not null,
    position  int           not null,
    line_no   int           not null,
    code      varchar(64),
    outcome   varchar(16)   not null,
    message   varchar(2000),
    primary key (import_id, position),
    constraint fk_import_row_import foreign key (import_id) references catalog_import (id)
);
