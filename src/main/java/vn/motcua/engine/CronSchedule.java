package vn.motcua.engine;

/**
 * A cron expression as a BPMN timer reads it from a bean: {@code ${periodicReportSchedule.cron}},
 * {@code ${escalationMailCheck.cron}}.
 */
public final class CronSchedule {

    private final String cron;

    CronSchedule(String cron) {
        this.cron = cron;
    }

    public String getCron() {
        return cron;
    }
}
