package vn.motcua.engine;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.motcua.deadline.Deadlines;
import vn.motcua.deadline.DeadlinesMoved;
import vn.motcua.deadline.Handover;
import vn.motcua.dossier.DossierStatusChanged;

/**
 * Keeps the engine's timers in step with the dossier's clock: reception starts the appointment
 * watch; a pause and its end are passed on to the watch; when deadlines move (end of a pause, a
 * calendar change) the dossier's timers are recalculated and its open tasks get their new due and
 * follow-up dates (steps' tasks from their step, the apology's from the appointment, the supervisors'
 * from when they were asked); a finished dossier ends its watch.
 */
@Component
class ClockFollower {

    /** User tasks whose {@code camunda:dueDate} is the dossier's appointment ({@code deadlines.appointment}). */
    static final Set<String> APPOINTMENT_TASKS = Set.of("Task_draftApology", "Task_approveApology");
    /** The supervisors' task on an overdue step ({@code deadlines.escalationResponse}). */
    static final String ESCALATION_TASK = "Task_handleEscalation";

    private final RuntimeService runtime;
    private final ManagementService management;
    private final TaskService tasks;
    private final Deadlines deadlines;
    private final DossierTenantProvider tenants;

    ClockFollower(@Lazy RuntimeService runtime, @Lazy ManagementService management, @Lazy TaskService tasks,
            Deadlines deadlines, DossierTenantProvider tenants) {
        this.tenants = tenants;
        this.runtime = runtime;
        this.management = management;
        this.tasks = tasks;
        this.deadlines = deadlines;
    }

    @EventListener
    void onStatusChanged(DossierStatusChanged change) {
        switch (change.clock()) {
            case STARTED -> SystemAccess.run(() -> DossierTenantProvider.startIn(ProcessVariables.WATCH_PROCESS,
                    tenants.receivingUnit(change.code()), () -> runtime.startProcessInstanceByKey(
                            ProcessVariables.WATCH_PROCESS, change.code(),
                            Map.of(ProcessVariables.DOSSIER_CODE, change.code()))));
            // the step's own timers went with its completed task; the appointment watch waits
            case PAUSED -> correlate(ProcessVariables.PAUSED_MESSAGE, change.code());
            // the watch computes its timer again from the moved appointment
            case RESUMED -> correlate(ProcessVariables.RESUMED_MESSAGE, change.code());
            case ENDED -> correlate(ProcessVariables.FINISHED_MESSAGE, change.code());
            default -> {
            }
        }
    }

    /** Delivers the message to the dossier's processes waiting for it, if any. */
    private void correlate(String message, String code) {
        SystemAccess.run(() -> runtime.createMessageCorrelation(message).processInstanceBusinessKey(code)
                .correlateAllWithResult());
    }

    @EventListener
    void onDeadlinesMoved(DeadlinesMoved moved) {
        SystemAccess.run(() -> moved.dossierCodes().forEach(this::follow));
    }

    private void follow(String code) {
        for (Job job : timers(code)) {
            management.recalculateJobDuedate(job.getId(), false);
        }
        for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(code).list()) {
            String key = task.getTaskDefinitionKey();
            Optional<Handover> step = deadlines.openStep(code, StepDeadlines.stepOf(key));
            if (step.isPresent()) {
                task.setDueDate(Date.from(step.get().getDueAt()));
                task.setFollowUpDate(Date.from(deadlines.dueSoonAt(step.get())));
                tasks.saveTask(task);
            } else if (APPOINTMENT_TASKS.contains(key)) {
                // the apology and its approval are due before the citizen's appointment
                setDue(task, deadlines.appointment(code));
            } else if (ESCALATION_TASK.equals(key)) {
                // the supervisors' response, counted in working time from when they were asked
                setDue(task, deadlines.escalationResponseDue(task.getCreateTime().toInstant()));
            }
        }
    }

    private void setDue(Task task, java.time.Instant due) {
        if (task.getDueDate() == null || !task.getDueDate().toInstant().equals(due)) {
            task.setDueDate(Date.from(due));
            tasks.saveTask(task);
        }
    }

    private List<Job> timers(String code) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).list().stream()
                .map(ProcessInstance::getId)
                .flatMap(id -> management.createJobQuery().processInstanceId(id).timers().list().stream())
                .toList();
    }
}
