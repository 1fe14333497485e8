package vn.motcua.dossier;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface DossierRepository extends JpaRepository<Dossier, String> {

    /** Dossiers whose clock has started and not ended. */
    List<Dossier> findByReceivedAtIsNotNullAndFinishedAtIsNullAndReturnedAtIsNull();

    /** The dossiers a unit's counter received in {@code [from, until)}, by index {@code ix_dossier_unit_received}. */
    @Query("""
            select d from Dossier d
            where d.receivingUnit = :unit and d.receivedAt >= :from and d.receivedAt < :until
            order by d.receivedAt asc, d.code asc""")
    List<Dossier> receivedBy(@Param("unit") String unitKey, @Param("from") Instant from, @Param("until") Instant until);

    /** The codes of dossiers received but not entered in a register (received before it existed), by reception. */
    @Query("select d.code from Dossier d where d.receivedAt is not null and d.registerNumber is null"
            + " order by d.receivedAt, d.code")
    List<String> findUnregistered();
}
