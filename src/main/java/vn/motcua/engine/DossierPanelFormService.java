package vn.motcua.engine;

import java.util.Collection;

import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.dossier.DossierProblem;

/**
 * The engine's form service, with the dossier panel ({@link ProcessVariables#DOSSIER_PANEL}) added to a dossier
 * task's form variables: Tasklist's Camunda Forms read a task's form through {@code GET
 * /engine-rest/task/{id}/form-variables}, which asks this service. The panel is built from the dossier tables when the
 * form is opened, so it always shows the dossier as it is now (files added, deadlines moved, a re-appointment), and
 * creating a task, which every step and every escalation does, writes no copy of it.
 *
 * <p>The engine's own command runs first, in the same command: it checks that the caller may read the task's
 * variables (404 or 403 otherwise), and loads the task and its variables, which the panel then takes from the
 * command's cache (the dossier's code, a variable of the task, and its due date). A task of no dossier, or whose
 * dossier is gone, gets no panel; its form says so.
 */
class DossierPanelFormService extends FormServiceImpl {

    private static final Logger log = LoggerFactory.getLogger(DossierPanelFormService.class);

    private final DossierPanels panels;

    DossierPanelFormService(DossierPanels panels) {
        this.panels = panels;
    }

    @Override
    public VariableMap getTaskFormVariables(String taskId, Collection<String> names, boolean deserializeObjectValues) {
        return commandExecutor.execute(context -> {
            VariableMap variables = new GetTaskFormVariablesCmd(taskId, names, deserializeObjectValues).execute(context);
            if (names != null && !names.contains(ProcessVariables.DOSSIER_PANEL)) {
                return variables;
            }
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            if (task != null && task.getVariableLocal(ProcessVariables.DOSSIER_CODE) instanceof String code) {
                try {
                    variables.putValueTyped(ProcessVariables.DOSSIER_PANEL, panels.variable(code, task.getDueDate()));
                } catch (DossierProblem gone) {
                    log.warn("No dossier panel for task {}: {}", taskId, gone.getMessage());
                    variables.remove(ProcessVariables.DOSSIER_PANEL);
                }
            }
            return variables;
        });
    }
}
