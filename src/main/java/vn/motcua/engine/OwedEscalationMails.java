package vn.motcua.engine;

import java.time.Duration;
import java.time.Instant;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
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
 * every 10 minutes) looks for escalations not decided yet, recorded between {@link #HORIZON} and {@link #GRACE} ago,
 * whose mail is not in the mail log and whose {@code stepEscalation} instance neither waits at nor has been at the
 * background step that sends it again; in each it starts that step ({@value NoticeDelegates#MAIL_LATER}: 5 times, 5 minutes apart, then
 * an incident in Cockpit), which sends the mail once. The job executor runs the timer on one node at a time.
 *
 * <p>An instance that waits at or has been at the background step is left alone: that step is about to send the mail,
 * sent it, found nobody with an address to send it to, or is still trying (an incident when it gave up). An escalation
 * decided before the check needs no mail.
 */
@Configuration(proxyBeanMethods = false)
class OwedEscalationMails {

    private static final Logger log = LoggerFactory.getLogger(OwedEscalationMails.class);

    /** How long a mail may be on its way after the timer's commit before it counts as owed. */
    static final Duration GRACE = Duration.ofMinutes(2);
    /** How far back escalations are looked at: a mail owed longer than this is no news to the supervisors. */
    static final Duration HORIZON = Duration.ofDays(2);

    private final Deadlines deadlines;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final ManagementService management;
    private final WorkingCalendar calendar;

    OwedEscalationMails(@Lazy Deadlines deadlines, @Lazy RuntimeService runtime, @Lazy HistoryService history,
            @Lazy ManagementService management, WorkingCalendar calendar) {
        this.deadlines = deadlines;
        this.runtime = runtime;
        this.history = history;
        this.management = management;
        this.calendar = calendar;
    }

    /** What the BPMN's timer reads: {@code ${escalationMailCheck.cron}}. */
    public static final class Schedule {

        private final String cron;

        Schedule(String cron) {
            this.cron = cron;
        }

        public String getCron() {
            return cron;
        }
    }

    @Bean("escalationMailCheck")
    Schedule escalationMailCheck(DeadlineProperties properties) {
        return new Schedule(properties.escalationMailCheck());
    }

    @Bean("owedEscalationMailsDelegate")
    JavaDelegate owedEscalationMailsDelegate() {
        return execution -> sendOwed();
    }

    /**
     * Starts the background step of every escalation whose mail is owed (see the class).
     *
     * @return how many were started
     */
    int sendOwed() {
        Instant now = calendar.now();
        int started = 0;
        for (Escalation escalation : deadlines.undecidedWithoutMail(now.minus(HORIZON), now.minus(GRACE),
                StaffNotices.OVERDUE_KEY_PREFIX, StaffNotices.OVERDUE_KEY_HANDOVER)) {
            ProcessInstance instance = SystemAccess.call(() -> runtime.createProcessInstanceQuery()
                    .processDefinitionKey(StepOverdueListener.ESCALATION_PROCESS)
                    .processInstanceBusinessKey(escalation.getDossierCode())
                    .variableValueEquals(ProcessVariables.ESCALATION_ID, escalation.getId()).singleResult());
            if (instance == null || beenAtTheBackgroundStep(instance.getId())) {
                continue;
            }
            log.warn("Dossier {}: the supervisors' mail about the overdue step {} (escalation {}) was not sent; it is"
                    + " sent from the background now", escalation.getDossierCode(), escalation.getStep(),
                    escalation.getId());
            SystemAccess.run(() -> runtime.createProcessInstanceModification(instance.getId())
                    .startBeforeActivity(NoticeDelegates.MAIL_LATER).execute());
            started++;
        }
        return started;
    }

    /** Whether the instance waits at the background step (its job, before it ran) or has been there. */
    private boolean beenAtTheBackgroundStep(String processInstanceId) {
        return SystemAccess.call(() -> management.createJobQuery().processInstanceId(processInstanceId)
                .activityId(NoticeDelegates.MAIL_LATER).count()) > 0
                || SystemAccess.call(() -> history.createHistoricActivityInstanceQuery()
                        .processInstanceId(processInstanceId).activityId(NoticeDelegates.MAIL_LATER).count()) > 0;
    }
}
