package vn.motcua.dossier;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface StatusChangeRepository extends JpaRepository<StatusChange, Long> {

    List<StatusChange> findByDossierCodeOrderByIdAsc(String dossierCode);

    List<StatusChange> findByDossierCodeInAndToOrderByIdAsc(Collection<String> dossierCodes, DossierStatus to);
}
