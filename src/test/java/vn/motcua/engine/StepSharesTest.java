package vn.motcua.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.motcua.MotcuaTest;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.StepShare;

/**
 * Every step of every procedure has its share of the statutory time: the catalog's steps are
 * exactly the deadline-carrying user tasks of the procedure's handling process plus the result
 * return of the lifecycle (the reception check comes before the statutory clock).
 */
@MotcuaTest
class StepSharesTest {

    @Autowired Catalog catalog;
    @Autowired RepositoryService repository;

    @Test
    void theCatalogsStepsAreTheStepsOfEachProceduresProcesses() {
        Set<String> lifecycle = steps("dossierLifecycle");
        assertThat(lifecycle).containsExactlyInAnyOrder("receptionCheck", "returnResult");
        for (Procedure procedure : catalog.procedures()) {
            Set<String> expected = new TreeSet<>(steps(procedure.getProcessKey()));
            expected.add("returnResult");
            Set<String> declared = new TreeSet<>();
            procedure.getSteps().stream().map(StepShare::step).forEach(declared::add);
            assertThat(declared).as("steps of %s (%s)", procedure.getCode(), procedure.getProcessKey())
                    .isEqualTo(expected);
        }
    }

    /**
     * The steps of a process: its user tasks whose due date comes from the deadlines, and those of
     * the processes it calls (an interconnected set's agency parts).
     */
    private Set<String> steps(String processKey) {
        String id = repository.createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion()
                .singleResult().getId();
        BpmnModelInstance model = repository.getBpmnModelInstance(id);
        Set<String> steps = new TreeSet<>();
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            if (task.getCamundaDueDate() != null && task.getCamundaDueDate().contains("deadlines.due")) {
                steps.add(StepDeadlines.stepOf(task.getId()));
            }
        }
        for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
            // the lifecycle's call of "the procedure's handling process" is an expression: followed per procedure
            if (!call.getCalledElement().startsWith("${")) {
                steps.addAll(steps(call.getCalledElement()));
            }
        }
        return steps;
    }
}
