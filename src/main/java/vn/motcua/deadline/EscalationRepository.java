package vn.motcua.deadline;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface EscalationRepository extends JpaRepository<Escalation, Long> {

    @Query("select e from Escalation e where e.dossierCode = ?1 order by e.id")
    List<Escalation> findByDossierCodeOrderByIdAsc(String dossierCode);

    @Query("select e from Escalation e where e.handoverId = ?1")
    Optional<Escalation> findByHandoverId(Long handoverId);

    /** Escalations the supervisors have not decided yet: their response is still due. */
    List<Escalation> findByDecidedAtIsNull();
}
