-- What Form 01 and the dossier register (Form 07) need of a dossier: how the citizen chose to get the
-- result, how many sets of papers were handed in, and its line in the receiving unit's register (one
-- book per unit and year, numbered from 1 in the order of reception).

alter table dossier add column return_method varchar(16) not null default 'COUNTER';
alter table dossier add column set_count int not null default 1;
alter table dossier add column register_year int;
alter table dossier add column register_number int;

create unique index uk_dossier_register on dossier (receiving_unit, register_year, register_number);

-- the last number taken in each unit's book of a year; a reception takes the next one under the row's
-- lock, in the reception's transaction, so that two receptions never take the same number and a
-- reception that fails gives its number back (the book has no gaps)
create table register_counter (
    unit_key      varchar(40) not null,
    register_year int         not null,
    last_value    int         not null,
    primary key (unit_key, register_year)
);
