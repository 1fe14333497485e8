package vn.motcua.engine;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps the task facts ({@link ProcessVariables#TASK_FACTS}: the dossier panel, the cards' applicant, procedure,
 * unit and dates, the checklist's choices) out of the engine's history. They are copies of the dossier tables that
 * {@link TaskFactsListener} writes on every task for Tasklist to show, refreshed when the dossier changes; the
 * dossier's own history and its status lines are the record. Kept, each of them wrote a variable row and a detail
 * row (and, for the panel, two byte arrays) per task and per refresh into the history tables of every dossier, about
 * two in three of its variable history, read by nobody.
 *
 * <p>Only the task-local copies are left out: a process variable of the same name (the dossier's code on the
 * instance) keeps its history, and so does everything an officer decides on a task (decision, note, papers).
 * The history level stays {@code full}; the engine's own database handler writes every other event.
 */
@Component
class TaskFactsHistoryPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
        handlers.add(new WithoutTaskFacts(new DbHistoryEventHandler()));
        configuration.setCustomHistoryEventHandlers(handlers);
        configuration.setEnableDefaultDbHistoryEventHandler(false);
    }

    /** Whether the event is the history of a task fact: a task-local variable of one of those names. */
    static boolean isTaskFact(HistoryEvent event) {
        return event instanceof HistoricVariableUpdateEventEntity variable && variable.getTaskId() != null
                && ProcessVariables.TASK_FACTS.contains(variable.getVariableName());
    }

    /** The engine's database handler, given every event but the task facts'. */
    record WithoutTaskFacts(HistoryEventHandler database) implements HistoryEventHandler {

        @Override
        public void handleEvent(HistoryEvent event) {
            if (!isTaskFact(event)) {
                database.handleEvent(event);
            }
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            for (HistoryEvent event : events) {
                handleEvent(event);
            }
        }
    }
}
