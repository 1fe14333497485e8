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

    /** Handling ended for this dossier (finished, in the indicators' sense). */
    public boolean finishes() {
        return this == DONE || this == STOPPED || this == REFUSED || this == WITHDRAWN;
    }
}
