package vn.motcua.engine;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import vn.motcua.dossier.DossierWorkflow;

/** The dossier module's view of the engine: start, resume after a supplement, open tasks. */
@Component
class DossierWorkflowAdapter implements DossierWorkflow {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final DossierTenantProvider tenants;

    DossierWorkflowAdapter(RuntimeService runtime, TaskService tasks, DossierTenantProvider tenants) {
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
                .list().stream().map(this::view).toList();
    }

    private OpenTask view(Task task) {
        List<String> groups = tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
        return new OpenTask(task.getId(), task.getTaskDefinitionKey(), task.getName(), task.getAssignee(), groups,
                task.getCreateTime().toInstant(), task.getDueDate() == null ? null : task.getDueDate().toInstant());
    }
}
