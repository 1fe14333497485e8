package vn.motcua.online;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * The files of dossiers, for the other modules: the counter's scans and the staff's views of a dossier. Files are
 * checked and stored exactly as the online channel's (content-checked PDF, JPEG or PNG, size-limited, SHA-256, one
 * row each, kept outside the database, deleted again when the transaction rolls back).
 */
@Service
public class DossierFiles {

    /** A file a staff member sent, the paper of the dossier's checklist it is a scan of (or null), its field name. */
    public record Scan(MultipartFile file, Integer paper, String field) {
    }

    /** Files that passed the checks, to be stored; opaque outside this module. */
    public static final class Checked {

        private final List<Attachments.Checked> files;

        private Checked(List<Attachments.Checked> files) {
            this.files = files;
        }

        public boolean isEmpty() {
            return files.isEmpty();
        }
    }

    private final Attachments attachments;

    DossierFiles(Attachments attachments) {
        this.attachments = attachments;
    }

    /**
     * Checks files before anything is stored (number, size, content). Refused files answer 400, 413 or 415 as
     * problem+json, one message per file under its own field name.
     */
    public Checked check(List<Scan> scans, boolean required) {
        List<Attachments.Scan> given = new ArrayList<>();
        for (Scan scan : scans) {
            given.add(new Attachments.Scan(scan.file(), scan.paper(), scan.field()));
        }
        return new Checked(attachments.checkScans(given, required));
    }

    /** Stores checked files of a dossier in the caller's transaction, uploaded by {@code actor}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Attachment> store(String dossierCode, AttachmentKind kind, Checked checked, String actor) {
        return attachments.store(dossierCode, kind, checked.files, actor);
    }

    /** The dossier's files, oldest first. */
    @Transactional(readOnly = true)
    public List<Attachment> of(String dossierCode) {
        return attachments.of(dossierCode);
    }

    /** The dossier's latest file of this kind. */
    @Transactional(readOnly = true)
    public Optional<Attachment> latest(String dossierCode, AttachmentKind kind) {
        return attachments.latest(dossierCode, kind);
    }

    /** Where staff download a file of a dossier. */
    public static String href(Attachment attachment) {
        return "/api/dossiers/" + attachment.getDossierCode() + "/attachments/" + attachment.getId();
    }
}
