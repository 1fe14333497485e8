package vn.motcua.dossier;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface OpinionRepository extends JpaRepository<Opinion, Long> {

    @Query("select o from Opinion o where o.dossierCode = ?1 order by o.id")
    List<Opinion> findByDossierCodeOrderByIdAsc(String dossierCode);
}
