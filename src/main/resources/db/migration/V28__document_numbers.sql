-- The number of each standard document a unit issues ("Số: 05/TB-UBND"): numbered from 1 every year per
-- issuing unit and form (Decree 30/2020 numbers documents from the first day of the year). Form 01 takes
-- its dossier's register number; Forms 02-05 take theirs here, once, when first issued.

create table document_number (
    id           bigint      not null auto_increment primary key,
    unit_key     varchar(40) not null,
    form         varchar(2)  not null,
    number_year  int         not null,
    doc_number   int         not null,
    dossier_code varchar(64) not null,
    occurrence   int         not null,
    issued_at    datetime(6) not null,
    constraint uk_document_number unique (unit_key, form, number_year, doc_number),
    constraint uk_document_occurrence unique (dossier_code, form, occurrence)
);
-- no foreign key to dossier: a number is taken in a transaction of its own, which must not wait for the
-- lock of a dossier row that the caller's transaction is changing
