package vn.motcua.deadline;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface HandoverRepository extends JpaRepository<Handover, Long> {

    List<Handover> findByDossierCodeOrderByIdAsc(String dossierCode);

    Optional<Handover> findFirstByDossierCodeAndStepAndEndedAtIsNullOrderByIdDesc(String dossierCode, String step);

    List<Handover> findByDossierCodeAndEndedAtIsNull(String dossierCode);

    List<Handover> findByEndedAtIsNull();

    Optional<Handover> findFirstByDossierCodeOrderByIdDesc(String dossierCode);
}
