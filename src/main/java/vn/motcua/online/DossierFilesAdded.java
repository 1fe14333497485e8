package vn.motcua.online;

/** Files of this kind were added to a dossier, in the transaction that publishes this (they are kept if it commits). */
public record DossierFilesAdded(String dossierCode, AttachmentKind kind) {
}
