package vn.motcua.engine;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

import vn.motcua.survey.Surveys;

/**
 * The mails of the deadline processes, each sent from a job of its own (a timer, or an
 * asynchronous step retried 5 times 5 minutes apart), so an SMTP outage never rolls back an
 * officer's work and ends as an incident in Cockpit. The overdue step's mail to the supervisors goes
 * from its timer's job, once that job has committed, and from an asynchronous step only when the server did not take
 * it then.
 */
@Configuration(proxyBeanMethods = false)
class NoticeDelegates {

    private static final Logger log = LoggerFactory.getLogger(NoticeDelegates.class);

    /** The error code of a mail the server did not take, caught in the process to send it from the background. */
    static final String MAIL_NOT_SENT = "MAIL_NOT_SENT";

    /** The background step of {@code stepEscalation} that sends the supervisors' mail again until the server takes it. */
    static final String MAIL_LATER = "Task_notifySupervisorsLater";

    /** The timeout listener ahead of a step's due date. */
    @Bean("stepDueSoonListener")
    TaskListener stepDueSoonListener(StaffNotices notices) {
        return task -> notices.dueSoon(DossierKeys.of(task), task.getId());
    }

    /**
     * The supervisors' mail about an overdue step, from the background step that sends it again until the server
     * takes it (5 times, 5 minutes apart; then an incident): a failure fails the job.
     */
    @Bean("escalationMailDelegate")
    JavaDelegate escalationMailDelegate(StaffNotices notices) {
        return (DelegateExecution execution) -> notices.overdue(code(execution),
                (String) execution.getVariable(ProcessVariables.STEP_TASK_ID),
                (String) execution.getVariable(ProcessVariables.STEP_NAME),
                (String) execution.getVariable(ProcessVariables.SUPERVISORS_GROUP), escalationId(execution));
    }

    /**
     * The same mail from the overdue timer's own job: made in the job's transaction, sent as soon as it has committed
     * ({@link StaffNotices#overdueAfterCommit}), so that a job rolled back (an officer ended the step in that very
     * moment) sends no mail, and the escalation's row locks are not held while the SMTP server takes it. When the
     * server does not take it then, the process instance is modified to start the background step that sends it
     * again ({@value #MAIL_LATER}: 5 times, 5 minutes apart, then an incident); the supervisors' task is already
     * theirs. When the mail cannot be made at all, the BPMN error {@value #MAIL_NOT_SENT} lets the process give the
     * supervisors their task all the same and send it from that background step.
     */
    @Bean("escalationMailAtOnceDelegate")
    JavaDelegate escalationMailAtOnceDelegate(StaffNotices notices, @Lazy ProcessEngine engine) {
        return (DelegateExecution execution) -> {
            String code = code(execution);
            String processInstanceId = execution.getProcessInstanceId();
            try {
                notices.overdueAfterCommit(code, (String) execution.getVariable(ProcessVariables.STEP_TASK_ID),
                        (String) execution.getVariable(ProcessVariables.STEP_NAME),
                        (String) execution.getVariable(ProcessVariables.SUPERVISORS_GROUP), escalationId(execution),
                        notSent -> sendLater(engine, code, processInstanceId, notSent));
            } catch (RuntimeException e) {
                // the mail could not be made: not a reason to hold back the escalation; the background step tries
                // again and ends as an incident if it must
                log.warn("Dossier {}: the overdue step's mail to the supervisors could not be made ({}); their task is"
                        + " created and the mail is sent again in the background", code, e.toString());
                throw new BpmnError(MAIL_NOT_SENT, String.valueOf(e.getMessage()));
            }
        };
    }

    /**
     * After the timer's commit, the server did not take the mail: the background step of the same instance sends it,
     * started in a command and transaction of their own. When even that fails (the database), the failure is logged
     * and the check for owed mails ({@link OwedEscalationMails}) starts the step later.
     */
    private static void sendLater(ProcessEngine engine, String code, String processInstanceId, RuntimeException why) {
        log.warn("Dossier {}: the overdue step's mail to the supervisors was not sent ({}); it is sent again in the"
                + " background", code, why.toString());
        SystemAccess.callApart(engine, () -> {
            engine.getRuntimeService().createProcessInstanceModification(processInstanceId)
                    .startBeforeActivity(MAIL_LATER).execute();
            return null;
        });
    }

    @Bean("urgeMailDelegate")
    JavaDelegate urgeMailDelegate(StaffNotices notices) {
        return (DelegateExecution execution) -> notices.urge(code(execution),
                (String) execution.getVariable(ProcessVariables.STEP_TASK_ID),
                (String) execution.getVariable(ProcessVariables.STEP_NAME),
                (String) execution.getVariable(ProcessVariables.NOTE), escalationId(execution));
    }

    /** The one step of the citizenNotice process. */
    @Bean("citizenNoticeDelegate")
    JavaDelegate citizenNoticeDelegate(CitizenNotices notices) {
        return (DelegateExecution execution) -> notices.statusChanged(code(execution),
                CitizenNotices.Notice.valueOf((String) execution.getVariable(ProcessVariables.NOTICE)),
                (String) execution.getVariable(ProcessVariables.NOTICE_KEY));
    }

    @Bean("surveyInvitationDelegate")
    JavaDelegate surveyInvitationDelegate(SurveySteps survey) {
        return survey.invite();
    }

    @Bean("surveyReminderDelegate")
    JavaDelegate surveyReminderDelegate(SurveySteps survey) {
        return survey.remind();
    }

    @Bean("surveyExpiryDelegate")
    JavaDelegate surveyExpiryDelegate(SurveySteps survey) {
        return survey.expire();
    }

    @Bean("complaintMailDelegate")
    JavaDelegate complaintMailDelegate(SurveySteps survey) {
        return survey.mailComplaint();
    }

    /**
     * The supervisors' verdict on a citizen's complaint, when their task completes: UPHELD (founded) or DISMISSED,
     * recorded with the survey for the emulation scorecard.
     */
    @Bean("complaintReviewListener")
    TaskListener complaintReviewListener(Surveys surveys, @Lazy IdentityService identity) {
        return task -> {
            Authentication auth = identity.getCurrentAuthentication();
            String reviewer = auth != null ? auth.getUserId() : task.getAssignee();
            surveys.reviewComplaint(((Number) task.getVariable(ProcessVariables.SURVEY_ID)).longValue(),
                    "UPHELD".equals(task.getVariable(ProcessVariables.DECISION)), reviewer);
        };
    }

    @Bean("apologyMailDelegate")
    JavaDelegate apologyMailDelegate(CitizenNotices notices) {
        return (DelegateExecution execution) -> notices.apology(code(execution),
                ((Number) execution.getVariable(ProcessVariables.REAPPOINTMENT_ID)).longValue());
    }

    private static String code(DelegateExecution execution) {
        return DossierKeys.of(execution);
    }

    private static long escalationId(DelegateExecution execution) {
        return ((Number) execution.getVariable(ProcessVariables.ESCALATION_ID)).longValue();
    }
}
