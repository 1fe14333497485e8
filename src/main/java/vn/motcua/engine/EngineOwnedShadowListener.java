package vn.motcua.engine;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Defense in depth behind {@link EngineVariableGuard}, on the completion of every user task (see
 * {@link TaskFactsPlugin}): refuses the completion when the task, or an execution between it and its
 * process instance, carries a local variable named like one the engine owns, since such a local would
 * shadow the process's own value for every listener and expression evaluated there. Only the facts
 * the engine itself sets on a task for display may be local to it.
 */
@Component
class EngineOwnedShadowListener implements TaskListener {

    private static final Locale VI = Locale.forLanguageTag("vi");

    private final MessageSource messages;

    EngineOwnedShadowListener(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public void notify(DelegateTask task) {
        Set<String> shadowing = new TreeSet<>();
        for (String name : ProcessVariables.ENGINE_OWNED) {
            if (task.hasVariableLocal(name) && !ProcessVariables.TASK_FACTS.contains(name)) {
                shadowing.add(name);
            }
        }
        if (task.getExecution() instanceof ExecutionEntity execution) {
            for (ExecutionEntity scope = execution; scope != null && !scope.isProcessInstanceExecution();
                    scope = scope.getParent()) {
                for (String name : ProcessVariables.ENGINE_OWNED) {
                    if (scope.hasVariableLocal(name)) {
                        shadowing.add(name);
                    }
                }
            }
        }
        if (!shadowing.isEmpty()) {
            throw new DecisionRejected(messages.getMessage("engine.variables.shadowed",
                    new Object[] {String.join(", ", shadowing)}, VI));
        }
    }
}
