package vn.motcua.dossier;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface DossierRepository extends JpaRepository<Dossier, String> {

    /** Dossiers whose clock has started and not ended. */
    List<Dossier> findByReceivedAtIsNotNullAndFinishedAtIsNullAndReturnedAtIsNull();
}
