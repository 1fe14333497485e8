package vn.motcua.engine;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.deadline.Deadlines;
import vn.motcua.deadline.Reappointment;

/**
 * The apology and new appointment (Form 04) in the appointment watch: the draft's check, the
 * proposed date shown to the approving supervisor, and the re-appointment itself.
 */
@Configuration(proxyBeanMethods = false)
class ApologyListeners {

    private static final DateTimeFormatter VN = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
    private static final Locale VI = Locale.forLanguageTag("vi");
    /** Who acted when nobody was signed in (a test, a job run by the system). */
    private static final String SYSTEM = "system";

    /** The draft needs a reason and an extension within the limit; remembers who drafted it. */
    @Bean("apologyDraftListener")
    TaskListener apologyDraftListener(Deadlines deadlines, MessageSource messages, @Lazy IdentityService identity) {
        return task -> {
            if (!(task.getVariable(ProcessVariables.REASON) instanceof String reason) || reason.isBlank()) {
                throw new DecisionRejected(messages.getMessage("apology.reason.required", null, VI));
            }
            int days = extensionDays(task);
            if (!deadlines.extensionAllowed(days)) {
                throw new DecisionRejected(messages.getMessage("deadline.extension.range",
                        new Object[] {deadlines.maxExtensionDays()}, VI));
            }
            Authentication auth = identity.getCurrentAuthentication();
            String drafter = auth != null ? auth.getUserId() : task.getAssignee();
            task.setVariable(ProcessVariables.DRAFTED_BY, drafter != null ? drafter : SYSTEM);
        };
    }

    /** Shows the approving supervisor the appointment the extension would give. */
    @Bean("apologyApprovalListener")
    TaskListener apologyApprovalListener(Deadlines deadlines, WorkingCalendar calendar) {
        return task -> {
            String code = DossierKeys.of(task);
            task.setVariableLocal(ProcessVariables.PROPOSED_APPOINTMENT,
                    VN.format(deadlines.proposedAppointment(code, extensionDays(task)).atZone(calendar.zone())));
        };
    }

    /** Re-appoints the dossier once a supervisor approved. */
    @Bean("reappointDelegate")
    JavaDelegate reappointDelegate(Deadlines deadlines, @Lazy IdentityService identity, @Lazy TaskService tasks) {
        return (DelegateExecution execution) -> {
            Authentication auth = identity.getCurrentAuthentication();
            String approver = auth != null ? auth.getUserId() : SYSTEM;
            User user = SystemAccess.user(identity, approver);
            String signer = user == null ? approver : (user.getFirstName() + " " + user.getLastName()).strip();
            String code = DossierKeys.of(execution);
            Reappointment reappointment = deadlines.reappoint(
                    code,
                    extensionDays(execution.getVariable(ProcessVariables.EXTENSION_DAYS)),
                    (String) execution.getVariable(ProcessVariables.REASON),
                    (String) execution.getVariable(ProcessVariables.DRAFTED_BY),
                    approver, signer, holder(deadlines, tasks, code));
            execution.setVariable(ProcessVariables.REAPPOINTMENT_ID, reappointment.getId());
        };
    }

    /**
     * The officer the dossier's open step is assigned to (the step of the unit that re-appoints): who made the
     * dossier late, for the emulation scorecard; null when nobody had claimed it.
     */
    private static String holder(Deadlines deadlines, TaskService tasks, String code) {
        return deadlines.holdingStep(code).map(step -> SystemAccess.call(() -> tasks.createTaskQuery()
                .processInstanceBusinessKey(code).taskDefinitionKey(StepDeadlines.TASK_PREFIX + step.getStep())
                .list().stream().map(Task::getAssignee).filter(a -> a != null).findFirst().orElse(null)))
                .orElse(null);
    }

    private static int extensionDays(DelegateTask task) {
        return extensionDays(task.getVariable(ProcessVariables.EXTENSION_DAYS));
    }

    private static int extensionDays(Object value) {
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.intValue();
        }
        if (value instanceof String s && s.strip().matches("\\d{1,3}")) {
            return Integer.parseInt(s.strip());
        }
        return -1;
    }
}
