package vn.motcua.deadline;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface EscalationRepository extends JpaRepository<Escalation, Long> {

    @Query("select e from Escalation e where e.dossierCode = ?1 order by e.id")
    List<Escalation> findByDossierCodeOrderByIdAsc(String dossierCode);

    @Query("select e from Escalation e where e.handoverId = ?1")
    Optional<Escalation> findByHandoverId(Long handoverId);

    /** Escalations the supervisors have not decided yet: their response is still due. */
    List<Escalation> findByDecidedAtIsNull();

    /**
     * Escalations not decided yet, recorded after {@code from} and before {@code until}, whose mail is not in the mail
     * log: no row keyed {@code keyPrefix + dossier code + keySeparator + handover id}.
     */
    @Query(value = "select e.* from escalation e where e.outcome is null and e.at > :from and e.at < :until"
            + " and not exists (select 1 from mail_log m"
            + " where m.idempotency_key = concat(:keyPrefix, e.dossier_code, :keySeparator, e.handover_id))"
            + " order by e.id", nativeQuery = true)
    List<Escalation> undecidedWithoutMail(@Param("from") Instant from, @Param("until") Instant until,
            @Param("keyPrefix") String keyPrefix, @Param("keySeparator") String keySeparator);
}
