-- The dossier register (Form 07) of a unit lists the dossiers its counter received in a period:
-- where receiving_unit = ? and received_at >= ? and received_at < ? order by received_at.
-- V1's ix_dossier_unit_status does not serve the range; this index does.

create index ix_dossier_unit_received on dossier (receiving_unit, received_at);
