package vn.motcua.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.deadline.DeadlineProperties;
import vn.motcua.deadline.Deadlines;
import vn.motcua.deadline.Escalation;

/**
 * The supervisors' mails about overdue steps that a stopped node left unsent. The mail goes right after the overdue
 * timer's job has committed ({@code escalationMailAtOnceDelegate} in {@link NoticeDelegates}): a node that stops in
 * between leaves the escalation recorded and the supervisors' task created, but no mail. The timer of
 * {@code escalationMailsOwed} ({@code ${escalationMailCheck.cron}}, {@code motcua.deadlines.escalation-mail-check},
 * every 10 minutes) looks for escalations not decided yet, recorded between {@link #HORIZON} and {@link #GRACE} ago (a
 * hand-over may take minutes when the SMTP server is slow), whose mail is not in the mail log and whose
 * {@code stepEscalation} instance neither waits at nor has been at the background step that sends it again; in each it
 * starts that step ({@value NoticeDelegates#MAIL_LATER}: 5 times, 5 minutes apart, then an incident in Cockpit), which
 * sends the mail once. The job executor runs the timer on one node at a time.
 *
 * <p>An instance that waits at or has been at the background step is left alone: that step is about to send the mail,
 * sent it, found nobody with an address to send it to, or is still trying (an incident when it gave up). An escalation
 * decided before the check needs no mail; an instance of a version without the background step keyed its mail
 * otherwise and is left alone too.
 *
 * <p>One case sends twice: a mail the server took but that could not be recorded (the database failed just then;
 * counted in {@code motcua_mail_unrecorded_total}) is sent again by the background step after the check, with the
 * same Message-ID.
 */
@Configuration(proxyBeanMethods = false)
class OwedEscalationMails {

    private static final Logger log = LoggerFactory.getLogger(OwedEscalationMails.class);

    /** How long a mail may be on its way after the timer's commit before it counts as owed. */
    static final Duration GRACE = Duration.ofMinutes(10);
    /** How far back escalations are looked at: a mail owed longer than this is no news to the supervisors. */
    static final Duration HORIZON = Duration.ofDays(2);

    private final Deadlines deadlines;
    private final ProcessEngine engine;
    private final WorkingCalendar calendar;

    OwedEscalationMails(@Lazy Deadlines deadlines, @Lazy ProcessEngine engine, WorkingCalendar calendar) {
        this.deadlines = deadlines;
        this.engine = engine;
        this.calendar = calendar;
    }

    @Bean("escalationMailCheck")
    CronSchedule escalationMailCheck(DeadlineProperties properties) {
        return new CronSchedule(properties.escalationMailCheck());
    }

    @Bean("owedEscalationMailsDelegate")
    JavaDelegate owedEscalationMailsDelegate() {
        return execution -> sendOwed();
    }

    /**
     * Starts the background step of every escalation whose mail is owed (see the class), each in a command and
     * transaction of its own: one that cannot be started (its instance ended or changed by another transaction in the
     * same moment) is logged and skipped, and the others are started all the same.
     */
    void sendOwed() {
        Instant now = calendar.now();
        for (Escalation escalation : deadlines.undecidedWithoutMail(now.minus(HORIZON), now.minus(GRACE),
                StaffNotices.OVERDUE_KEY_PREFIX, StaffNotices.OVERDUE_KEY_HANDOVER)) {
            try {
                SystemAccess.callApart(engine, () -> startOwed(escalation));
            } catch (RuntimeException e) {
                log.warn("Dossier {}: the supervisors' mail about the overdue step {} (escalation {}) has no mail on"
                        + " record, and its background step could not be started: {}", escalation.getDossierCode(),
                        escalation.getStep(), escalation.getId(), e.toString());
            }
        }
    }

    /** In a command of its own: starts the escalation's background step if its instance is one that owes the mail. */
    private boolean startOwed(Escalation escalation) {
        List<ProcessInstance> instances = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(StepOverdueListener.ESCALATION_PROCESS)
                .processInstanceBusinessKey(escalation.getDossierCode())
                .variableValueEquals(ProcessVariables.ESCALATION_ID, escalation.getId()).list();
        if (instances.size() != 1) {
            // ended (decided meanwhile), or not one instance for one escalation: nothing this check can tell apart
            return false;
        }
        ProcessInstance instance = instances.get(0);
        // versions before the background step keyed the mail otherwise; the check is for the ones that have it
        if (engine.getRepositoryService().getBpmnModelInstance(instance.getProcessDefinitionId())
                .getModelElementById(NoticeDelegates.MAIL_LATER) == null
                || beenAtTheBackgroundStep(instance.getId())) {
            return false;
        }
        log.warn("Dossier {}: the supervisors' mail about the overdue step {} (escalation {}) has no mail on record; it"
                + " is sent from the background now", escalation.getDossierCode(), escalation.getStep(),
                escalation.getId());
        engine.getRuntimeService().createProcessInstanceModification(instance.getId())
                .startBeforeActivity(NoticeDelegates.MAIL_LATER).execute();
        return true;
    }

    /** Whether the instance waits at the background step (its job, before it ran) or has been there. */
    private boolean beenAtTheBackgroundStep(String processInstanceId) {
        return engine.getManagementService().createJobQuery().processInstanceId(processInstanceId)
                .activityId(NoticeDelegates.MAIL_LATER).count() > 0
                || engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
                        .activityId(NoticeDelegates.MAIL_LATER).count() > 0;
    }
}
