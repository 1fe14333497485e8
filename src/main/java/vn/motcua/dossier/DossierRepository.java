package vn.motcua.dossier;

import org.springframework.data.jpa.repository.JpaRepository;

interface DossierRepository extends JpaRepository<Dossier, String> {
}
