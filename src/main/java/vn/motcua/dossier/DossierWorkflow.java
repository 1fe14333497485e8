package vn.motcua.dossier;

import java.time.Instant;
import java.util.List;

/**
 * What the dossier module needs from the workflow engine. The engine module implements it; the
 * dossier code is the business key of the process instance and of every process it calls.
 */
public interface DossierWorkflow {

    /** Starts the one-stop lifecycle of a new dossier, in the caller's transaction. */
    void start(String dossierCode);

    /**
     * The counter checked a new dossier on the spot: completes its reception check as {@code officer}, with the
     * decision (APPROVE, SUPPLEMENT, REFUSE), the officer's note and the papers received (positions in the dossier's
     * checklist), exactly as the officer would in Tasklist. A decision the task refuses throws {@link DecisionRefused}.
     */
    void receptionDecided(String dossierCode, String officer, String decision, String note,
            java.util.Collection<Integer> receivedPapers);

    /** Tells the waiting process that the citizen has brought the requested supplement. */
    void supplementReceived(String dossierCode);

    /** Whether the dossier's process is waiting for a supplement from the citizen. */
    boolean awaitsSupplement(String dossierCode);

    /** Tells the waiting process that the citizen has paid the fees and taxes assessed. */
    void feesPaid(String dossierCode);

    /** Whether the dossier's process is waiting for the citizen's financial obligation. */
    boolean awaitsFees(String dossierCode);

    /** Open user tasks of the dossier, in its own process and every process it called. */
    List<OpenTask> openTasks(String dossierCode);

    record OpenTask(String id, String step, String name, String assignee, List<String> candidateGroups,
            Instant created, Instant due) {
    }
}
