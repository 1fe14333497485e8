package vn.motcua.engine;

import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.motcua.text.PlainTexts;

/**
 * Defense in depth behind {@link EngineVariableGuard}, on the completion of every user task (see
 * {@link TaskFactsPlugin}). It refuses the completion
 * <ul>
 * <li>when the task, or an execution between it and its process instance, carries a local variable named like
 * one the engine owns or one a form asks for: such a local hides the process's own value from every listener
 * and expression evaluated there (a local {@code decision} of APPROVE would pass the decision check while the
 * gateway reads the process's REFUSE). Only the facts the engine itself sets on a task for display may be
 * local to it;</li>
 * <li>when a text the forms ask for ({@code note}, {@code reason}, {@code newAssignee}…) holds a character no
 * typed text may hold (a control character, a direction override: see {@link PlainTexts}), whichever API
 * wrote it.</li>
 * </ul>
 */
@Component
class EngineOwnedShadowListener implements TaskListener {

    private static final Locale VI = Locale.forLanguageTag("vi");

    private final MessageSource messages;
    private final FormVariables forms;

    EngineOwnedShadowListener(MessageSource messages, FormVariables forms) {
        this.messages = messages;
        this.forms = forms;
    }

    @Override
    public void notify(DelegateTask task) {
        Set<String> guarded = new TreeSet<>(ProcessVariables.ENGINE_OWNED);
        guarded.addAll(forms.all());
        Set<String> shadowing = new TreeSet<>();
        for (String name : guarded) {
            if (task.hasVariableLocal(name) && !ProcessVariables.TASK_FACTS.contains(name)) {
                shadowing.add(name);
            }
        }
        if (task.getExecution() instanceof ExecutionEntity execution) {
            for (ExecutionEntity scope = execution; scope != null && !scope.isProcessInstanceExecution();
                    scope = scope.getParent()) {
                for (String name : guarded) {
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
        for (String name : forms.all()) {
            if (task.getVariable(name) instanceof String text) {
                OptionalInt refused = PlainTexts.firstRefused(text, true);
                if (refused.isPresent()) {
                    throw new DecisionRejected(messages.getMessage("engine.variables.notPlain",
                            new Object[] {name, PlainTexts.codePoint(refused.getAsInt())}, VI));
                }
            }
        }
    }
}
