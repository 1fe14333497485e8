package vn.motcua.dossier;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface DossierPauseRepository extends JpaRepository<DossierPause, Long> {

    List<DossierPause> findByDossierCodeAndResumedAtIsNull(String dossierCode);
}
