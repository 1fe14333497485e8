package vn.motcua.dossier;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface DossierPaperRepository extends JpaRepository<DossierPaper, Long> {

    List<DossierPaper> findByDossierCodeOrderByPositionAsc(String dossierCode);
}
