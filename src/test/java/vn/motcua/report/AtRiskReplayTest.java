package vn.motcua.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import vn.motcua.calendar.CalendarProperties;
import vn.motcua.calendar.DayKind;
import vn.motcua.calendar.InMemoryCalendarDays;
import vn.motcua.calendar.OfficialDaysFile;
import vn.motcua.calendar.WorkingCalendar;

/**
 * Replays a generated year of dossiers with known outcomes through the forecast and measures how early and how
 * precisely it flags those that ended late, against the fixed "due soon" window (flag a dossier still under way once
 * its appointment is within one working day, as the indicators' {@code inProgressDueSoon}).
 *
 * <p>The history (seed 20251) is 2025 on the working calendar with its official days (Tết, 30/4–1/5, 2/9 and their
 * swaps): four units, three procedures of 3, 5 and 10 working days (appraisal, approval, return of the result as the
 * catalog splits them), 16 dossiers a working day. Each unit appraises and approves at its own pace (a log-normal
 * ratio of the step's share), each officer's queue of open tasks wanders from day to day and stretches the steps they
 * hold (the ratio to the group's mean, to the power 0.7), and 6 % of the steps stall (2–4 times as long). Time is
 * counted in working minutes, as {@link WorkingCalendar} counts it: a step's clock and the appointment stand still
 * over days off.
 *
 * <p>The forecast learns the step durations from the dossiers received January–April (their ended steps, as it
 * reads the handover table); the dossiers received May–November are looked at twice each working day (08:00 and
 * 14:00) while under way and before their appointment, each time with what the system would know then: the open
 * step and how long it has waited, the steps ahead, the holder's queue and the group's mean, the working time left.
 * A dossier counts as flagged from the first look at which it is at risk. The figures are printed; the README
 * records them.
 */
class AtRiskReplayTest {

    static final long SEED = 20251;
    static final int PER_DAY = 16;
    static final long DAY = 480;
    /** 08:00 and 14:00 in working minutes since the day's opening. */
    static final long[] LOOKS = {60, 300};

    record Procedure(String code, long appraise, long approve, long returnResult) {
        long statutory() {
            return appraise + approve + returnResult;
        }
    }

    static final List<Procedure> PROCEDURES = List.of(new Procedure("P3", 960, 240, 240),
            new Procedure("P5", 1680, 480, 240), new Procedure("P10", 3360, 960, 480));
    static final String[] UNITS = {"u1", "u2", "u3", "u4"};
    static final double[] APPRAISE_PACE = {0.45, 0.6, 0.75, 0.55};
    static final double[] APPROVE_PACE = {0.3, 0.5, 0.8, 0.45};
    static final int SPECIALISTS = 3;
    static final int LEADERS = 2;

    /** A generated dossier: received at, its steps' starts and ends, and who held each, in working minutes. */
    record Dossier(String code, int unit, Procedure procedure, long received, long appraiseEnd, long approveEnd,
            int specialist, int leader) {
        long appointment() {
            return received + procedure.statutory();
        }

        boolean late() {
            return approveEnd > appointment();
        }
    }

    @Test
    void theForecastFlagsLateDossiersEarlierAndMorePreciselyThanTheDueSoonWindow() {
        List<LocalDate> days = workingDays(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 3, 31));
        assertThat(days).doesNotContain(LocalDate.of(2025, 1, 29), LocalDate.of(2025, 4, 30),
                LocalDate.of(2025, 9, 2)).contains(LocalDate.of(2025, 4, 26));   // Tết, 30/4, 2/9 off; make-up Sat 26/4
        int firstTestDay = index(days, LocalDate.of(2025, 5, 1));
        int lastTestDay = index(days, LocalDate.of(2025, 12, 1));

        SplittableRandom random = new SplittableRandom(SEED);
        // each officer's queue of open tasks, day by day
        double[][][] queues = new double[UNITS.length][SPECIALISTS + LEADERS][days.size()];
        for (double[][] unit : queues) {
            for (double[] officer : unit) {
                double q = 4 + random.nextDouble() * 6;
                for (int d = 0; d < days.size(); d++) {
                    q += 0.2 * (6 - q) + random.nextGaussian() * 1.6;
                    q = Math.max(1, Math.min(20, q));
                    officer[d] = Math.round(q);
                }
            }
        }
        List<Dossier> dossiers = new ArrayList<>();
        for (int d = 0; d < lastTestDay; d++) {
            for (int i = 0; i < PER_DAY; i++) {
                int unit = random.nextInt(UNITS.length);
                Procedure procedure = PROCEDURES.get(random.nextInt(PROCEDURES.size()));
                long received = d * DAY + random.nextLong(DAY);
                int specialist = random.nextInt(SPECIALISTS);
                long appraise = duration(random, procedure.appraise(), APPRAISE_PACE[unit],
                        queues[unit], specialist, 0, SPECIALISTS, day(received));
                long appraiseEnd = received + appraise;
                int leader = SPECIALISTS + random.nextInt(LEADERS);
                long approve = duration(random, procedure.approve(), APPROVE_PACE[unit],
                        queues[unit], leader, SPECIALISTS, SPECIALISTS + LEADERS, day(appraiseEnd));
                dossiers.add(new Dossier("D" + d + "-" + i, unit, procedure, received, appraiseEnd, appraiseEnd + approve,
                        specialist, leader));
            }
        }
        // the history the forecast reads: the steps ended before May
        long trainingEnd = firstTestDay * DAY;
        List<StepDurations.Sample> history = new ArrayList<>();
        for (Dossier x : dossiers) {
            if (x.appraiseEnd() <= trainingEnd) {
                history.add(new StepDurations.Sample(UNITS[x.unit()], "appraise", x.procedure().appraise(),
                        x.appraiseEnd() - x.received()));
            }
            if (x.approveEnd() <= trainingEnd) {
                history.add(new StepDurations.Sample(UNITS[x.unit()], "approve", x.procedure().approve(),
                        x.approveEnd() - x.appraiseEnd()));
            }
        }
        StepDurations durations = StepDurations.of(history, 20);
        List<Dossier> replayed = dossiers.stream()
                .filter(x -> x.received() >= trainingEnd && x.received() < lastTestDay * DAY).toList();

        Figures forecast = replay(replayed, durations, queues, 0.5, 0.5, 0);
        Figures withoutQueues = replay(replayed, durations, queues, 0, 0.5, 0);
        Figures cautious = replay(replayed, durations, queues, 0.5, 0.8, 0);
        Figures dueSoon = replay(replayed, durations, queues, 0, 0, DAY);
        Figures halfDay = replay(replayed, durations, queues, 0, 0, DAY / 2);
        Figures twoDays = replay(replayed, durations, queues, 0, 0, 2 * DAY);

        System.out.printf(Locale.ROOT, "At-risk replay (seed %d): %d dossiers received May-Nov 2025, %d ended late"
                + " (%.1f %%); history: %d ended steps%n", SEED, replayed.size(), forecast.late(),
                100.0 * forecast.late() / replayed.size(), durations.size());
        for (Figures f : List.of(forecast, cautious, withoutQueues, dueSoon, halfDay, twoDays)) {
            System.out.println("  " + f);
        }

        assertThat(forecast.late()).as("late dossiers to find").isBetween(replayed.size() / 20, replayed.size() / 2);
        // flagging as early: more precise than a window as wide as the forecast's lead
        assertThat(forecast.medianLeadDays()).as("median lead, working days").isGreaterThan(dueSoon.medianLeadDays());
        assertThat(twoDays.medianLeadDays()).isGreaterThanOrEqualTo(forecast.medianLeadDays());
        assertThat(forecast.precision()).as("precision at a lead like a 2-day window's")
                .isGreaterThan(twoDays.precision() + 0.1);
        assertThat(forecast.f1()).isGreaterThan(twoDays.f1());
        // as precise as it can be: at 80 % it flags no later than the 1-day window, and more precisely
        assertThat(cautious.medianLeadDays()).isGreaterThanOrEqualTo(dueSoon.medianLeadDays());
        assertThat(cautious.precision()).as("precision at a 1-day window's lead")
                .isGreaterThan(dueSoon.precision() + 0.1);
        assertThat(cautious.f1()).isGreaterThan(dueSoon.f1());
    }

    /** How one method did: flagged dossiers, of which late, late ones, and the lead of the late ones flagged. */
    record Figures(String method, int flagged, int truePositives, int late, double medianLeadDays) {
        double precision() {
            return flagged == 0 ? 0 : (double) truePositives / flagged;
        }

        double recall() {
            return late == 0 ? 0 : (double) truePositives / late;
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-42s flagged %5d, of which late %5d: precision %.2f, recall %.2f,"
                    + " F1 %.2f; median lead %.1f working days before the appointment", method, flagged, truePositives,
                    precision(), recall(), f1(), medianLeadDays);
        }
    }

    /**
     * @param threshold the risk from which the forecast flags (with a window of 0)
     * @param window    the due-soon window in working minutes: flag once the appointment is this close (0: forecast)
     */
    static Figures replay(List<Dossier> dossiers, StepDurations durations, double[][][] queues, double queueWeight,
            double threshold, long window) {
        boolean dueSoonWindow = window > 0;
        RiskModel model = new RiskModel(400);
        int flagged = 0;
        int truePositives = 0;
        int late = 0;
        List<Double> leads = new ArrayList<>();
        for (Dossier x : dossiers) {
            if (x.late()) {
                late++;
            }
            Long firstFlag = null;
            for (int d = day(x.received()); firstFlag == null && d * DAY < x.appointment(); d++) {
                for (long look : LOOKS) {
                    long now = d * DAY + look;
                    if (now <= x.received() || now >= x.approveEnd() || now >= x.appointment()) {
                        continue;
                    }
                    long slack = x.appointment() - now;
                    boolean atRisk;
                    if (dueSoonWindow) {
                        atRisk = slack <= window;
                    } else {
                        boolean appraising = now < x.appraiseEnd();
                        int officer = appraising ? x.specialist() : x.leader();
                        double mean = appraising ? mean(queues[x.unit()], 0, SPECIALISTS, d)
                                : mean(queues[x.unit()], SPECIALISTS, SPECIALISTS + LEADERS, d);
                        String unit = UNITS[x.unit()];
                        RiskModel.Situation situation = appraising
                                ? new RiskModel.Situation(x.code(),
                                        List.of(new RiskModel.Current(unit, "appraise", x.procedure().appraise(),
                                                now - x.received())),
                                        List.of(List.of(new RiskModel.Next(unit, "approve", x.procedure().approve()))),
                                        slack, RiskModel.loadFactor(queues[x.unit()][officer][d], mean, queueWeight))
                                : new RiskModel.Situation(x.code(),
                                        List.of(new RiskModel.Current(unit, "approve", x.procedure().approve(),
                                                now - x.appraiseEnd())),
                                        List.of(), slack,
                                        RiskModel.loadFactor(queues[x.unit()][officer][d], mean, queueWeight));
                        atRisk = model.forecast(situation, durations).risk() >= threshold;
                    }
                    if (atRisk) {
                        firstFlag = now;
                        break;
                    }
                }
            }
            if (firstFlag != null) {
                flagged++;
                if (x.late()) {
                    truePositives++;
                    leads.add((double) (x.appointment() - firstFlag) / DAY);
                }
            }
        }
        double[] sorted = leads.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        String method = dueSoonWindow ? String.format(Locale.ROOT, "due soon (<= %.1f working days left)",
                (double) window / DAY)
                : String.format(Locale.ROOT, "forecast (risk >= %.0f %%%s)", threshold * 100,
                        queueWeight == 0 ? ", queues ignored" : "");
        return new Figures(method, flagged, truePositives, late, StepDurations.quantile(sorted, 0.5));
    }

    /** A step's working minutes: the unit's pace, a log-normal spread, the holder's queue, now and then a stall. */
    static long duration(SplittableRandom random, long share, double pace, double[][] unitQueues, int officer,
            int firstOfRole, int endOfRole, int day) {
        double ratio = pace * Math.exp(0.45 * random.nextGaussian());
        double load = unitQueues[officer][day] / mean(unitQueues, firstOfRole, endOfRole, day);
        ratio *= Math.pow(load, 0.7);
        if (random.nextDouble() < 0.06) {
            ratio *= 2 + 2 * random.nextDouble();
        }
        return Math.max(5, Math.round(ratio * share));
    }

    static double mean(double[][] unitQueues, int from, int to, int day) {
        double sum = 0;
        for (int o = from; o < to; o++) {
            sum += unitQueues[o][day];
        }
        return sum / (to - from);
    }

    static int day(long workingMinute) {
        return (int) (workingMinute / DAY);
    }

    /** The working days of the shipped official calendar, in order: working minute m lies on day m / 480. */
    static List<LocalDate> workingDays(LocalDate from, LocalDate to) {
        Map<LocalDate, DayKind> entries = new HashMap<>();
        OfficialDaysFile.read(new ClassPathResource("calendar/official-days.yml")).days()
                .forEach(e -> entries.put(e.date(), e.kind()));
        WorkingCalendar calendar = new WorkingCalendar(new CalendarProperties(ZoneId.of("Asia/Ho_Chi_Minh"),
                LocalTime.of(7, 0), LocalTime.of(11, 30), LocalTime.of(13, 30), LocalTime.of(17, 0)),
                InMemoryCalendarDays.of(entries), Clock.systemUTC());
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (calendar.isWorkingDay(d)) {
                days.add(d);
            }
        }
        return days;
    }

    static int index(List<LocalDate> days, LocalDate first) {
        for (int i = 0; i < days.size(); i++) {
            if (!days.get(i).isBefore(first)) {
                return i;
            }
        }
        throw new IllegalArgumentException(first.toString());
    }
}
