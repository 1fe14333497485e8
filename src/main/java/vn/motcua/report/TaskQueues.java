package vn.motcua.report;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the forecast needs from the workflow engine: who holds each dossier's open tasks and how many open tasks
 * they hold. The engine module implements it; the report module does not know the engine.
 */
public interface TaskQueues {

    /**
     * An open task of a dossier and the queue of whoever holds it.
     *
     * @param step      the step key (the task's id without {@code Task_})
     * @param taskName  the task's name, as Tasklist shows it
     * @param assignee  the officer who claimed it, or null
     * @param group     its candidate group, or null
     * @param queue     open tasks of the officer (claimed), or of the group per member (unclaimed)
     * @param meanQueue open tasks of the group per member: the usual queue to compare with
     */
    record Holder(String step, String taskName, String assignee, String group, double queue, double meanQueue) {
    }

    /** The open tasks of the dossiers, by dossier code; codes without an open task are left out. */
    Map<String, List<Holder>> holders(Collection<String> dossierCodes);
}
