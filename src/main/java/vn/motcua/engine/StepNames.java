package vn.motcua.engine;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The human name of a step of a dossier's history: the name its BPMN element has in the deployed processes
 * ({@code Task_markReceived} → "Tiếp nhận, hẹn trả kết quả"), or for the steps the application records itself
 * (a re-appointment, a calendar change, the filing) the name in the message bundle ({@code step.name.<id>}). Read
 * once, by the system: processes are deployed only with the application's own version.
 */
@Component
class StepNames {

    private static final Locale VI = Locale.forLanguageTag("vi");

    private final ObjectProvider<ProcessEngine> engine;
    private final MessageSource messages;
    private volatile Map<String, String> names;

    StepNames(ObjectProvider<ProcessEngine> engine, MessageSource messages) {
        this.engine = engine;
        this.messages = messages;
    }

    /** The step's name, or the given fallback when neither the processes nor the bundle name it. */
    String of(String step, String fallback) {
        if (step == null || step.isBlank()) {
            return fallback;
        }
        String bundled = messages.getMessage("step.name." + step, null, null, VI);
        if (bundled != null) {
            return bundled;
        }
        String named = names().get(step);
        return named != null && !named.isBlank() ? named.replaceAll("\\s+", " ").strip() : fallback;
    }

    private Map<String, String> names() {
        Map<String, String> known = names;
        if (known == null) {
            known = load();
            names = known;
        }
        return known;
    }

    private Map<String, String> load() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getObject().getProcessEngineConfiguration();
        var repository = configuration.getRepositoryService();
        java.util.function.Supplier<Map<String, String>> read = () -> {
            Map<String, String> found = new HashMap<>();
            for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
                BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
                for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
                    if (node.getName() != null) {
                        found.putIfAbsent(node.getId(), node.getName());
                    }
                }
            }
            return found;
        };
        if (Context.getCommandContext() != null) {
            return Map.copyOf(SystemAccess.call(read));
        }
        Command<Map<String, String>> command = context -> SystemAccess.call(read);
        return Map.copyOf(configuration.getCommandExecutorTxRequired().execute(command));
    }
}
