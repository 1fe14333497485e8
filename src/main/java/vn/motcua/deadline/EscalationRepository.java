package vn.motcua.deadline;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface EscalationRepository extends JpaRepository<Escalation, Long> {

    List<Escalation> findByDossierCodeOrderByIdAsc(String dossierCode);

    Optional<Escalation> findByHandoverId(Long handoverId);

    /** Escalations the supervisors have not decided yet: their response is still due. */
    List<Escalation> findByDecidedAtIsNull();
}
