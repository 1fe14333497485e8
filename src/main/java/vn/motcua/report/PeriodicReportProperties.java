package vn.motcua.report;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The periodic report to the Department of Home Affairs (Sở Nội vụ): the previous month's indicators
 * per unit, mailed with a CSV table.
 *
 * @param cron       when it runs: a Spring-style cron expression (second minute hour day-of-month month
 *                   day-of-week, no year; Camunda 7.24's syntax) read in the province's zone, by default
 *                   07:00 on the 1st of every month. The engine reads it when the process is deployed and
 *                   again each time the timer fires; a change takes effect at the next start
 * @param recipients the addresses it goes to; with none, nothing is sent (and a warning is logged)
 */
@ConfigurationProperties("motcua.reports.periodic")
public record PeriodicReportProperties(
        @DefaultValue("0 0 7 1 * *") String cron,
        @DefaultValue List<String> recipients) {

    public PeriodicReportProperties {
        if (cron == null || cron.isBlank() || cron.strip().split("\\s+").length != 6) {
            throw new IllegalArgumentException("motcua.reports.periodic.cron must be a Spring-style cron expression"
                    + " of six fields (second minute hour day-of-month month day-of-week): " + cron);
        }
        cron = cron.strip();
        recipients = recipients == null ? List.of()
                : recipients.stream().filter(r -> r != null && !r.isBlank()).map(String::strip).toList();
    }
}
