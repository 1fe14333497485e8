package vn.motcua.deadline;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface HandoverRepository extends JpaRepository<Handover, Long> {

    @Query("select h from Handover h where h.dossierCode = ?1 order by h.id")
    List<Handover> findByDossierCodeOrderByIdAsc(String dossierCode);

    @Query("select h from Handover h where h.dossierCode = ?1 and h.step = ?2 and h.endedAt is null order by h.id desc")
    List<Handover> openOfStepNewestFirst(String dossierCode, String step, Limit limit);

    default Optional<Handover> findFirstByDossierCodeAndStepAndEndedAtIsNullOrderByIdDesc(String dossierCode, String step) {
        return openOfStepNewestFirst(dossierCode, step, Limit.of(1)).stream().findFirst();
    }

    @Query("select h from Handover h where h.dossierCode = ?1 and h.endedAt is null")
    List<Handover> findByDossierCodeAndEndedAtIsNull(String dossierCode);

    List<Handover> findByEndedAtIsNull();

    @Query("select h from Handover h where h.dossierCode = ?1 order by h.id desc")
    List<Handover> newestFirst(String dossierCode, Limit limit);

    default Optional<Handover> findFirstByDossierCodeOrderByIdDesc(String dossierCode) {
        return newestFirst(dossierCode, Limit.of(1)).stream().findFirst();
    }
}
