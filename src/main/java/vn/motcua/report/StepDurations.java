package vn.motcua.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How long ended steps took, per unit and step: each as the ratio of the working time it took (less the time the
 * dossier waited for a supplement) to the step's share of the statutory time, so that a 3-day and a 15-day
 * procedure's appraisals in one unit can be compared. A unit's own ratios count once it has
 * {@code minSamples} of a step; before that the step's ratios in every unit; before that the step is taken to last
 * its share, give or take half ({@link #NO_HISTORY}).
 */
final class StepDurations {

    /** Without history: the share itself, give or take half. */
    static final double[] NO_HISTORY = {0.5, 0.625, 0.75, 0.875, 1.0, 1.0, 1.125, 1.25, 1.375, 1.5};

    /** An ended step: its unit and step, its share and the working minutes it took. */
    record Sample(String unit, String step, long shareMinutes, long workedMinutes) {
    }

    /** Where a step's ratios come from. */
    enum Source { UNIT, ALL_UNITS, SHARE }

    /** The sorted ratios of a step and where they come from. */
    record Ratios(double[] sorted, Source source) {

        double quantile(double q) {
            return StepDurations.quantile(sorted, q);
        }
    }

    private final Map<String, double[]> byUnitStep;
    private final Map<String, double[]> byStep;
    private final int minSamples;
    private final int size;

    private StepDurations(Map<String, double[]> byUnitStep, Map<String, double[]> byStep, int minSamples, int size) {
        this.byUnitStep = byUnitStep;
        this.byStep = byStep;
        this.minSamples = minSamples;
        this.size = size;
    }

    static StepDurations of(Collection<Sample> samples, int minSamples) {
        Map<String, List<Double>> unitStep = new HashMap<>();
        Map<String, List<Double>> step = new HashMap<>();
        int size = 0;
        for (Sample s : samples) {
            if (s.shareMinutes() <= 0 || s.workedMinutes() < 0) {
                continue;
            }
            double ratio = (double) s.workedMinutes() / s.shareMinutes();
            unitStep.computeIfAbsent(s.unit() + '|' + s.step(), k -> new ArrayList<>()).add(ratio);
            step.computeIfAbsent(s.step(), k -> new ArrayList<>()).add(ratio);
            size++;
        }
        return new StepDurations(sorted(unitStep), sorted(step), minSamples, size);
    }

    private static Map<String, double[]> sorted(Map<String, List<Double>> lists) {
        Map<String, double[]> result = new HashMap<>();
        lists.forEach((key, list) -> {
            double[] values = list.stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.sort(values);
            result.put(key, values);
        });
        return result;
    }

    /** How many ended steps were read. */
    int size() {
        return size;
    }

    Ratios of(String unit, String step) {
        double[] own = byUnitStep.get(unit + '|' + step);
        if (own != null && own.length >= minSamples) {
            return new Ratios(own, Source.UNIT);
        }
        double[] all = byStep.get(step);
        if (all != null && all.length >= minSamples) {
            return new Ratios(all, Source.ALL_UNITS);
        }
        return new Ratios(NO_HISTORY, Source.SHARE);
    }

    /** The q-quantile of sorted values, linear between neighbours. */
    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
    }
}
