-- Interconnected sets (liên thông): a procedure handled by several agencies, and steps that run
-- side by side (counted once, by the longest, against the statutory time).
alter table procedure_def add column interconnected boolean not null default false;
alter table procedure_step add column parallel_group varchar(60);
