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

import org.hibernate.annotations.Immutable;

/** One line of a dossier's append-only history: a status change, who made it and when. */
@Entity
@Immutable
@Table(name = "dossier_history")
public class StatusChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "dossier_code", nullable = false, updatable = false)
    private String dossierCode;

    @Column(nullable = false, updatable = false)
    private Instant at;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", updatable = false)
    private DossierStatus from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, updatable = false)
    private DossierStatus to;

    /** The step (BPMN activity id) that made the change, when a process step did. */
    @Column(updatable = false)
    private String step;

    @Column(length = 2000, updatable = false)
    private String note;

    protected StatusChange() {
    }

    StatusChange(String dossierCode, Instant at, String actor, DossierStatus from, DossierStatus to, String step,
            String note) {
        this.dossierCode = dossierCode;
        this.at = at;
        this.actor = actor;
        this.from = from;
        this.to = to;
        this.step = step;
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

    public DossierStatus getFrom() {
        return from;
    }

    public DossierStatus getTo() {
        return to;
    }

    public String getStep() {
        return step;
    }

    public String getNote() {
        return note;
    }
}
