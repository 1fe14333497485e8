package vn.motcua.engine;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import vn.motcua.deadline.Deadlines;
import vn.motcua.deadline.Escalation;

/**
 * The timeout listener at a step's due date: records the escalation (once per overdue step) with the officer
 * the step's task is assigned to, and starts the escalation process for the supervisors of the unit that holds the step.
 */
@Component("stepOverdueListener")
class StepOverdueListener implements TaskListener {

    static final String ESCALATION_PROCESS = "stepEscalation";

    private final Deadlines deadlines;
    private final RuntimeService runtime;

    StepOverdueListener(Deadlines deadlines, @Lazy RuntimeService runtime) {
        this.deadlines = deadlines;
        this.runtime = runtime;
    }

    @Override
    public void notify(DelegateTask task) {
        String code = DossierKeys.of(task);
        String step = StepDeadlines.stepOf(task.getTaskDefinitionKey());
        deadlines.escalate(code, step, task.getAssignee()).ifPresent(escalation -> start(task, code, escalation));
    }

    private void start(DelegateTask task, String code, Escalation escalation) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProcessVariables.DOSSIER_CODE, code);
        variables.put(ProcessVariables.ESCALATION_ID, escalation.getId());
        variables.put(ProcessVariables.STEP_TASK_ID, task.getId());
        variables.put(ProcessVariables.STEP_NAME, task.getName());
        variables.put(ProcessVariables.SUPERVISORS_GROUP, escalation.getGroupId());
        SystemAccess.run(() -> DossierTenantProvider.startIn(ESCALATION_PROCESS, Tenants.ofUnit(escalation.getUnitKey()),
                () -> runtime.startProcessInstanceByKey(ESCALATION_PROCESS, code, variables)));
    }
}
