package vn.motcua.online;

/** Why a file belongs to a dossier. */
public enum AttachmentKind {
    /** Sent by the citizen with the online application. */
    APPLICATION,
    /** Sent by the citizen after a supplement request (Form 02). */
    SUPPLEMENT,
    /** The electronic result, added by staff when handling is done. */
    RESULT
}
