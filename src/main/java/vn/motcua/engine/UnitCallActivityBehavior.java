package vn.motcua.engine;

import org.camunda.bpm.engine.impl.bpmn.behavior.CallActivityBehavior;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.delegate.ActivityExecution;
import org.camunda.bpm.engine.impl.pvm.process.ProcessDefinitionImpl;
import org.camunda.bpm.engine.impl.util.CallableElementUtil;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * A call activity whose called instance belongs to the unit that works in it, not to its caller's
 * tenant, which the engine would otherwise give it (it asks the tenant id provider only for an
 * instance without one). The tenant is set before the instance starts, so its variables, tasks, jobs
 * and history all carry it.
 */
class UnitCallActivityBehavior extends CallActivityBehavior {

    private final DossierTenantProvider tenants;

    UnitCallActivityBehavior(CallActivityBehavior original, DossierTenantProvider tenants) {
        this.tenants = tenants;
        setCallableElement(original.getCallableElement());
    }

    @Override
    protected void startInstance(ActivityExecution execution, VariableMap variables, String businessKey) {
        ExecutionEntity caller = (ExecutionEntity) execution;
        ProcessDefinitionImpl definition = CallableElementUtil.getProcessDefinitionToCall(caller,
                caller.getProcessDefinitionTenantId(), getCallableElement());
        ExecutionEntity called = (ExecutionEntity) caller.createSubProcessInstance(definition, businessKey);
        if (((ProcessDefinitionEntity) definition).getTenantId() == null) {
            called.setTenantId(tenants.calledBy(businessKey != null ? businessKey : caller.getProcessBusinessKey(),
                    (ProcessDefinitionEntity) definition));
        }
        called.start(variables);
    }
}
