package vn.motcua.dossier;

import java.util.List;
import java.util.Map;

/**
 * Another module's part of a dossier's staff view ({@code GET /api/dossiers/{code}}): the dossier
 * module does not know those modules, they know it.
 */
public interface DossierDetails {

    /**
     * Adds this module's sections to the view, keyed by their JSON names.
     *
     * @param history the dossier's status changes, oldest first, as the view read them (not to be read again)
     */
    void addTo(Dossier dossier, List<StatusChange> history, Map<String, Object> view);
}
