-- When the unit's supervisors finished considering a citizen's complaint (the task of surveyComplaint), for the
-- public transparency page's "complaints answered". Complaints handled before this column existed stay null.
alter table survey_complaint add column answered_at datetime(6);
