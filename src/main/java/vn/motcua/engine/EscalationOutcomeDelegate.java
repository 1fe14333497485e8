package vn.motcua.engine;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import vn.motcua.deadline.Deadlines;
import vn.motcua.deadline.Escalation;

/**
 * Carries out the supervisors' escalation decision and records it: REASSIGN gives the overdue
 * task to the chosen officer, EXTEND sends the dossier's appointment watch to the apology and new
 * appointment (Form 04), URGE is recorded here and mailed by its own asynchronous step.
 */
@Component("escalationOutcomeDelegate")
class EscalationOutcomeDelegate implements JavaDelegate {

    private final Deadlines deadlines;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final IdentityService identity;

    EscalationOutcomeDelegate(Deadlines deadlines, @Lazy TaskService tasks, @Lazy RuntimeService runtime,
            @Lazy IdentityService identity) {
        this.deadlines = deadlines;
        this.tasks = tasks;
        this.runtime = runtime;
        this.identity = identity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Escalation.Outcome outcome = Escalation.Outcome.valueOf((String) execution.getVariable(ProcessVariables.DECISION));
        String code = DossierKeys.of(execution);
        Authentication auth = identity.getCurrentAuthentication();
        long escalationId = ((Number) execution.getVariable(ProcessVariables.ESCALATION_ID)).longValue();
        if (!deadlines.escalation(escalationId).getDossierCode().equals(code)) {
            throw new IllegalStateException("Escalation " + escalationId + " is not about dossier " + code);
        }
        deadlines.decide(escalationId, outcome,
                auth == null ? null : auth.getUserId(), (String) execution.getVariable(ProcessVariables.NOTE));
        switch (outcome) {
            case REASSIGN -> SystemAccess.run(() -> tasks.setAssignee(
                    (String) execution.getVariable(ProcessVariables.STEP_TASK_ID),
                    (String) execution.getVariable(ProcessVariables.NEW_ASSIGNEE)));
            // when the watch is not waiting, an apology is already being drafted: nothing more to start
            case EXTEND -> SystemAccess.run(() -> runtime.createMessageCorrelation(ProcessVariables.EXTENSION_MESSAGE)
                    .processInstanceBusinessKey(code).correlateAllWithResult());
            case URGE -> {
            }
        }
    }
}
