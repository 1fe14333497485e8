package vn.motcua.dossier;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface OpinionRepository extends JpaRepository<Opinion, Long> {

    List<Opinion> findByDossierCodeOrderByIdAsc(String dossierCode);
}
