package vn.motcua.report;

import java.util.Collection;
import java.util.Map;

/**
 * What the reports need from the workflow engine to link a dossier to Cockpit. The engine module
 * implements it; the report module does not know the engine.
 */
public interface ProcessLinks {

    /**
     * The running lifecycle process instance of each dossier (its business key is the dossier code).
     *
     * @return process instance ids by dossier code; codes without a running lifecycle are left out
     */
    Map<String, String> lifecycleInstances(Collection<String> dossierCodes);
}
