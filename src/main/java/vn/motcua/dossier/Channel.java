package vn.motcua.dossier;

/** How the dossier was filed. */
public enum Channel {
    COUNTER,
    ONLINE
}
