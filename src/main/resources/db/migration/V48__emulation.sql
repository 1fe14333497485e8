-- The emulation scorecard (thi đua): who held a step when it fell overdue (escalation) and when the dossier was
-- re-appointed (Form 04), and the supervisors' verdict on a citizen's complaint after a low score (upheld or not).
-- Rows written before this version have no officer (they count for their unit only) and no verdict.

alter table escalation add column held_by varchar(64);
alter table reappointment add column held_by varchar(64);
alter table survey_complaint add column upheld boolean;
alter table survey_complaint add column reviewed_by varchar(64);
alter table survey_complaint add column reviewed_at datetime(6);

-- the scorecard counts the steps officers ended in a quarter
create index ix_handover_ended on handover (ended_at, ended_by);
create index ix_reappointment_approved on reappointment (approved_at);
