package vn.motcua.dossier;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One stop of a received dossier's clock (a supplement, or the fees of an interconnected procedure): when it
 * stopped, when it started again (null while it stands) and the statutory due it had meanwhile, so that a past
 * period's indicators judge the dossier as it stood then ({@link DossierStatistics}).
 */
@Entity
@Table(name = "dossier_pause")
class DossierPause {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "dossier_code", nullable = false)
    private String dossierCode;

    @Column(name = "paused_at", nullable = false)
    private Instant pausedAt;

    @Column(name = "resumed_at")
    private Instant resumedAt;

    @Column(name = "due_before")
    private Instant dueBefore;

    protected DossierPause() {
    }

    DossierPause(String dossierCode, Instant pausedAt, Instant dueBefore) {
        this.dossierCode = dossierCode;
        this.pausedAt = pausedAt;
        this.dueBefore = dueBefore;
    }

    void resumed(Instant at) {
        this.resumedAt = at;
    }
}
