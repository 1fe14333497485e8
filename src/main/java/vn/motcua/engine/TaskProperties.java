package vn.motcua.engine;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/** What a user task's BPMN element says of it: its extension properties and the Camunda Form it shows. */
final class TaskProperties {

    private TaskProperties() {
    }

    /** The value of the task's {@code camunda:property} of this name, if it has one. */
    static Optional<String> of(DelegateTask task, String name) {
        UserTask element = task.getBpmnModelElementInstance();
        if (element == null || element.getExtensionElements() == null) {
            return Optional.empty();
        }
        return element.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(p -> p.getCamundaProperties().stream())
                .filter(p -> name.equals(p.getCamundaName()))
                .map(CamundaProperty::getCamundaValue)
                .findFirst();
    }

    /** The key of the Camunda Form the task shows ({@code camunda:formRef}), if any. */
    static Optional<String> formKey(DelegateTask task) {
        UserTask element = task.getBpmnModelElementInstance();
        return Optional.ofNullable(element == null ? null : element.getCamundaFormRef());
    }
}
