package vn.motcua.online;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * A file of a dossier. The bytes live outside the database, in the attachments folder under
 * {@link #getStoredName()}; the row keeps what the citizen called it, its checked type, size and
 * SHA-256.
 */
@Entity
@Immutable
@Table(name = "attachment")
public class Attachment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "dossier_code", nullable = false, updatable = false)
    private String dossierCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private AttachmentKind kind;

    @Column(name = "original_name", nullable = false, updatable = false)
    private String originalName;

    @Column(name = "stored_name", nullable = false, updatable = false)
    private String storedName;

    @Column(name = "content_type", nullable = false, updatable = false)
    private String contentType;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long size;

    @Column(nullable = false, updatable = false, length = 64)
    private String sha256;

    @Column(name = "uploaded_at", nullable = false, updatable = false)
    private Instant uploadedAt;

    @Column(name = "uploaded_by", nullable = false, updatable = false)
    private String uploadedBy;

    /** The paper of the dossier's checklist (its position, from 0) this file is a scan of; null for other files. */
    @Column(name = "paper_position", updatable = false)
    private Integer paperPosition;

    protected Attachment() {
    }

    Attachment(String dossierCode, AttachmentKind kind, String originalName, String storedName, String contentType,
            long size, String sha256, Instant uploadedAt, String uploadedBy, Integer paperPosition) {
        this.dossierCode = dossierCode;
        this.kind = kind;
        this.originalName = originalName;
        this.storedName = storedName;
        this.contentType = contentType;
        this.size = size;
        this.sha256 = sha256;
        this.uploadedAt = uploadedAt;
        this.uploadedBy = uploadedBy;
        this.paperPosition = paperPosition;
    }

    public Long getId() {
        return id;
    }

    public String getDossierCode() {
        return dossierCode;
    }

    public AttachmentKind getKind() {
        return kind;
    }

    public String getOriginalName() {
        return originalName;
    }

    public String getStoredName() {
        return storedName;
    }

    public String getContentType() {
        return contentType;
    }

    public long getSize() {
        return size;
    }

    public String getSha256() {
        return sha256;
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }

    public String getUploadedBy() {
        return uploadedBy;
    }

    /** The paper (position in the dossier's checklist) this file is a scan of, or null. */
    public Integer getPaperPosition() {
        return paperPosition;
    }
}
