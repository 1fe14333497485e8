package vn.motcua.document;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DocumentNumberRepository extends JpaRepository<DocumentNumber, Long> {

    @Query("select n from DocumentNumber n where n.dossierCode = ?1 and n.form = ?2 and n.occurrence = ?3")
    Optional<DocumentNumber> findByDossierCodeAndFormAndOccurrence(String dossierCode, String form, int occurrence);

    @Query("select coalesce(max(n.number), 0) from DocumentNumber n where n.unitKey = ?1 and n.form = ?2 and n.year = ?3")
    int lastNumber(String unitKey, String form, int year);
}
