package vn.motcua.catalog;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface CatalogImportRepository extends JpaRepository<CatalogImport, Long> {

    List<CatalogImport> findTop50ByOrderByIdDesc();

    Optional<CatalogImport> findFirstByOriginAndFileNameOrderByIdDesc(CatalogImport.Origin origin, String fileName);
}
