-- The Decision 766/QĐ-TTg indicators beyond the on-time rate, and a past period looked at as it stood then.
-- Portable across H2 and MariaDB.

-- Working minutes from reception to finishing, less the time the clock stood for supplements (2.2, average
-- handling time); null for dossiers finished before this version and for those never received.
alter table dossier add column handling_minutes bigint;
-- When the dossier was first re-appointed (Form 04), so that a past period counts only the re-appointments made by then
alter table dossier add column reappointed_at datetime(6);
-- When staff first attached the electronic result (4.1, and 3.3 for an online dossier whose result is a paper)
alter table dossier add column e_result_at datetime(6);
-- The last time the dossier's clock stopped or started again: a period that ended before it needs the pauses' history
alter table dossier add column pause_changed_at datetime(6);

update dossier set reappointed_at = (select min(r.approved_at) from reappointment r where r.dossier_code = dossier.code)
where reappointments > 0;
update dossier set e_result_at = (select min(a.uploaded_at) from attachment a where a.dossier_code = dossier.code
        and a.kind = 'RESULT')
where exists (select a.id from attachment a where a.dossier_code = dossier.code and a.kind = 'RESULT');

-- Each time a received dossier's clock stopped (a supplement, or fees of an interconnected procedure), when it
-- started again (null while it stands), and the statutory due it had while it stood (its resumption moved it)
create table dossier_pause (
    id           bigint      not null auto_increment primary key,
    dossier_code varchar(64) not null,
    paused_at    datetime(6) not null,
    resumed_at   datetime(6),
    due_before   datetime(6),
    constraint fk_pause_dossier foreign key (dossier_code) references dossier (code)
);

create index ix_pause_dossier on dossier_pause (dossier_code, paused_at);

-- The pauses under way now; the earlier ones were not recorded before this version (they count as now)
insert into dossier_pause (dossier_code, paused_at, due_before)
select code, paused_at, due_at from dossier where paused_at is not null;
update dossier set pause_changed_at = paused_at where paused_at is not null;

-- A complaint after a low score is handled when the unit's supervisor completes its task (5.x): its verdict's
-- time, survey_complaint.reviewed_at (V48)
create index ix_complaint_filed on survey_complaint (filed_at);
