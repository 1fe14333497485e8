package vn.motcua.dossier;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * The decision and note an officer gave when completing a task of the dossier: the counter's check, the
 * specialist's appraisal the leader reads before signing, the leader's approval. Append-only, one per task.
 */
@Entity
@Immutable
@Table(name = "dossier_opinion")
public class Opinion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "dossier_code", nullable = false, updatable = false)
    private String dossierCode;

    @Column(nullable = false, updatable = false)
    private Instant at;

    @Column(nullable = false, updatable = false)
    private String actor;

    /** The task's definition key (BPMN id), e.g. {@code Task_appraise}. */
    @Column(nullable = false, updatable = false)
    private String step;

    /** The task's name as the officer saw it, e.g. "Thẩm định hồ sơ". */
    @Column(name = "step_name", nullable = false, updatable = false)
    private String stepName;

    @Column(updatable = false)
    private String decision;

    /** The decision as the form showed it ("Đủ điều kiện — trình lãnh đạo phê duyệt"). */
    @Column(name = "decision_label", updatable = false)
    private String decisionLabel;

    @Column(length = 4000, updatable = false)
    private String note;

    protected Opinion() {
    }

    Opinion(String dossierCode, Instant at, String actor, String step, String stepName, String decision,
            String decisionLabel, String note) {
        this.dossierCode = dossierCode;
        this.at = at;
        this.actor = actor;
        this.step = step;
        this.stepName = stepName;
        this.decision = decision;
        this.decisionLabel = decisionLabel;
        this.note = note;
    }

    public Long getId() {
        return id;
    }

    public String getDossierCode() {
        return dossierCode;
    }

    public Instant getAt() {
        return at;
    }

    public String getActor() {
        return actor;
    }

    public String getStep() {
        return step;
    }

    public String getStepName() {
        return stepName;
    }

    public String getDecision() {
        return decision;
    }

    public String getDecisionLabel() {
        return decisionLabel;
    }

    public String getNote() {
        return note;
    }
}
