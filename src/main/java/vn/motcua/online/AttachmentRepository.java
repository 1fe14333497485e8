package vn.motcua.online;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AttachmentRepository extends JpaRepository<Attachment, Long> {

    @Query("select a from Attachment a where a.dossierCode = ?1 order by a.id")
    List<Attachment> findByDossierCodeOrderByIdAsc(String dossierCode);

    Optional<Attachment> findFirstByDossierCodeAndKindOrderByIdDesc(String dossierCode, AttachmentKind kind);

    Optional<Attachment> findByIdAndDossierCode(Long id, String dossierCode);
}
