package vn.motcua.engine;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import vn.motcua.deadline.Deadlines;

/**
 * Added to the complete event of every user task (see {@link TaskFactsPlugin}): ends the step's
 * clock with its verdict, or keeps it open when the officer asked the citizen for a supplement.
 */
@Component
class StepEndListener implements TaskListener {

    static final String SUPPLEMENT = "SUPPLEMENT";

    private final Deadlines deadlines;
    private final IdentityService identity;

    StepEndListener(Deadlines deadlines, IdentityService identity) {
        this.deadlines = deadlines;
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        String code = DossierKeys.of(task);
        if (code == null) {
            return;
        }
        Authentication auth = identity.getCurrentAuthentication();
        String actor = auth != null ? auth.getUserId() : task.getAssignee();
        boolean supplement = SUPPLEMENT.equals(task.getVariable(ProcessVariables.DECISION));
        deadlines.stepEnded(code, StepDeadlines.stepOf(task.getTaskDefinitionKey()), actor, supplement);
    }
}
