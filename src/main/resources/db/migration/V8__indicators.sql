-- The indicators supervisors report (Decision 766) are SQL aggregates over the dossier and handover
-- tables. A finished dossier's verdict (early / on time / late against its statutory due) is fixed
-- when it finishes and kept in dossier.verdict, so the aggregates can count it.

alter table dossier add column verdict varchar(16);

-- Dossiers finished before this version: the rule of vn.motcua.dossier.Verdict. A re-appointed
-- dossier or one asked for a supplement more than once is late; else late after its due instant,
-- early when it finished on a day before its due day, on time otherwise. Days are those of
-- Asia/Ho_Chi_Minh (UTC+7 all year, no daylight saving); instants are stored in UTC.
update dossier set verdict = case
        when reappointments > 0 or supplement_requests > 1 then 'LATE'
        when finished_at > due_at then 'LATE'
        when cast(timestampadd(hour, 7, finished_at) as date) < cast(timestampadd(hour, 7, due_at) as date)
            then 'EARLY'
        else 'ON_TIME'
    end
where finished_at is not null and due_at is not null;

-- The period's dossiers of every unit (a unit's own use V6's ix_dossier_unit_received):
-- where received_at >= ? and received_at < ?
create index ix_dossier_received on dossier (received_at);
-- Dossiers under way and their dues (the overdue list, the gauges): where finished_at is null and due_at < ?
create index ix_dossier_open_due on dossier (finished_at, due_at);
-- Dossiers refused at the counter in a period: where status = 'REFUSED' and finished_at >= ? and finished_at < ?
create index ix_dossier_status_finished on dossier (status, finished_at);

-- The steps a unit (or every unit) started in a period, for the step counts by verdict
create index ix_handover_unit_started on handover (unit_key, started_at);
create index ix_handover_started on handover (started_at);
