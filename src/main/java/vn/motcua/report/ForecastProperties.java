package vn.motcua.report;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The forecast of dossiers at risk of missing their appointment ({@link AtRiskForecast}).
 *
 * @param history       how far back ended steps are read for their durations (calendar time before now)
 * @param minSamples    ended steps a unit needs for a step before its own durations are used; fewer, and the
 *                      step's durations in every unit are used, and with fewer still the step's share of the
 *                      statutory time, give or take half
 * @param samples       draws of the simulation per dossier
 * @param threshold     the risk (0–100 %) from which a dossier counts as at risk: listed by default, flagged in
 *                      Tasklist, mailed in the digest
 * @param queueWeight   how much the queue of the officer or group holding the dossier stretches its current step:
 *                      the step's remaining time is multiplied by (queue ÷ the group's mean queue) to this power,
 *                      the ratio kept between 0.5 and 3; 0 ignores queues
 * @param statistics    how long the durations read from history are kept before they are read again
 * @param refreshCron   when the Tasklist flag of the dossiers at risk is brought up to date (Spring-style cron)
 * @param digestCron    when the daily digest goes to the supervisors (Spring-style cron; only on working days)
 */
@ConfigurationProperties("motcua.forecast")
public record ForecastProperties(
        @DefaultValue("P90D") Duration history,
        @DefaultValue("20") int minSamples,
        @DefaultValue("400") int samples,
        @DefaultValue("50") int threshold,
        @DefaultValue("0.5") double queueWeight,
        @DefaultValue("PT10M") Duration statistics,
        @DefaultValue("0 */30 * * * *") String refreshCron,
        @DefaultValue("0 0 7 * * *") String digestCron) {

    public ForecastProperties {
        if (history.isNegative() || history.isZero() || minSamples < 1 || samples < 10 || threshold < 1
                || threshold > 100 || queueWeight < 0 || queueWeight > 2 || statistics.isNegative()) {
            throw new IllegalArgumentException("motcua.forecast: history positive, min-samples >= 1, samples >= 10,"
                    + " threshold 1-100, queue-weight 0-2");
        }
        for (String cron : new String[] {refreshCron, digestCron}) {
            if (cron == null || cron.isBlank() || cron.strip().split("\\s+").length != 6) {
                throw new IllegalArgumentException("motcua.forecast cron expressions need six fields: " + cron);
            }
        }
        refreshCron = refreshCron.strip();
        digestCron = digestCron.strip();
    }
}
