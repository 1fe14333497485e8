package vn.motcua.report;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.StepShare;
import vn.motcua.deadline.Deadlines;
import vn.motcua.dossier.Dossiers;

/**
 * For every dossier under way, the risk that it misses its appointment ({@link RiskModel}), with the reasons in
 * words. A dossier is forecast while it is received, not finished, its clock running (a dossier waiting for a
 * supplement is not: its appointment moves when the citizen comes back) and its appointment still ahead (a late
 * one is in the overdue list).
 *
 * <p>What it reads: the dossiers and their handovers (Form 06 rows); the durations of the steps ended in the last
 * {@code motcua.forecast.history} (working time between the step's start and end, less the time waited for a
 * supplement), kept for {@code motcua.forecast.statistics}; the procedure's steps and shares from the catalog (the
 * steps not yet started, in the catalog's order, up to the return of the result, which comes after the dossier is
 * done); the holders of the open tasks and their queues from the engine ({@link TaskQueues}); the working calendar
 * for the working time left, which skips the days off ahead.
 */
@Service
@Transactional(readOnly = true)
public class AtRiskForecast {

    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final long DAY = 8 * 60;

    /**
     * A dossier's forecast.
     *
     * @param risk      0–100 %
     * @param atRisk    whether the risk reaches the threshold
     * @param expectedAt when it would be done at the median of the draws
     * @param slackMinutes working minutes left until the appointment
     * @param queue     the holder's open tasks (for a group, per member), or null
     * @param reasons   in Vietnamese, the most telling first
     */
    public record AtRisk(String code, String procedureCode, String procedureName, String receivingUnit,
            String applicantName, String holdingUnit, String step, String stepName, String assignee, String group,
            Instant appointmentAt, Instant expectedAt, long slackMinutes, int risk, boolean atRisk, Double queue,
            List<String> reasons) {
    }

    /** The forecasts, highest risk first, and when they were made. */
    public record Forecasts(Instant asOf, List<AtRisk> entries) {
    }

    private record Open(String code, String procedureCode, String receivingUnit, String applicantName,
            Instant receivedAt, Instant appointmentAt) {
    }

    private record Step(String step, String unit, Instant startedAt, long shareMinutes, long pausedMinutes,
            Instant endedAt) {
    }

    private record Cached(Instant readAt, StepDurations durations) {
    }

    private final EntityManager em;
    private final Catalog catalog;
    private final Dossiers dossiers;
    private final WorkingCalendar calendar;
    private final TaskQueues queues;
    private final ForecastProperties properties;
    private final MessageSource messages;
    private final RiskModel model;
    private volatile Cached cached;

    AtRiskForecast(EntityManager em, Catalog catalog, Dossiers dossiers, WorkingCalendar calendar, TaskQueues queues,
            ForecastProperties properties, MessageSource messages) {
        this.em = em;
        this.catalog = catalog;
        this.dossiers = dossiers;
        this.calendar = calendar;
        this.queues = queues;
        this.properties = properties;
        this.messages = messages;
        this.model = new RiskModel(properties.samples());
    }

    /** The risk from which a dossier counts as at risk, 0–100 %. */
    public int threshold() {
        return properties.threshold();
    }

    /**
     * The forecast of every dossier under way, highest risk first (then the nearest appointment).
     *
     * @param units     units that received the dossier or hold its open step; null for every unit
     * @param procedure a procedure code, or null
     */
    public Forecasts forecast(Set<String> units, String procedure) {
        Instant now = calendar.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Open> open = openDossiers(now, procedure);
        Map<String, List<Step>> steps = steps(now, procedure);
        StepDurations durations = durations(now);
        Map<String, Procedure> procedures = new HashMap<>();
        List<String> wanted = new ArrayList<>();
        for (Open o : open.values()) {
            List<Step> own = steps.getOrDefault(o.code(), List.of());
            if (units == null || units.contains(o.receivingUnit())
                    || own.stream().anyMatch(s -> s.endedAt() == null && units.contains(s.unit()))) {
                wanted.add(o.code());
            }
        }
        Map<String, List<TaskQueues.Holder>> holders = wanted.isEmpty() ? Map.of() : queues.holders(wanted);
        List<AtRisk> entries = new ArrayList<>();
        for (String code : wanted) {
            Open o = open.get(code);
            Procedure p = procedures.computeIfAbsent(o.procedureCode(), c -> catalog.procedure(c).orElse(null));
            if (p == null) {
                continue;
            }
            forecast(o, p, steps.getOrDefault(code, List.of()), holders.getOrDefault(code, List.of()), durations, now)
                    .ifPresent(entries::add);
        }
        entries.sort(Comparator.comparingInt(AtRisk::risk).reversed().thenComparing(AtRisk::appointmentAt)
                .thenComparing(AtRisk::code));
        return new Forecasts(now, entries);
    }

    /** Reads the ended steps' durations again at the next forecast (after the history changed in bulk). */
    void forgetDurations() {
        cached = null;
    }

    private Optional<AtRisk> forecast(Open o, Procedure p, List<Step> steps, List<TaskQueues.Holder> holders,
            StepDurations durations, Instant now) {
        List<Step> openSteps = steps.stream().filter(s -> s.endedAt() == null).toList();
        if (openSteps.stream().anyMatch(s -> Deadlines.COUNTER_STEPS.contains(s.step()))) {
            return Optional.empty();
        }
        Set<String> started = new HashSet<>();
        steps.forEach(s -> started.add(s.step()));
        double scale = scale(p, o.receivedAt());
        List<RiskModel.Current> current = new ArrayList<>();
        for (Step s : openSteps) {
            long elapsed = Math.max(0, calendar.workingMinutesBetween(s.startedAt(), now) - s.pausedMinutes());
            current.add(new RiskModel.Current(s.unit(), s.step(), s.shareMinutes(), elapsed));
        }
        List<List<RiskModel.Next>> ahead = new ArrayList<>();
        List<String> aheadNames = new ArrayList<>();
        String parallel = null;
        for (StepShare share : p.getSteps()) {
            if (Deadlines.COUNTER_STEPS.contains(share.step()) || started.contains(share.step())) {
                continue;
            }
            RiskModel.Next next = new RiskModel.Next(p.unitOf(share).getKey(), share.step(),
                    Math.max(1, Math.round(share.workingMinutes() * scale)));
            if (share.parallel() != null && share.parallel().equals(parallel) && !ahead.isEmpty()) {
                ahead.get(ahead.size() - 1).add(next);
            } else {
                ahead.add(new ArrayList<>(List.of(next)));
            }
            parallel = share.parallel();
            aheadNames.add(stepName(share.step(), null));
        }
        if (current.isEmpty() && ahead.isEmpty()) {
            return Optional.empty();
        }
        // the open step that weighs most: the one furthest past its usual time
        Step main = null;
        long mainElapsed = 0;
        double mainOver = -1;
        for (int i = 0; i < openSteps.size(); i++) {
            RiskModel.Current c = current.get(i);
            double typical = durations.of(c.unit(), c.step()).quantile(0.5) * c.shareMinutes();
            double over = typical <= 0 ? 0 : c.elapsedMinutes() / typical;
            if (over > mainOver) {
                mainOver = over;
                main = openSteps.get(i);
                mainElapsed = c.elapsedMinutes();
            }
        }
        String mainStep = main == null ? null : main.step();
        TaskQueues.Holder holder = holders.stream().filter(h -> h.step().equals(mainStep)).findFirst().orElse(null);
        double load = holder == null ? 1
                : RiskModel.loadFactor(holder.queue(), holder.meanQueue(), properties.queueWeight());
        long slack = calendar.workingMinutesBetween(now, o.appointmentAt());
        RiskModel.Outcome outcome = model.forecast(new RiskModel.Situation(o.code(), current, ahead, slack, load),
                durations);
        int risk = (int) Math.round(outcome.risk() * 100);

        List<String> reasons = new ArrayList<>();
        String stepName = main == null ? null : stepName(main.step(), holder == null ? null : holder.taskName());
        if (main != null) {
            long typical = Math.round(durations.of(main.unit(), main.step()).quantile(0.5) * main.shareMinutes());
            reasons.add(message("forecast.reason.waiting", stepName, duration(mainElapsed), duration(typical)));
        }
        if (!ahead.isEmpty()) {
            reasons.add(message("forecast.reason.ahead", ahead.size(), String.join(", ", aheadNames),
                    duration(outcome.typicalAhead())));
        }
        if (holder != null && load > 1.1) {
            reasons.add(holder.assignee() != null
                    ? message("forecast.reason.queue.officer", holder.assignee(), number(holder.queue()),
                            number(holder.meanQueue()))
                    : message("forecast.reason.queue.group", holder.group(), number(holder.queue()),
                            number(holder.meanQueue())));
        }
        long daysOff = daysOffBefore(now, o.appointmentAt());
        if (daysOff > 0) {
            reasons.add(message("forecast.reason.daysOff", daysOff));
        }
        reasons.add(message("forecast.reason.slack", duration(slack), duration(outcome.medianRemaining())));
        Instant expected = calendar.addWorkingTime(now, outcome.medianRemaining(), null).toInstant();
        return Optional.of(new AtRisk(o.code(), o.procedureCode(), p.getName(), o.receivingUnit(), o.applicantName(),
                main == null ? null : main.unit(), mainStep, stepName, holder == null ? null : holder.assignee(),
                holder == null ? null : holder.group(), o.appointmentAt(), expected, slack, risk,
                risk >= properties.threshold(), holder == null ? null : holder.queue(), List.copyOf(reasons)));
    }

    /** Calendar-day and same-day procedures: the shares scaled to the working time the dossier really has. */
    private double scale(Procedure p, Instant receivedAt) {
        if (p.getStatutoryTime().inWorkingTime() || receivedAt == null || p.getStatutoryTime().workingMinutes() == 0) {
            return 1;
        }
        return (double) dossiers.statutoryWorkingMinutes(p, receivedAt) / p.getStatutoryTime().workingMinutes();
    }

    /** Weekdays off (holidays, Tết, swapped days) from tomorrow to the appointment's day. */
    private long daysOffBefore(Instant now, Instant appointment) {
        LocalDate last = appointment.atZone(calendar.zone()).toLocalDate();
        long off = 0;
        for (LocalDate day = now.atZone(calendar.zone()).toLocalDate().plusDays(1); !day.isAfter(last);
                day = day.plusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                    && !calendar.isWorkingDay(day)) {
                off++;
            }
        }
        return off;
    }

    private StepDurations durations(Instant now) {
        Cached known = cached;
        if (known != null && !now.isBefore(known.readAt())
                && Duration.between(known.readAt(), now).compareTo(properties.statistics()) < 0) {
            return known.durations();
        }
        List<StepDurations.Sample> samples = new ArrayList<>();
        Query query = em.createQuery("select h.unitKey, h.step, h.shareMinutes, h.pausedMinutes, h.startedAt, h.endedAt"
                + " from Handover h where h.endedAt >= :since and h.endedAt <= :now and h.endedBy is not null"
                + " and h.step not in :counterSteps");
        query.setParameter("since", now.minus(properties.history()));
        query.setParameter("now", now);
        query.setParameter("counterSteps", Deadlines.COUNTER_STEPS);
        for (Object row : query.getResultList()) {
            Object[] c = (Object[]) row;
            long worked = calendar.workingMinutesBetween((Instant) c[4], (Instant) c[5]) - ((Number) c[3]).longValue();
            samples.add(new StepDurations.Sample((String) c[0], (String) c[1], ((Number) c[2]).longValue(),
                    Math.max(0, worked)));
        }
        StepDurations durations = StepDurations.of(samples, properties.minSamples());
        cached = new Cached(now, durations);
        return durations;
    }

    private static final String UNDER_WAY = " d.receivedAt is not null and d.receivedAt <= :now and d.finishedAt is null"
            + " and d.pausedAt is null and d.appointmentAt > :now";

    private Map<String, Open> openDossiers(Instant now, String procedure) {
        Query query = em.createQuery("select d.code, d.procedureCode, d.receivingUnit, d.applicant.fullName,"
                + " d.receivedAt, d.appointmentAt from Dossier d where" + UNDER_WAY
                + (procedure == null ? "" : " and d.procedureCode = :procedure"));
        query.setParameter("now", now);
        if (procedure != null) {
            query.setParameter("procedure", procedure);
        }
        Map<String, Open> open = new LinkedHashMap<>();
        for (Object row : query.getResultList()) {
            Object[] c = (Object[]) row;
            open.put((String) c[0], new Open((String) c[0], (String) c[1], (String) c[2], (String) c[3], (Instant) c[4],
                    (Instant) c[5]));
        }
        return open;
    }

    private Map<String, List<Step>> steps(Instant now, String procedure) {
        Query query = em.createQuery("select h.dossierCode, h.step, h.unitKey, h.startedAt, h.shareMinutes,"
                + " h.pausedMinutes, h.endedAt from Handover h join Dossier d on d.code = h.dossierCode where"
                + UNDER_WAY + (procedure == null ? "" : " and d.procedureCode = :procedure") + " order by h.id");
        query.setParameter("now", now);
        if (procedure != null) {
            query.setParameter("procedure", procedure);
        }
        Map<String, List<Step>> steps = new HashMap<>();
        for (Object row : query.getResultList()) {
            Object[] c = (Object[]) row;
            steps.computeIfAbsent((String) c[0], k -> new ArrayList<>()).add(new Step((String) c[1], (String) c[2],
                    (Instant) c[3], ((Number) c[4]).longValue(), ((Number) c[5]).longValue(), (Instant) c[6]));
        }
        return steps;
    }

    private String stepName(String step, String taskName) {
        if (taskName != null && !taskName.isBlank()) {
            return taskName.strip();
        }
        return messages.getMessage("forecast.step." + step, null, step, VI);
    }

    /** Working time in words: 1,5 ngày; 3 giờ; 20 phút (a day is 8 working hours, halves kept). */
    String duration(long minutes) {
        if (minutes >= DAY) {
            return message("forecast.duration.days", half((double) minutes / DAY));
        }
        if (minutes >= 60) {
            return message("forecast.duration.hours", half(minutes / 60.0));
        }
        return message("forecast.duration.minutes", Math.max(0, minutes));
    }

    private static String half(double value) {
        double rounded = Math.round(value * 2) / 2.0;
        return new DecimalFormat("0.#", DecimalFormatSymbols.getInstance(VI)).format(rounded);
    }

    private static String number(double value) {
        return new DecimalFormat("0.#", DecimalFormatSymbols.getInstance(VI)).format(value);
    }

    private String message(String key, Object... args) {
        Object[] texts = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            texts[i] = args[i] instanceof Number n && !(args[i] instanceof Double) ? Long.toString(n.longValue())
                    : String.valueOf(args[i]);
        }
        return messages.getMessage(key, texts, VI);
    }
}
