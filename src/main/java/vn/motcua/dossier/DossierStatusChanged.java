package vn.motcua.dossier;

import java.time.Instant;

/**
 * Published inside the transaction whenever a dossier changes status, so that other modules (the
 * deadlines, the engine) follow its clock.
 *
 * @param clock         what the change did to the dossier's clock
 * @param waitedMinutes for {@link Clock#RESUMED}: the working minutes spent waiting for the
 *                      supplement, by which the deadlines moved
 */
public record DossierStatusChanged(String code, DossierStatus from, DossierStatus to, Instant at, Clock clock,
        long waitedMinutes) {

    /** The statutory clock: it starts at reception, pauses for a supplement during handling, ends when finished. */
    public enum Clock {
        STARTED, PAUSED, RESUMED, RUNNING, ENDED, NOT_STARTED
    }
}
