package vn.motcua.engine;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;

import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.cluster.ClusterLock;
import vn.motcua.dossier.Actors;
import vn.motcua.report.PeriodicReportProperties;
import vn.motcua.report.PeriodicReportRuns;
import vn.motcua.report.PeriodicReports;

/**
 * The periodic report in the engine ({@code periodicReport}): its timer start event reads the cron
 * expression as {@code ${periodicReportSchedule.cron}}; the start listener {@code periodicReportMonth}
 * fixes the month reported (the previous one) when the timer fires, so a retry next month still sends
 * the right one; {@code periodicReportDelegate} sends it from an asynchronous step. Runs on demand start
 * by the message {@code PeriodicReportRequested} with the month.
 *
 * <p>Camunda evaluates cron expressions in the JVM's default zone: start-up fails unless that zone has
 * the rules of the province's zone ({@code MotcuaApplication} pins it; tests pass
 * {@code -Duser.timezone=Asia/Ho_Chi_Minh}). When {@code motcua.reports.periodic.cron} changed since the
 * process was deployed, the waiting timer is rescheduled at start-up (unless it is already due).
 */
@Configuration(proxyBeanMethods = false)
class PeriodicReportSteps implements PeriodicReportRuns {

    private static final Logger log = LoggerFactory.getLogger(PeriodicReportSteps.class);

    private final RuntimeService runtime;
    private final ManagementService management;
    private final PeriodicReportProperties properties;
    private final WorkingCalendar calendar;
    private final ClusterLock lock;

    PeriodicReportSteps(@Lazy RuntimeService runtime, @Lazy ManagementService management,
            PeriodicReportProperties properties, WorkingCalendar calendar, ClusterLock lock) {
        this.lock = lock;
        this.runtime = runtime;
        this.management = management;
        this.properties = properties;
        this.calendar = calendar;
    }

    @Bean("periodicReportSchedule")
    CronSchedule periodicReportSchedule() {
        checkZone(ZoneId.systemDefault(), calendar.zone());
        return new CronSchedule(properties.cron());
    }

    static void checkZone(ZoneId jvm, ZoneId province) {
        if (!jvm.getRules().equals(province.getRules())) {
            throw new IllegalStateException("The JVM's time zone is " + jvm + " but the working calendar's is " + province
                    + ": the engine reads cron timers in the JVM's zone, so the periodic report would run at the wrong"
                    + " hour. Start the JVM with -Duser.timezone=" + province);
        }
    }

    /** Fixes the month the scheduled run reports when its timer fires. */
    @Bean("periodicReportMonth")
    ExecutionListener periodicReportMonth(PeriodicReports reports) {
        return execution -> {
            if (execution.getVariable(ProcessVariables.REPORT_MONTH) == null) {
                String month = reports.previousMonth().toString();
                execution.setVariable(ProcessVariables.REPORT_MONTH, month);
                execution.setProcessBusinessKey(month);
            }
        };
    }

    @Bean("periodicReportDelegate")
    JavaDelegate periodicReportDelegate(PeriodicReports reports) {
        return execution -> {
            YearMonth month = YearMonth.parse((String) execution.getVariable(ProcessVariables.REPORT_MONTH));
            boolean onDemand = execution.getVariable(ProcessVariables.REQUESTED_BY) != null;
            reports.send(month, onDemand ? execution.getProcessInstanceId() : null);
        };
    }

    @Override
    public String start(YearMonth month, String requestedBy) {
        return SystemAccess.call(() -> runtime.createMessageCorrelation(ProcessVariables.PERIODIC_REPORT_MESSAGE)
                .processInstanceBusinessKey(month.toString())
                .setVariables(Map.of(ProcessVariables.REPORT_MONTH, month.toString(),
                        ProcessVariables.REQUESTED_BY, requestedBy == null ? Actors.SYSTEM : requestedBy))
                .correlateStartMessage().getId());
    }

    /**
     * Moves the waiting timer when the configured cron changed since the process was deployed; one node at a
     * time (the others then find it moved).
     */
    @EventListener(ApplicationReadyEvent.class)
    void followConfiguredSchedule() {
        lock.holding("periodic-report", this::reschedule);
    }

    private void reschedule() {
        for (Job job : management.createJobQuery().processDefinitionKey(ProcessVariables.PERIODIC_REPORT_PROCESS)
                .timers().list()) {
            if (job.getProcessInstanceId() == null && job instanceof TimerEntity timer
                    && !properties.cron().equals(timer.getRepeat())
                    && job.getDuedate().toInstant().isAfter(calendar.now())) {
                management.recalculateJobDuedate(job.getId(), false);
                log.info("Periodic report rescheduled to {} for the cron '{}'",
                        management.createJobQuery().jobId(job.getId()).singleResult().getDuedate(), properties.cron());
            }
        }
    }
}
