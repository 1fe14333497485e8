package vn.motcua.survey;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The satisfaction survey of one closed dossier: when it was sent and reminded, when its link
 * expires, whether it was answered, and who handled the dossier (for the results per officer). The
 * link itself is not stored: only its nonce and the hash of its token ({@link SurveyTokens}).
 */
@Entity
@Table(name = "survey")
class Survey {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "dossier_code", nullable = false, updatable = false)
    private String dossierCode;

    /** The unit whose counter received the dossier: the results are the unit's. */
    @Column(name = "unit_key", nullable = false, updatable = false)
    private String unitKey;

    @Column(name = "procedure_code", nullable = false, updatable = false)
    private String procedureCode;

    @Column(nullable = false, updatable = false)
    private String nonce;

    @Column(name = "token_hash", nullable = false, updatable = false)
    private String tokenHash;

    @Column(name = "invited_at", nullable = false, updatable = false)
    private Instant invitedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "reminded_at")
    private Instant remindedAt;

    @Column(nullable = false)
    private int reminders;

    @Column(name = "answered_at")
    private Instant answeredAt;

    @Column(name = "expired_at")
    private Instant expiredAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "survey_officer", joinColumns = @JoinColumn(name = "survey_id"))
    @Column(name = "officer_id", nullable = false)
    private Set<String> officers = new LinkedHashSet<>();

    @Version
    private long version;

    protected Survey() {
    }

    Survey(String dossierCode, String unitKey, String procedureCode, String nonce, String tokenHash, Instant invitedAt,
            Instant expiresAt, Set<String> officers) {
        this.dossierCode = dossierCode;
        this.unitKey = unitKey;
        this.procedureCode = procedureCode;
        this.nonce = nonce;
        this.tokenHash = tokenHash;
        this.invitedAt = invitedAt;
        this.expiresAt = expiresAt;
        this.officers = new LinkedHashSet<>(officers);
    }

    /** Expired by the engine's timer, or past its expiry without an answer. */
    boolean isExpiredAt(Instant now) {
        return answeredAt == null && (expiredAt != null || !now.isBefore(expiresAt));
    }

    boolean isAnswered() {
        return answeredAt != null;
    }

    void reminded(Instant at) {
        this.remindedAt = at;
        this.reminders++;
    }

    void answered(Instant at) {
        this.answeredAt = at;
    }

    void expired(Instant at) {
        this.expiredAt = at;
    }

    public Long getId() {
        return id;
    }

    public String getDossierCode() {
        return dossierCode;
    }

    public String getUnitKey() {
        return unitKey;
    }

    public String getProcedureCode() {
        return procedureCode;
    }

    String getNonce() {
        return nonce;
    }

    public Instant getInvitedAt() {
        return invitedAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getRemindedAt() {
        return remindedAt;
    }

    public int getReminders() {
        return reminders;
    }

    public Instant getAnsweredAt() {
        return answeredAt;
    }

    public Instant getExpiredAt() {
        return expiredAt;
    }

    public Set<String> getOfficers() {
        return Set.copyOf(officers);
    }
}
