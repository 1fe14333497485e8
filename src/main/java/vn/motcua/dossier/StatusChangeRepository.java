package vn.motcua.dossier;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface StatusChangeRepository extends JpaRepository<StatusChange, Long> {

    @Query("select c from StatusChange c where c.dossierCode = ?1 order by c.id")
    List<StatusChange> findByDossierCodeOrderByIdAsc(String dossierCode);

    List<StatusChange> findByDossierCodeInAndToOrderByIdAsc(Collection<String> dossierCodes, DossierStatus to);
}
