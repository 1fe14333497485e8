package vn.motcua.engine;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import vn.motcua.dossier.DecisionRefused;
import vn.motcua.dossier.DossierWorkflow;

/** The dossier module's view of the engine: start, resume after a supplement, open tasks. */
@Component
class DossierWorkflowAdapter implements DossierWorkflow {

    static final String RECEPTION_CHECK = "Task_receptionCheck";

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final DossierTenantProvider tenants;
    private final ObjectProvider<ProcessEngine> engine;

    DossierWorkflowAdapter(RuntimeService runtime, TaskService tasks, DossierTenantProvider tenants,
            ObjectProvider<ProcessEngine> engine) {
        this.engine = engine;
        this.runtime = runtime;
        this.tasks = tasks;
        this.tenants = tenants;
    }

    @Override
    public void start(String dossierCode) {
        DossierTenantProvider.startIn(ProcessVariables.LIFECYCLE_PROCESS, tenants.receivingUnit(dossierCode),
                () -> runtime.startProcessInstanceByKey(ProcessVariables.LIFECYCLE_PROCESS, dossierCode,
                        Map.of(ProcessVariables.DOSSIER_CODE, dossierCode)));
    }

    @Override
    public void receptionDecided(String dossierCode, String officer, String decision, String note,
            Collection<Integer> receivedPapers) {
        Task check = tasks.createTaskQuery().processInstanceBusinessKey(dossierCode)
                .processDefinitionKey(ProcessVariables.LIFECYCLE_PROCESS).taskDefinitionKey(RECEPTION_CHECK)
                .singleResult();
        if (check == null) {
            throw new IllegalStateException("Dossier " + dossierCode + " has no open reception check");
        }
        tasks.setAssignee(check.getId(), officer);
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProcessVariables.DECISION, decision);
        variables.put(ProcessVariables.NOTE, note);
        variables.put(ProcessVariables.RECEIVED_PAPERS,
                SpinValues.jsonValue(receivedPapers.stream().map(p -> "\"" + p + "\"").toList().toString()).create());
        try {
            tasks.complete(check.getId(), variables);
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof DecisionRejected rejected) {
                    throw new DecisionRefused(rejected.getMessage());
                }
            }
            throw e;
        }
    }

    @Override
    public void supplementReceived(String dossierCode) {
        runtime.createMessageCorrelation(ProcessVariables.SUPPLEMENT_MESSAGE)
                .processInstanceBusinessKey(dossierCode)
                .correlate();
    }

    @Override
    public boolean awaitsSupplement(String dossierCode) {
        return awaits(dossierCode, ProcessVariables.SUPPLEMENT_MESSAGE);
    }

    @Override
    public void feesPaid(String dossierCode) {
        runtime.createMessageCorrelation(ProcessVariables.FEES_PAID_MESSAGE)
                .processInstanceBusinessKey(dossierCode)
                .correlate();
    }

    @Override
    public boolean awaitsFees(String dossierCode) {
        return awaits(dossierCode, ProcessVariables.FEES_PAID_MESSAGE);
    }

    private boolean awaits(String dossierCode, String message) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(dossierCode).list().stream()
                .anyMatch(instance -> runtime.createEventSubscriptionQuery()
                        .processInstanceId(instance.getId())
                        .eventType("message")
                        .eventName(message)
                        .count() > 0);
    }

    @Override
    public List<OpenTask> openTasks(String dossierCode) {
        return tasks.createTaskQuery().processInstanceBusinessKey(dossierCode).active().orderByTaskCreateTime().asc()
                .list().stream().map(this::view).flatMap(Optional::stream).toList();
    }

    /**
     * The task as the dossier's view shows it; empty when it ended after the query found it (an officer completed it
     * in that moment: its candidate groups are gone with it, and the task is no longer open).
     */
    Optional<OpenTask> view(Task task) {
        List<String> groups = candidateGroups(task.getId());
        if (groups.isEmpty() && tasks.createTaskQuery().taskId(task.getId()).count() == 0) {
            return Optional.empty();
        }
        return Optional.of(new OpenTask(task.getId(), task.getTaskDefinitionKey(), task.getName(), task.getAssignee(),
                groups, task.getCreateTime().toInstant(),
                task.getDueDate() == null ? null : task.getDueDate().toInstant()));
    }

    /**
     * The task's candidate groups, in one statement. The engine's own read ({@code getIdentityLinksForTask}) first
     * loads the task, its execution and its process definition to check the caller's authorization on the task: three
     * more statements for each open task of each dossier view, where the dossier's visibility is checked already and
     * the task was found by the query before.
     */
    private List<String> candidateGroups(String taskId) {
        Command<List<String>> read = context -> context.getIdentityLinkManager().findIdentityLinksByTaskId(taskId)
                .stream().filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLinkEntity::getGroupId).toList();
        return ((ProcessEngineConfigurationImpl) engine.getObject().getProcessEngineConfiguration())
                .getCommandExecutorTxRequired().execute(read);
    }
}
