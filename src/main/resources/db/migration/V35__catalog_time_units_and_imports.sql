-- A province-sized catalog. Statutory times in the unit the law publishes them in (working days, working
-- hours, calendar days, the same day) instead of two columns for days and hours; where each procedure comes
-- from (the catalog data file or an administrator's import), whether its steps are the default split, the
-- provenance of an imported row, a folded search text (no diacritics), and the fingerprint of the imported
-- row last applied (re-importing the same row changes nothing).
alter table procedure_def add column statutory_unit varchar(20) not null default 'WORKING_DAYS';
alter table procedure_def add column statutory_amount int not null default 1;
update procedure_def set statutory_unit = 'WORKING_DAYS', statutory_amount = statutory_days where statutory_days is not null;
update procedure_def set statutory_unit = 'WORKING_HOURS', statutory_amount = statutory_hours where statutory_days is null and statutory_hours is not null;
alter table procedure_def drop column statutory_days;
alter table procedure_def drop column statutory_hours;

alter table procedure_def add column source varchar(16) not null default 'CATALOG_FILE';
alter table procedure_def add column default_steps boolean not null default false;
alter table procedure_def add column verified boolean;
alter table procedure_def add column source_note varchar(1000);
-- refreshed from the code, name and sector by the application (folding needs Unicode normalisation)
alter table procedure_def add column search_text varchar(2000) not null default '';
update procedure_def set search_text = lower(code);
alter table procedure_def add column import_hash varchar(64);
alter table procedure_def add column updated_at datetime(6);

create index ix_procedure_sector on procedure_def (sector);
create index ix_procedure_receiving_unit on procedure_def (receiving_unit, level);
create index ix_procedure_source on procedure_def (source);
