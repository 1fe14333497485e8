package vn.motcua.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * The dossier a process works on: its process instance's business key, set by the code that starts
 * the process (or passed on by a call activity) and never by a caller of the REST API. The
 * {@code dossierCode} variable is only a copy shown in Tasklist's lists; nothing decides from it.
 */
final class DossierKeys {

    private DossierKeys() {
    }

    static String of(DelegateExecution execution) {
        return execution.getProcessBusinessKey();
    }

    static String of(DelegateTask task) {
        DelegateExecution execution = task.getExecution();
        return execution == null ? null : execution.getProcessBusinessKey();
    }
}
