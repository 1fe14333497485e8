package vn.motcua.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.stereotype.Service;

import vn.motcua.deadline.OfficerStatistics;
import vn.motcua.deadline.OfficerStatistics.Key;
import vn.motcua.deadline.OfficerStatistics.Steps;
import vn.motcua.survey.SatisfactionReport;
import vn.motcua.survey.SatisfactionReport.TakingPart;

/**
 * The emulation scorecard (thi đua) of a quarter: per unit and per officer, the steps ended and their on-time rate,
 * the SIPAS of the dossiers taken part in, complaints upheld, escalations and re-appointments caused; and the
 * officers of each unit ranked by a score whose parts are shown beside it.
 *
 * <p>The rule ({@link EmulationProperties}): with T the on-time rate (steps ended early or on time / steps ended, in
 * percent) and S the SIPAS (percent), the base is {@code (wT × T + wS × S) / (wT + wS)}; a measure the officer has
 * nothing for (no response to a survey of theirs) is left out with its weight, so the base is then T alone. From
 * it are taken {@code pE} points per escalation, {@code pR} per re-appointment and {@code pC} per complaint upheld.
 * Each part is rounded to two decimals (half up) and the score is the sum of the rounded parts, so the parts shown
 * add up to it exactly. Officers with at least {@code min-steps} steps are ranked, highest score first; equal scores
 * share a rank (1, 2, 2, 4) and are listed by on-time rate, then steps, then user id.
 */
@Service
class EmulationScorecard {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** What one officer or unit did in the quarter. */
    record Figures(long steps, long early, long onTime, long late, BigDecimal onTimeRate, BigDecimal sipas,
            long sipasResponses, long complaintsUpheld, long escalations, long reappointments) {
    }

    /** The parts of a score: points from the on-time rate and SIPAS, points taken off (negative), the total. */
    record Score(BigDecimal onTime, BigDecimal sipas, BigDecimal escalations, BigDecimal reappointments,
            BigDecimal complaints, BigDecimal total) {
    }

    /** An officer of a unit: rank is null when not ranked (too few steps). */
    record Officer(String userId, Figures figures, Score score, Integer rank) {
    }

    /**
     * A unit: its figures (escalations and re-appointments including those of steps nobody had claimed, counted
     * separately as {@code unclaimed…}) and its officers, ranked first.
     */
    record Unit(String unitKey, Figures figures, long unclaimedEscalations, long unclaimedReappointments,
            List<Officer> officers) {
    }

    private final OfficerStatistics statistics;
    private final SatisfactionReport satisfaction;
    private final EmulationProperties rule;

    EmulationScorecard(OfficerStatistics statistics, SatisfactionReport satisfaction, EmulationProperties rule) {
        this.statistics = statistics;
        this.satisfaction = satisfaction;
        this.rule = rule;
    }

    EmulationProperties rule() {
        return rule;
    }

    /**
     * The scorecard of the period.
     *
     * @param units  the units to show, or null for every unit
     * @param always units listed even without any figure (a unit's own)
     */
    List<Unit> compute(Set<String> units, Set<String> always, Instant from, Instant until) {
        Map<Key, Steps> steps = statistics.stepsEnded(units, from, until);
        Map<Key, Long> escalations = statistics.escalations(units, from, until);
        Map<Key, Long> reappointments = statistics.reappointments(units, from, until);
        Map<String, TakingPart> officerSurveys = satisfaction.perOfficerTakingPart(from, until);
        Map<String, TakingPart> unitSurveys = satisfaction.perUnitTakingPart(units, from, until);

        Map<String, Set<String>> officersByUnit = new TreeMap<>();
        always.forEach(unit -> officersByUnit.put(unit, new TreeSet<>()));
        for (Map<Key, ?> map : List.of(steps, escalations, reappointments)) {
            for (Key key : map.keySet()) {
                Set<String> officers = officersByUnit.computeIfAbsent(key.unitKey(), k -> new TreeSet<>());
                if (key.userId() != null) {
                    officers.add(key.userId());
                }
            }
        }
        unitSurveys.keySet().forEach(unit -> officersByUnit.computeIfAbsent(unit, k -> new TreeSet<>()));

        List<Unit> result = new ArrayList<>();
        officersByUnit.forEach((unit, userIds) -> {
            List<Officer> officers = new ArrayList<>();
            Steps unitSteps = Steps.ZERO;
            for (String userId : userIds) {
                Key key = new Key(unit, userId);
                Steps s = steps.getOrDefault(key, Steps.ZERO);
                unitSteps = plus(unitSteps, s);
                Figures figures = figures(s, officerSurveys.get(userId), escalations.getOrDefault(key, 0L),
                        reappointments.getOrDefault(key, 0L));
                officers.add(new Officer(userId, figures, score(figures), null));
            }
            long unclaimedEscalations = escalations.getOrDefault(new Key(unit, null), 0L);
            long unclaimedReappointments = reappointments.getOrDefault(new Key(unit, null), 0L);
            long unitEscalations = escalations.entrySet().stream().filter(e -> e.getKey().unitKey().equals(unit))
                    .mapToLong(Map.Entry::getValue).sum();
            long unitReappointments = reappointments.entrySet().stream().filter(e -> e.getKey().unitKey().equals(unit))
                    .mapToLong(Map.Entry::getValue).sum();
            result.add(new Unit(unit, figures(unitSteps, unitSurveys.get(unit), unitEscalations, unitReappointments),
                    unclaimedEscalations, unclaimedReappointments, rank(officers)));
        });
        return result;
    }

    private static Steps plus(Steps a, Steps b) {
        return new Steps(a.early() + b.early(), a.onTime() + b.onTime(), a.late() + b.late());
    }

    private static Figures figures(Steps steps, TakingPart surveys, long escalations, long reappointments) {
        return new Figures(steps.total(), steps.early(), steps.onTime(), steps.late(),
                percent(steps.inTime(), steps.total()), surveys == null ? null : surveys.sipas().index(),
                surveys == null ? 0 : surveys.sipas().responses(), surveys == null ? 0 : surveys.complaintsUpheld(),
                escalations, reappointments);
    }

    /** The score by the rule; null parts for what the officer has nothing for, a null total when neither measure. */
    Score score(Figures f) {
        BigDecimal weights = BigDecimal.ZERO;
        if (f.onTimeRate() != null) {
            weights = weights.add(rule.onTimeWeight());
        }
        if (f.sipas() != null) {
            weights = weights.add(rule.sipasWeight());
        }
        BigDecimal escalations = points(rule.escalationPoints(), f.escalations());
        BigDecimal reappointments = points(rule.reappointmentPoints(), f.reappointments());
        BigDecimal complaints = points(rule.complaintUpheldPoints(), f.complaintsUpheld());
        if (weights.signum() == 0) {
            return new Score(null, null, escalations, reappointments, complaints, null);
        }
        BigDecimal onTime = f.onTimeRate() == null ? null : weighted(rule.onTimeWeight(), f.onTimeRate(), weights);
        BigDecimal sipas = f.sipas() == null ? null : weighted(rule.sipasWeight(), f.sipas(), weights);
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (BigDecimal part : new BigDecimal[] {onTime, sipas, escalations, reappointments, complaints}) {
            if (part != null) {
                total = total.add(part);
            }
        }
        return new Score(onTime, sipas, escalations, reappointments, complaints, total);
    }

    private static BigDecimal weighted(BigDecimal weight, BigDecimal value, BigDecimal weights) {
        return weight.multiply(value).divide(weights, 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal points(BigDecimal each, long times) {
        return each.multiply(BigDecimal.valueOf(times)).negate().setScale(2, RoundingMode.HALF_UP);
    }

    /** Ranked officers first, by the rule; then the others, by steps and user id. */
    private List<Officer> rank(List<Officer> officers) {
        Comparator<Officer> byScore = Comparator.comparing((Officer o) -> o.score().total(), Comparator.reverseOrder())
                .thenComparing(o -> o.figures().onTimeRate(), Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(o -> o.figures().steps(), Comparator.reverseOrder())
                .thenComparing(Officer::userId);
        List<Officer> ranked = officers.stream().filter(this::rankable).sorted(byScore).toList();
        List<Officer> result = new ArrayList<>();
        Map<BigDecimal, Integer> rankOfScore = new HashMap<>();
        for (int i = 0; i < ranked.size(); i++) {
            Officer o = ranked.get(i);
            int position = i + 1;
            Integer rank = rankOfScore.computeIfAbsent(o.score().total().stripTrailingZeros(), k -> position);
            result.add(new Officer(o.userId(), o.figures(), o.score(), rank));
        }
        officers.stream().filter(o -> !rankable(o))
                .sorted(Comparator.comparing((Officer o) -> o.figures().steps(), Comparator.reverseOrder())
                        .thenComparing(Officer::userId))
                .forEach(result::add);
        return result;
    }

    private boolean rankable(Officer officer) {
        return officer.figures().steps() >= rule.minSteps() && officer.score().total() != null;
    }

    static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null
                : BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }
}
