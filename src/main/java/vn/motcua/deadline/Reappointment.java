package vn.motcua.deadline;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An apology and new appointment (Form 04), issued by the unit that holds the late dossier and
 * approved by its supervisors. The letter is rendered from this record.
 */
@Entity
@Table(name = "reappointment")
public class Reappointment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "dossier_code", nullable = false)
    private String dossierCode;

    @Column(name = "unit_key", nullable = false)
    private String unitKey;

    @Column(name = "previous_appointment_at", nullable = false)
    private Instant previousAppointmentAt;

    @Column(name = "new_appointment_at", nullable = false)
    private Instant newAppointmentAt;

    @Column(name = "extension_days", nullable = false)
    private int extensionDays;

    @Column(nullable = false, length = 2000)
    private String reason;

    @Column(name = "drafted_by", nullable = false)
    private String draftedBy;

    @Column(name = "approved_by", nullable = false)
    private String approvedBy;

    /** The approving supervisor's name, as the letter is signed. */
    @Column(name = "signer_name", nullable = false)
    private String signerName;

    @Column(name = "approved_at", nullable = false)
    private Instant approvedAt;

    /** The officer the dossier's open step at the unit was assigned to; null when nobody had claimed it. */
    @Column(name = "held_by")
    private String heldBy;

    protected Reappointment() {
    }

    Reappointment(String dossierCode, String unitKey, Instant previousAppointmentAt, Instant newAppointmentAt,
            int extensionDays, String reason, String draftedBy, String approvedBy, String signerName, Instant approvedAt,
            String heldBy) {
        this.heldBy = heldBy;
        this.dossierCode = dossierCode;
        this.unitKey = unitKey;
        this.previousAppointmentAt = previousAppointmentAt;
        this.newAppointmentAt = newAppointmentAt;
        this.extensionDays = extensionDays;
        this.reason = reason;
        this.draftedBy = draftedBy;
        this.approvedBy = approvedBy;
        this.signerName = signerName;
        this.approvedAt = approvedAt;
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

    public Instant getPreviousAppointmentAt() {
        return previousAppointmentAt;
    }

    public Instant getNewAppointmentAt() {
        return newAppointmentAt;
    }

    public int getExtensionDays() {
        return extensionDays;
    }

    public String getReason() {
        return reason;
    }

    public String getDraftedBy() {
        return draftedBy;
    }

    public String getApprovedBy() {
        return approvedBy;
    }

    public String getSignerName() {
        return signerName;
    }

    public Instant getApprovedAt() {
        return approvedAt;
    }

    public String getHeldBy() {
        return heldBy;
    }
}
