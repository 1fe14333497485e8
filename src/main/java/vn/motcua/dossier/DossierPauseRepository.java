package vn.motcua.dossier;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DossierPauseRepository extends JpaRepository<DossierPause, Long> {

    @Query("select p from DossierPause p where p.dossierCode = ?1 and p.resumedAt is null")
    List<DossierPause> findByDossierCodeAndResumedAtIsNull(String dossierCode);
}
