package vn.motcua.deadline;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An overdue step brought to the supervisors of the unit that holds it, and what they decided. */
@Entity
@Table(name = "escalation")
public class Escalation {

    /** What the supervisors decided. */
    public enum Outcome {
        /** Urge the officers holding the step. */
        URGE,
        /** Give the step to another officer. */
        REASSIGN,
        /** Move on to an extension: apology and new appointment (Form 04). */
        EXTEND
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "dossier_code", nullable = false)
    private String dossierCode;

    @Column(name = "handover_id", nullable = false)
    private Long handoverId;

    @Column(name = "step_key", nullable = false)
    private String step;

    @Column(name = "unit_key", nullable = false)
    private String unitKey;

    @Column(name = "group_id", nullable = false)
    private String groupId;

    @Column(nullable = false)
    private Instant at;

    @Enumerated(EnumType.STRING)
    private Outcome outcome;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(length = 2000)
    private String note;

    /** The officer the step was assigned to when it fell overdue; null when nobody had claimed it. */
    @Column(name = "held_by")
    private String heldBy;

    protected Escalation() {
    }

    Escalation(Handover handover, String groupId, Instant at, String heldBy) {
        this.heldBy = heldBy;
        this.dossierCode = handover.getDossierCode();
        this.handoverId = handover.getId();
        this.step = handover.getStep();
        this.unitKey = handover.getUnitKey();
        this.groupId = groupId;
        this.at = at;
    }

    void decide(Outcome outcome, String by, Instant at, String note) {
        this.outcome = outcome;
        this.decidedBy = by;
        this.decidedAt = at;
        this.note = note;
    }

    public Long getId() {
        return id;
    }

    public String getDossierCode() {
        return dossierCode;
    }

    public Long getHandoverId() {
        return handoverId;
    }

    public String getStep() {
        return step;
    }

    public String getUnitKey() {
        return unitKey;
    }

    public String getGroupId() {
        return groupId;
    }

    public Instant getAt() {
        return at;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getNote() {
        return note;
    }

    public String getHeldBy() {
        return heldBy;
    }
}
