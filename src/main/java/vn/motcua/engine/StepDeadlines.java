package vn.motcua.engine;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import vn.motcua.catalog.Role;
import vn.motcua.deadline.Deadlines;
import vn.motcua.deadline.Handover;

/**
 * Deadlines for BPMN expressions, computed by the project's working calendar (a {@link Date}
 * bypasses Camunda's business calendar): a user task's {@code camunda:dueDate} and
 * {@code camunda:followUpDate}, the timers of its timeout listeners, and the appointment watch.
 * A step is the user task whose id is {@code Task_<step>}; asking for its due date starts its clock.
 */
@Component("deadlines")
public class StepDeadlines {

    static final String TASK_PREFIX = "Task_";

    private final Deadlines deadlines;

    StepDeadlines(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    /** The due date of the step the execution is in. */
    public Date due(DelegateExecution execution) {
        return Date.from(step(execution).getDueAt());
    }

    /** When the step the execution is in becomes due soon (its follow-up date). */
    public Date dueSoon(DelegateExecution execution) {
        return Date.from(deadlines.dueSoonAt(step(execution)));
    }

    /** When the dossier, not yet done, needs an apology and a new appointment. */
    public Date atRisk(DelegateExecution execution) {
        return Date.from(deadlines.atRiskAt(code(execution)));
    }

    /** When the supervisors should have decided on an overdue step. */
    public Date escalationResponse(DelegateExecution execution) {
        return Date.from(deadlines.escalationResponseDue());
    }

    /** The dossier's current appointment: the apology must reach the citizen before it. */
    public Date appointment(DelegateExecution execution) {
        return Date.from(deadlines.appointment(code(execution)));
    }

    public boolean canReappoint(DelegateExecution execution) {
        return deadlines.canReappoint(code(execution));
    }

    /** The officers of the unit holding the dossier, who draft its apology. */
    public List<String> holdingOfficers(DelegateExecution execution) {
        String unit = deadlines.holdingUnit(code(execution));
        return List.of(Role.SPECIALISTS.groupOf(unit), Role.LEADERS.groupOf(unit));
    }

    /** The supervisors of the unit holding the dossier, who approve its new appointment. */
    public List<String> holdingSupervisors(DelegateExecution execution) {
        return List.of(Role.SUPERVISORS.groupOf(deadlines.holdingUnit(code(execution))));
    }

    private Handover step(DelegateExecution execution) {
        return deadlines.step(code(execution), stepOf(execution.getCurrentActivityId()));
    }

    static String stepOf(String activityId) {
        return activityId != null && activityId.startsWith(TASK_PREFIX) ? activityId.substring(TASK_PREFIX.length())
                : activityId;
    }

    private static String code(DelegateExecution execution) {
        return DossierKeys.of(execution);
    }
}
