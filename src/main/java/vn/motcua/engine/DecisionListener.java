package vn.motcua.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.motcua.text.PlainTexts;

/**
 * Validates the decision of a user task when it completes: {@code decision} must be one of the
 * values the task declares in its {@code decisions} property, and any decision other than APPROVE
 * needs a note (what is missing, or the reasons), since Forms 02, 03 and 05 must state them.
 * The note must be plain text (no control or direction characters, see {@code PlainText}).
 * A rejected completion leaves the task open and answers 400 through the REST API.
 */
@Component("decisionListener")
class DecisionListener implements TaskListener {

    static final String APPROVE = "APPROVE";

    private final MessageSource messages;

    DecisionListener(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public void notify(DelegateTask task) {
        if (TaskProperties.of(task, ProcessVariables.NOTE_PROPERTY).filter("required"::equals).isPresent()) {
            // a task that records a fact from a paper (the payment's receipt) must say which paper
            Object note = task.getVariable(ProcessVariables.NOTE);
            if (!(note instanceof String text) || text.isBlank()) {
                throw new DecisionRejected(message("task.note.fact.required"));
            }
            if (!PlainTexts.isPlain(text, true)) {
                throw new DecisionRejected(message("task.note.plain",
                        PlainTexts.codePoint(PlainTexts.firstRefused(text, true).getAsInt())));
            }
        }
        List<String> allowed = allowedDecisions(task);
        if (allowed.isEmpty()) {
            return;
        }
        Object decision = task.getVariable(ProcessVariables.DECISION);
        if (!(decision instanceof String value) || !allowed.contains(value)) {
            throw new DecisionRejected(message("task.decision.invalid", String.join(", ", allowed)));
        }
        Object note = task.getVariable(ProcessVariables.NOTE);
        if (note instanceof String text && !PlainTexts.isPlain(text, true)) {
            throw new DecisionRejected(message("task.note.plain",
                    PlainTexts.codePoint(PlainTexts.firstRefused(text, true).getAsInt())));
        }
        if (!APPROVE.equals(value) && (!(note instanceof String text) || text.isBlank())) {
            throw new DecisionRejected(message("task.note.required"));
        }
    }

    static List<String> allowedDecisions(DelegateTask task) {
        UserTask element = task.getBpmnModelElementInstance();
        if (element == null || element.getExtensionElements() == null) {
            return List.of();
        }
        return element.getExtensionElements().getElementsQuery()
                .filterByType(CamundaProperties.class).list().stream()
                .flatMap(p -> p.getCamundaProperties().stream())
                .filter(p -> ProcessVariables.DECISIONS_PROPERTY.equals(p.getCamundaName()))
                .map(CamundaProperty::getCamundaValue)
                .flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .toList();
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, key, Locale.forLanguageTag("vi"));
    }
}
