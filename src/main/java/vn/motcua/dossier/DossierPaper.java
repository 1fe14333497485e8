package vn.motcua.dossier;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import vn.motcua.catalog.DocumentKind;

/**
 * One paper of a dossier's checklist: a required document of its procedure (copied when the counter first checked
 * the dossier, so a later catalog change does not rewrite what was asked) and when it was received, if it was.
 */
@Entity
@Table(name = "dossier_paper")
public class DossierPaper {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "dossier_code", nullable = false, updatable = false)
    private String dossierCode;

    /** The paper's place in the procedure's list of required documents, from 0. */
    @Column(nullable = false, updatable = false)
    private int position;

    @Column(nullable = false, updatable = false, length = 1000)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private DocumentKind kind;

    @Column(name = "doc_count", nullable = false, updatable = false)
    private int count;

    @Column(name = "received_at")
    private Instant receivedAt;

    @Column(name = "received_by")
    private String receivedBy;

    protected DossierPaper() {
    }

    DossierPaper(String dossierCode, int position, String name, DocumentKind kind, int count) {
        this.dossierCode = dossierCode;
        this.position = position;
        this.name = name;
        this.kind = kind;
        this.count = count;
    }

    void received(Instant at, String by) {
        if (receivedAt == null) {
            this.receivedAt = at;
            this.receivedBy = by;
        }
    }

    /** Whether the counter has checked this paper yet (a row of the dossier's own checklist). */
    public boolean isRecorded() {
        return id != null;
    }

    public String getDossierCode() {
        return dossierCode;
    }

    public int getPosition() {
        return position;
    }

    public String getName() {
        return name;
    }

    public DocumentKind getKind() {
        return kind;
    }

    public int getCount() {
        return count;
    }

    public boolean isReceived() {
        return receivedAt != null;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public String getReceivedBy() {
        return receivedBy;
    }
}
