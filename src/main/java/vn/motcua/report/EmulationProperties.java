package vn.motcua.report;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The rule of the emulation scorecard (thi đua), so that a unit can set it as its emulation council decided and
 * defend the ranking it gives. An officer's score is, out of 100, the weighted average of their on-time rate and
 * the SIPAS of the dossiers they took part in, less fixed points for each escalation, re-appointment and upheld
 * complaint (see {@code EmulationScorecard}).
 *
 * @param onTimeWeight           the weight of the on-time rate of the officer's steps in the average
 * @param sipasWeight            the weight of the SIPAS of the dossiers the officer took part in
 * @param escalationPoints       points taken off for each overdue step of theirs escalated to the supervisors
 * @param reappointmentPoints    points taken off for each re-appointment (apology and extension, Form 04) of a
 *                               dossier they held
 * @param complaintUpheldPoints  points taken off for each complaint the supervisors upheld on a dossier they took
 *                               part in
 * @param minSteps               the steps an officer must have ended in the quarter to be ranked (fewer: shown,
 *                               not ranked)
 */
@ConfigurationProperties("motcua.reports.emulation")
public record EmulationProperties(
        @DefaultValue("60") BigDecimal onTimeWeight,
        @DefaultValue("40") BigDecimal sipasWeight,
        @DefaultValue("5") BigDecimal escalationPoints,
        @DefaultValue("10") BigDecimal reappointmentPoints,
        @DefaultValue("10") BigDecimal complaintUpheldPoints,
        @DefaultValue("3") int minSteps) {

    public EmulationProperties {
        for (BigDecimal value : new BigDecimal[] {onTimeWeight, sipasWeight, escalationPoints, reappointmentPoints,
                complaintUpheldPoints}) {
            if (value == null || value.signum() < 0) {
                throw new IllegalArgumentException("motcua.reports.emulation: weights and points must be 0 or more");
            }
        }
        if (onTimeWeight.add(sipasWeight).signum() == 0) {
            throw new IllegalArgumentException(
                    "motcua.reports.emulation: on-time-weight and sipas-weight cannot both be 0");
        }
        if (minSteps < 1) {
            throw new IllegalArgumentException("motcua.reports.emulation.min-steps must be 1 or more");
        }
    }
}
