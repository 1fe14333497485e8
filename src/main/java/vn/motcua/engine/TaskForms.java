package vn.motcua.engine;

import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Which Camunda Form a task shows ({@code camunda:formRef}), looked up by the system for {@link EngineVariableGuard}:
 * without the caller's authorization and tenant checks, since the guard only narrows what the caller may
 * write; whether the caller may touch the task at all the engine decides afterwards.
 */
@Component
class TaskForms {

    private final ObjectProvider<ProcessEngine> engine;

    TaskForms(ObjectProvider<ProcessEngine> engine) {
        this.engine = engine;
    }

    /** The form key of the task's Camunda Form; empty when there is no such task or it shows none. */
    Optional<String> formKey(String taskId) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getObject().getProcessEngineConfiguration();
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
        return configuration.getCommandExecutorTxRequired().execute(lookUp);
    }
}
