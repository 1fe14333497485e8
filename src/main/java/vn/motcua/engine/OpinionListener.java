package vn.motcua.engine;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import vn.motcua.dossier.Opinions;

/**
 * Added to the complete event of every user task (see {@link TaskFactsPlugin}): records what the officer decided and
 * wrote on the dossier's task (the fields of the task's own form: {@code decision}, or {@code returnMethod}, with the
 * label the form showed; {@code note}, or {@code reason}), so that the next step reads it: the leader sees the
 * specialist's opinion before signing.
 */
@Component
class OpinionListener implements TaskListener {

    private final Opinions opinions;
    private final FormVariables forms;
    private final IdentityService identity;

    OpinionListener(Opinions opinions, FormVariables forms, IdentityService identity) {
        this.opinions = opinions;
        this.forms = forms;
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        String code = DossierKeys.of(task);
        if (code == null) {
            return;
        }
        String form = TaskProperties.formKey(task).orElse("");
        String decisionField = forms.writableOn(form, ProcessVariables.DECISION) ? ProcessVariables.DECISION
                : forms.writableOn(form, ProcessVariables.RETURN_METHOD) ? ProcessVariables.RETURN_METHOD : null;
        String decision = decisionField == null ? null : text(task.getVariable(decisionField));
        String label = decision == null ? null : forms.label(form, decisionField, decision).orElse(decision);
        String noteField = forms.writableOn(form, ProcessVariables.NOTE) ? ProcessVariables.NOTE
                : forms.writableOn(form, ProcessVariables.REASON) ? ProcessVariables.REASON : null;
        String note = noteField == null ? null : text(task.getVariable(noteField));
        Authentication auth = identity.getCurrentAuthentication();
        opinions.record(code, task.getTaskDefinitionKey(), task.getName(), decision, label, note,
                auth != null ? auth.getUserId() : task.getAssignee());
    }

    private static String text(Object value) {
        return value instanceof String s ? s : value == null ? null : String.valueOf(value);
    }
}
