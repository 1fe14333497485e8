package vn.motcua.engine;

import java.util.Locale;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import vn.motcua.deadline.Deadlines;

/**
 * Checks a supervisor's escalation decision before the task completes: REASSIGN needs an officer
 * who may work the overdue step and the step still open; EXTEND needs a dossier that may still be
 * re-appointed. A rejected decision leaves the task open with the reason.
 */
@Component("escalationDecisionListener")
class EscalationDecisionListener implements TaskListener {

    private final TaskService tasks;
    private final IdentityService identity;
    private final Deadlines deadlines;
    private final MessageSource messages;

    EscalationDecisionListener(@Lazy TaskService tasks, @Lazy IdentityService identity, Deadlines deadlines,
            MessageSource messages) {
        this.tasks = tasks;
        this.identity = identity;
        this.deadlines = deadlines;
        this.messages = messages;
    }

    @Override
    public void notify(DelegateTask task) {
        Object decision = task.getVariable(ProcessVariables.DECISION);
        String code = DossierKeys.of(task);
        if ("REASSIGN".equals(decision)) {
            String officer = task.getVariable(ProcessVariables.NEW_ASSIGNEE) instanceof String s ? s.strip() : "";
            String stepTaskId = (String) task.getVariable(ProcessVariables.STEP_TASK_ID);
            // the overdue step must be this dossier's: the escalation's business key, not a variable, says which
            Task step = SystemAccess.call(() -> tasks.createTaskQuery().taskId(stepTaskId)
                    .processInstanceBusinessKey(code).singleResult());
            if (step == null) {
                throw new DecisionRejected(message("escalation.step.closed"));
            }
            if (officer.isEmpty() || !mayWork(stepTaskId, officer)) {
                throw new DecisionRejected(message("escalation.assignee.invalid", officer));
            }
            task.setVariable(ProcessVariables.NEW_ASSIGNEE, officer);
        } else if ("EXTEND".equals(decision) && !deadlines.canReappoint(code)) {
            throw new DecisionRejected(message("escalation.extend.notAllowed"));
        }
    }

    private boolean mayWork(String stepTaskId, String officer) {
        return SystemAccess.call(() -> tasks.getIdentityLinksForTask(stepTaskId).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .anyMatch(link -> identity.createUserQuery().userId(officer).memberOfGroup(link.getGroupId())
                        .count() > 0));
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, key, Locale.forLanguageTag("vi"));
    }
}
