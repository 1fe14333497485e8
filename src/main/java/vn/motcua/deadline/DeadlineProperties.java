package vn.motcua.deadline;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How deadlines are watched. Durations are working time (office hours on working days).
 *
 * @param receptionCheck     time the counter has to check a filed dossier (before the statutory clock starts)
 * @param dueSoon            how long before a step's due date it counts as due soon (at most half the step)
 * @param atRisk             how long before the appointment a dossier not yet done needs an apology
 *                           and new appointment (Form 04); at most half the statutory time
 * @param maxReappointments  how many times a dossier may be re-appointed
 * @param maxExtensionDays   the longest extension one re-appointment may grant, in working days
 * @param escalationResponse time the supervisors have to decide on an overdue step
 * @param escalationMailCheck when the overdue steps' mails that a stopped node left unsent are looked for
 *                           (Spring-style cron, server time)
 */
@ConfigurationProperties("motcua.deadlines")
public record DeadlineProperties(
        @DefaultValue("PT8H") Duration receptionCheck,
        @DefaultValue("PT4H") Duration dueSoon,
        @DefaultValue("PT8H") Duration atRisk,
        @DefaultValue("1") int maxReappointments,
        @DefaultValue("30") int maxExtensionDays,
        @DefaultValue("PT4H") Duration escalationResponse,
        @DefaultValue("0 */10 * * * *") String escalationMailCheck) {

    public DeadlineProperties {
        if (receptionCheck.isNegative() || receptionCheck.isZero() || dueSoon.isNegative() || atRisk.isNegative()
                || maxReappointments < 0 || maxExtensionDays < 1 || escalationResponse.isNegative()
                || escalationResponse.isZero()) {
            throw new IllegalArgumentException("motcua.deadlines: durations must be positive, limits not negative");
        }
        if (escalationMailCheck == null || escalationMailCheck.strip().split("\\s+").length != 6) {
            throw new IllegalArgumentException(
                    "motcua.deadlines.escalation-mail-check needs a cron expression of six fields: " + escalationMailCheck);
        }
    }
}
