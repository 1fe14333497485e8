package vn.motcua.dossier;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DossierPaperRepository extends JpaRepository<DossierPaper, Long> {

    @Query("select p from DossierPaper p where p.dossierCode = ?1 order by p.position")
    List<DossierPaper> findByDossierCodeOrderByPositionAsc(String dossierCode);
}
