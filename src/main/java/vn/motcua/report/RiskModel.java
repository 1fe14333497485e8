package vn.motcua.report;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The risk that a dossier under way misses its appointment, in working time: the time its open step(s) still
 * need, given how long they have already taken, plus the steps ahead, against the working time left until the
 * appointment (which the working calendar counts, so days off ahead shorten it).
 *
 * <p>Each step's duration is drawn from what that step took in that unit ({@link StepDurations}), as a ratio of
 * its share; for the open step only the durations longer than the time already spent count (a step waiting for 3
 * days is compared with the steps that took more than 3 days). Steps that run side by side (an interconnected
 * set's agencies) count by the longest. The open step's remaining time is stretched by the queue of whoever holds
 * it ({@link #loadFactor}). The risk is the share of {@code samples} draws that end after the appointment; the draws
 * are seeded by the dossier code, so the same situation always gives the same risk.
 */
final class RiskModel {

    /** An open step: its unit, key, share of the statutory time and the working minutes spent on it so far. */
    record Current(String unit, String step, long shareMinutes, long elapsedMinutes) {
    }

    /** A step ahead: its unit, key and share. */
    record Next(String unit, String step, long shareMinutes) {
    }

    /**
     * What is known of a dossier now.
     *
     * @param seed         the dossier code: seeds the draws
     * @param current      the open steps (side by side when more than one); may be empty between steps
     * @param ahead        the steps still to come before the dossier is done, stage by stage; a stage of several
     *                     steps runs side by side
     * @param slackMinutes working minutes from now to the appointment
     * @param loadFactor   how the holder's queue stretches the open step (1: a usual queue)
     */
    record Situation(String seed, List<Current> current, List<List<Next>> ahead, long slackMinutes,
            double loadFactor) {
    }

    /**
     * The forecast.
     *
     * @param risk            the share of draws ending after the appointment, 0–1
     * @param medianRemaining the median of the draws: working minutes until done
     * @param typicalCurrent  the median duration of the open step (the longest of them), in working minutes
     * @param typicalAhead    the median duration of the steps ahead, in working minutes
     */
    record Outcome(double risk, long medianRemaining, long typicalCurrent, long typicalAhead) {
    }

    /** Below this, a step is taken to need at least this many more working minutes. */
    static final long MIN_REMAINING = 30;

    private final int samples;

    RiskModel(int samples) {
        this.samples = samples;
    }

    /** How the holder's queue stretches the open step: (queue ÷ mean) to the weight, the ratio kept in 0.5–3. */
    static double loadFactor(double queue, double meanQueue, double weight) {
        if (weight == 0 || meanQueue <= 0 || queue <= 0) {
            return 1;
        }
        double ratio = Math.max(0.5, Math.min(3, queue / meanQueue));
        return Math.pow(ratio, weight);
    }

    Outcome forecast(Situation s, StepDurations durations) {
        int n = s.current().size();
        StepDurations.Ratios[] currentRatios = new StepDurations.Ratios[n];
        int[] from = new int[n];
        long typicalCurrent = 0;
        for (int i = 0; i < n; i++) {
            Current c = s.current().get(i);
            currentRatios[i] = durations.of(c.unit(), c.step());
            double[] sorted = currentRatios[i].sorted();
            double spent = c.shareMinutes() <= 0 ? 0 : (double) c.elapsedMinutes() / c.shareMinutes();
            from[i] = firstAbove(sorted, spent);
            typicalCurrent = Math.max(typicalCurrent, Math.round(currentRatios[i].quantile(0.5) * c.shareMinutes()));
        }
        List<List<Next>> ahead = s.ahead();
        StepDurations.Ratios[][] aheadRatios = new StepDurations.Ratios[ahead.size()][];
        long typicalAhead = 0;
        for (int k = 0; k < ahead.size(); k++) {
            List<Next> stage = ahead.get(k);
            aheadRatios[k] = new StepDurations.Ratios[stage.size()];
            long longest = 0;
            for (int j = 0; j < stage.size(); j++) {
                aheadRatios[k][j] = durations.of(stage.get(j).unit(), stage.get(j).step());
                longest = Math.max(longest, Math.round(aheadRatios[k][j].quantile(0.5) * stage.get(j).shareMinutes()));
            }
            typicalAhead += longest;
        }
        SplittableRandom random = new SplittableRandom(s.seed().hashCode() * 0x9E3779B97F4A7C15L);
        double[] totals = new double[samples];
        int late = 0;
        for (int d = 0; d < samples; d++) {
            double stage = 0;
            for (int i = 0; i < n; i++) {
                Current c = s.current().get(i);
                double[] sorted = currentRatios[i].sorted();
                double remaining;
                if (from[i] < sorted.length) {
                    double ratio = sorted[from[i] + random.nextInt(sorted.length - from[i])];
                    remaining = ratio * c.shareMinutes() - c.elapsedMinutes();
                } else {
                    // longer than every such step before it: half a usual step more
                    remaining = 0.5 * currentRatios[i].quantile(0.5) * c.shareMinutes();
                }
                stage = Math.max(stage, Math.max(MIN_REMAINING, remaining) * s.loadFactor());
            }
            double total = stage;
            for (int k = 0; k < ahead.size(); k++) {
                double longest = 0;
                for (int j = 0; j < ahead.get(k).size(); j++) {
                    double[] sorted = aheadRatios[k][j].sorted();
                    longest = Math.max(longest, sorted[random.nextInt(sorted.length)] * ahead.get(k).get(j).shareMinutes());
                }
                total += longest;
            }
            totals[d] = total;
            if (total > s.slackMinutes()) {
                late++;
            }
        }
        Arrays.sort(totals);
        return new Outcome((double) late / samples, Math.round(StepDurations.quantile(totals, 0.5)), typicalCurrent,
                typicalAhead);
    }

    /** The index of the first value above the given one (the length when none is). */
    private static int firstAbove(double[] sorted, double value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] <= value) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
