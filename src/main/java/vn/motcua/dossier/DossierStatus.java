package vn.motcua.dossier;

/** A dossier's status, with the national public service portal's codes. */
public enum DossierStatus {
    NEW(1),
    RECEIVED(2),
    REFUSED(3),
    IN_PROGRESS(4),
    SUPPLEMENT_REQUESTED(5),
    FEES_DUE(6),
    WITHDRAWN(7),
    STOPPED(8),
    DONE(9),
    RETURNED(10);

    private final int code;

    DossierStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** Key of the Vietnamese label in the message bundle. */
    public String messageKey() {
        return "dossier.status." + code;
    }

    /**
     * Waiting on the citizen after reception: a supplement, or the financial obligation of an
     * interconnected land procedure. The statutory clock stands meanwhile.
     */
    public boolean pausesTheClock() {
        return this == SUPPLEMENT_REQUESTED || this == FEES_DUE;
    }

    /** Handling ended for this dossier (finished, in the indicators' sense). */
    public boolean finishes() {
        return this == DONE || this == STOPPED || this == REFUSED || this == WITHDRAWN;
    }
}
