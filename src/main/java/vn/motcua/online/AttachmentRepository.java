package vn.motcua.online;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface AttachmentRepository extends JpaRepository<Attachment, Long> {

    List<Attachment> findByDossierCodeOrderByIdAsc(String dossierCode);

    Optional<Attachment> findFirstByDossierCodeAndKindOrderByIdDesc(String dossierCode, AttachmentKind kind);

    Optional<Attachment> findByIdAndDossierCode(Long id, String dossierCode);
}
