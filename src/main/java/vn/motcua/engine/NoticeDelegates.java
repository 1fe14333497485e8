package vn.motcua.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The mails of the deadline processes, each sent from a job of its own (a timer, or an
 * asynchronous step retried 5 times 5 minutes apart), so an SMTP outage never rolls back an
 * officer's work and ends as an incident in Cockpit.
 */
@Configuration(proxyBeanMethods = false)
class NoticeDelegates {

    /** The timeout listener ahead of a step's due date. */
    @Bean("stepDueSoonListener")
    TaskListener stepDueSoonListener(StaffNotices notices) {
        return task -> notices.dueSoon(DossierKeys.of(task), task.getId());
    }

    @Bean("escalationMailDelegate")
    JavaDelegate escalationMailDelegate(StaffNotices notices) {
        return (DelegateExecution execution) -> notices.overdue(code(execution),
                (String) execution.getVariable(ProcessVariables.STEP_TASK_ID),
                (String) execution.getVariable(ProcessVariables.STEP_NAME),
                (String) execution.getVariable(ProcessVariables.SUPERVISORS_GROUP), escalationId(execution));
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

    /** On the complete event of the complaint's task: the complaint is handled (Decision 766, group 5). */
    @Bean("complaintHandledListener")
    TaskListener complaintHandledListener(SurveySteps survey) {
        return survey.complaintHandled();
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
