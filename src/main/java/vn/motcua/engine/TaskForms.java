package vn.motcua.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which Camunda Form a task shows ({@code camunda:formRef}), looked up by the system for {@link EngineVariableGuard}:
 * without the caller's authorization and tenant checks, since the guard only narrows what the caller may
 * write; whether the caller may touch the task at all the engine decides afterwards.
 *
 * <p>The guard asks before every task operation that writes variables (each completion). A task's form is its
 * step's in its process definition, and a deployed definition never changes: so the task's definition and step
 * are read in one statement, outside any transaction, and the form of each step is kept once known. Only a form
 * named by an expression (none is here) is evaluated on the task each time, in a command as before.
 */
@Component
class TaskForms {

    private final ObjectProvider<ProcessEngine> engine;
    private final JdbcTemplate jdbc;
    /** The form of each step known so far, by process definition id and step ({@code id \n step}). */
    private final Map<String, Optional<String>> byStep = new ConcurrentHashMap<>();

    TaskForms(ObjectProvider<ProcessEngine> engine, JdbcTemplate jdbc) {
        this.engine = engine;
        this.jdbc = jdbc;
    }

    /** The form key of the task's Camunda Form; empty when there is no such task or it shows none. */
    Optional<String> formKey(String taskId) {
        ProcessEngineConfigurationImpl configuration = configuration();
        List<String[]> found = jdbc.query("select PROC_DEF_ID_, TASK_DEF_KEY_ from "
                + configuration.getDatabaseTablePrefix() + "ACT_RU_TASK where ID_ = ?",
                (rs, row) -> new String[] {rs.getString(1), rs.getString(2)}, taskId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        String definition = found.get(0)[0];
        String step = found.get(0)[1];
        if (definition == null || step == null) {
            return onTask(taskId);
        }
        String key = definition + "\n" + step;
        Optional<String> known = byStep.get(key);
        if (known != null) {
            return known;
        }
        Optional<Optional<String>> fixed = configuration.getCommandExecutorTxRequired().execute(fixedForm(definition, step));
        if (fixed.isEmpty()) {
            return onTask(taskId);
        }
        byStep.put(key, fixed.get());
        return fixed.get();
    }

    /**
     * The form the step names without an expression (empty inside when it names none); empty outside when it names
     * it by an expression, to be evaluated on the task, or when the definition has no such step.
     */
    private static Command<Optional<Optional<String>>> fixedForm(String definitionId, String step) {
        return context -> {
            ProcessDefinitionEntity definition = context.getProcessEngineConfiguration().getDeploymentCache()
                    .findDeployedProcessDefinitionById(definitionId);
            TaskDefinition task = definition.getTaskDefinitions().get(step);
            if (task == null) {
                return Optional.empty();
            }
            Expression form = task.getCamundaFormDefinitionKey();
            if (form == null) {
                return Optional.of(Optional.empty());
            }
            return form.isLiteralText() ? Optional.of(Optional.of(form.getExpressionText())) : Optional.empty();
        };
    }

    /** The form key evaluated on the task itself, in a command of its own. */
    private Optional<String> onTask(String taskId) {
        Command<Optional<String>> lookUp = context -> {
            boolean tenantCheck = context.isTenantCheckEnabled();
            context.disableTenantCheck();
            try {
                return context.runWithoutAuthorization(() -> {
                    TaskEntity task = context.getTaskManager().findTaskById(taskId);
                    if (task == null) {
                        return Optional.<String>empty();
                    }
                    task.initializeFormKey();
                    CamundaFormRef form = task.getCamundaFormRef();
                    return Optional.ofNullable(form == null ? null : form.getKey());
                });
            } finally {
                context.setTenantCheckEnabled(tenantCheck);
            }
        };
        return configuration().getCommandExecutorTxRequired().execute(lookUp);
    }

    private ProcessEngineConfigurationImpl configuration() {
        return (ProcessEngineConfigurationImpl) engine.getObject().getProcessEngineConfiguration();
    }
}
