-- The month a dossier counts in in the indicators' daily counts (year * 100 + month of its day of reception, or of
-- refusal, in the province's zone), stamped with changed_at (vn.motcua.dossier.IndicatorCounts). A past period reads
-- the dossiers of its months that changed after it ended: one index seek per month, however many dossiers the period
-- or the months since hold. Filled by the first build of the counts after this migration. Portable across H2 and
-- MariaDB.

alter table dossier add column count_month int;
create index ix_dossier_month_changed on dossier (count_month, changed_at);
update indicator_count_state set built = false where id = 1;
