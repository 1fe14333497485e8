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

import vn.motcua.dossier.Verdict;

/**
 * One step of a dossier in one unit: when the unit got the dossier, its deadline for the step,
 * when it handed the dossier on and who did, and the verdict (Form 06). A step's deadline is its
 * start plus its share of the statutory time plus the working time the dossier waited for a
 * supplement while the step was open.
 */
@Entity
@Table(name = "handover")
public class Handover {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "dossier_code", nullable = false)
    private String dossierCode;

    @Column(name = "step_key", nullable = false)
    private String step;

    @Column(name = "unit_key", nullable = false)
    private String unitKey;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "share_minutes", nullable = false)
    private long shareMinutes;

    @Column(name = "paused_minutes", nullable = false)
    private long pausedMinutes;

    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "ended_by")
    private String endedBy;

    @Enumerated(EnumType.STRING)
    private Verdict verdict;

    protected Handover() {
    }

    Handover(String dossierCode, String step, String unitKey, Instant startedAt, long shareMinutes, Instant dueAt) {
        this.dossierCode = dossierCode;
        this.step = step;
        this.unitKey = unitKey;
        this.startedAt = startedAt;
        this.shareMinutes = shareMinutes;
        this.dueAt = dueAt;
    }

    void end(Instant at, String by, Verdict verdict) {
        this.endedAt = at;
        this.endedBy = by;
        this.verdict = verdict;
    }

    void moveDue(long addedPausedMinutes, Instant newDue) {
        this.pausedMinutes += addedPausedMinutes;
        this.dueAt = newDue;
    }

    void reschedule(Instant newDue) {
        this.dueAt = newDue;
    }

    public boolean isOpen() {
        return endedAt == null;
    }

    public Long getId() {
        return id;
    }

    public String getDossierCode() {
        return dossierCode;
    }

    public String getStep() {
        return step;
    }

    public String getUnitKey() {
        return unitKey;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public long getShareMinutes() {
        return shareMinutes;
    }

    public long getPausedMinutes() {
        return pausedMinutes;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    public String getEndedBy() {
        return endedBy;
    }

    public Verdict getVerdict() {
        return verdict;
    }
}
