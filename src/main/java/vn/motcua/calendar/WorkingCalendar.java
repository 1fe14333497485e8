package vn.motcua.calendar;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Working time: office hours on working days. Monday to Friday are working days and Saturdays and
 * Sundays are off, except where the {@link CalendarDays} say otherwise: a {@link DayKind#DAY_OFF}
 * entry makes a weekday off (public holidays, Tết, compensatory and swapped days) and a
 * {@link DayKind#WORKING_DAY} entry makes a Saturday or Sunday a working day (a make-up day).
 *
 * <p>Deadlines add working minutes to a start: a start outside office hours moves to the next
 * opening (after 17:00 to the next working morning, during lunch to 13:30), and the optional
 * afternoon cut-off of a procedure moves a late intake to the next working day.
 */
@Component
public class WorkingCalendar {

    private final CalendarProperties hours;
    private final CalendarDays days;
    private final Clock clock;
    /** The shared version checked before each computation; none for a calendar without a database. */
    private CalendarVersion version;

    @Autowired
    public WorkingCalendar(CalendarProperties hours, CalendarDays days, Clock clock) {
        this.hours = hours;
        this.days = days;
        this.clock = clock;
    }

    /** A calendar without entries: only Saturdays and Sundays are off. */
    public WorkingCalendar(CalendarProperties hours, Clock clock) {
        this(hours, InMemoryCalendarDays.weekendsOnly(), clock);
    }

    /**
     * Checks the calendar's version before each computation, so that days changed on another node count here
     * too, whichever source of days they come from (see {@link CalendarVersion}).
     */
    @Autowired
    void setVersion(CalendarVersion version) {
        this.version = version;
    }

    /** Reloads the days held in memory if another node changed the calendar. */
    private void fresh() {
        if (version != null) {
            version.check();
        }
    }

    public Instant now() {
        return clock.instant();
    }

    public ZoneId zone() {
        return hours.zone();
    }

    public boolean isWorkingDay(LocalDate day) {
        fresh();
        return workingDay(day);
    }

    private boolean workingDay(LocalDate day) {
        return days.kindOf(day)
                .map(kind -> kind == DayKind.WORKING_DAY)
                .orElse(day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY);
    }

    /**
     * Whether the days off of {@code day}'s year are provisional: the government's schedule for it is not
     * known yet, so the Labour Code's days off stand in for it ({@link CalendarDays#isProvisional}).
     */
    public boolean isProvisional(LocalDate day) {
        return days.isProvisional(day);
    }

    /**
     * The years between {@code from} and {@code to} (both included, in the province's zone) whose days off
     * are provisional: a deadline counted over them may move when their official schedule is entered.
     */
    public List<Integer> provisionalYears(Instant from, Instant to) {
        int first = from.atZone(hours.zone()).getYear();
        int last = to.atZone(hours.zone()).getYear();
        List<Integer> years = new java.util.ArrayList<>();
        for (int year = Math.min(first, last); year <= Math.max(first, last); year++) {
            if (days.isProvisional(LocalDate.of(year, 1, 1))) {
                years.add(year);
            }
        }
        return years;
    }

    /** Whether {@code at} is inside office hours of a working day (an opening counts, a closing does not). */
    public boolean isWorkingTime(Instant at) {
        fresh();
        ZonedDateTime local = at.atZone(hours.zone());
        if (!workingDay(local.toLocalDate())) {
            return false;
        }
        LocalTime t = local.toLocalTime();
        return periods().stream().anyMatch(period -> !t.isBefore(period[0]) && t.isBefore(period[1]));
    }

    /**
     * The working time between two instants, in whole minutes (seconds are dropped at the end): the
     * office hours of working days that lie between them, 0 when {@code to} is not after
     * {@code from}. It is the inverse of {@link #addWorkingTime} without cut-off:
     * {@code workingMinutesBetween(from, addWorkingTime(from, m, null)) == m}. Used, for example, for
     * the working time a dossier waited for a supplement.
     */
    public long workingMinutesBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        fresh();
        ZoneId zone = hours.zone();
        LocalDate last = to.atZone(zone).toLocalDate();
        Duration total = Duration.ZERO;
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            if (!workingDay(day)) {
                continue;
            }
            for (LocalTime[] period : periods()) {
                Instant start = later(from, day.atTime(period[0]).atZone(zone).toInstant());
                Instant end = earlier(to, day.atTime(period[1]).atZone(zone).toInstant());
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total.toMinutes();
    }

    /**
     * The deadline that is {@code workingMinutes} of working time after {@code from}.
     *
     * @param cutoff when not null, a start after this local time counts from the next working day
     */
    public ZonedDateTime addWorkingTime(Instant from, long workingMinutes, LocalTime cutoff) {
        fresh();
        ZonedDateTime at = from.atZone(hours.zone());
        if (cutoff != null && workingDay(at.toLocalDate()) && at.toLocalTime().isAfter(cutoff)) {
            at = opening(nextWorkingDay(at.toLocalDate()));
        }
        long left = workingMinutes;
        at = nextWorkingInstant(at);
        while (true) {
            ZonedDateTime periodEnd = periodEnd(at);
            long available = Duration.between(at, periodEnd).toMinutes();
            if (left <= available) {
                return at.plusMinutes(left);
            }
            left -= available;
            at = nextWorkingInstant(periodEnd.plusNanos(1));
        }
    }

    /**
     * The instant that lies {@code workingMinutes} of working time before {@code to}: the inverse of
     * {@link #addWorkingTime} without cut-off, used for warnings ahead of a deadline (due soon, at risk).
     */
    public Instant subtractWorkingTime(Instant to, long workingMinutes) {
        fresh();
        ZonedDateTime at = previousWorkingInstant(to.atZone(hours.zone()));
        long left = workingMinutes;
        while (true) {
            LocalTime t = at.toLocalTime();
            LocalTime start = !t.isAfter(hours.morningEnd()) ? hours.morningStart() : hours.afternoonStart();
            ZonedDateTime periodStart = at.toLocalDate().atTime(start).atZone(hours.zone());
            long available = Duration.between(periodStart, at).toMinutes();
            if (left <= available) {
                return at.minusMinutes(left).toInstant();
            }
            left -= available;
            at = previousWorkingInstant(periodStart.minusNanos(1));
        }
    }

    /**
     * The end of a time limit of {@code days} calendar days ("ngày" in the law, weekends and holidays
     * included) that starts with an event at {@code from}: the close of office hours of the last day.
     * As the Civil Code 2015 counts time limits: the day of the event is not counted, counting starts the
     * next day (Art. 147(2)); the limit ends with its last day (Art. 148(1)); when the last day is a weekly
     * rest day or a holiday, it ends with the next working day (Art. 148(5)). Art. 148(6) ends a day at
     * midnight; an office's day ends when it closes, so the end here is the close of office hours
     * ({@code afternoonEnd}) of that day. "Working day" is this calendar's: a make-up Saturday is one.
     */
    public ZonedDateTime endOfCalendarDays(Instant from, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("a time limit in days needs at least one day");
        }
        LocalDate last = from.atZone(hours.zone()).toLocalDate().plusDays(days);
        while (!isWorkingDay(last)) {
            last = last.plusDays(1);
        }
        return last.atTime(hours.afternoonEnd()).atZone(hours.zone());
    }

    /**
     * The end of "the same day" ("trong ngày", "ngay trong ngày") for an event at {@code from}: the close
     * of office hours of that day when it is a working day and the event is not after the close nor after
     * the {@code cutoff}; otherwise the close of office hours of the next working day.
     *
     * @param cutoff the afternoon cut-off, or null for none (then only the close counts)
     */
    public ZonedDateTime endOfWorkingDay(Instant from, LocalTime cutoff) {
        ZonedDateTime at = from.atZone(hours.zone());
        LocalDate day = at.toLocalDate();
        LocalTime t = at.toLocalTime();
        boolean late = !t.isBefore(hours.afternoonEnd()) || (cutoff != null && t.isAfter(cutoff));
        if (!isWorkingDay(day) || late) {
            day = nextWorkingDay(day);
        }
        return day.atTime(hours.afternoonEnd()).atZone(hours.zone());
    }

    /** The same instant if it is in office hours or at a closing, else the previous closing. */
    private ZonedDateTime previousWorkingInstant(ZonedDateTime at) {
        LocalDate day = at.toLocalDate();
        if (workingDay(day)) {
            LocalTime t = at.toLocalTime();
            List<LocalTime[]> periods = periods();
            for (int i = periods.size() - 1; i >= 0; i--) {
                LocalTime[] period = periods.get(i);
                if (t.isAfter(period[1])) {
                    return day.atTime(period[1]).atZone(hours.zone());
                }
                if (t.isAfter(period[0])) {
                    return at;
                }
            }
        }
        LocalDate previous = day.minusDays(1);
        while (!workingDay(previous)) {
            previous = previous.minusDays(1);
        }
        return previous.atTime(hours.afternoonEnd()).atZone(hours.zone());
    }

    /** The same instant if it is in office hours, else the next opening. */
    ZonedDateTime nextWorkingInstant(ZonedDateTime at) {
        LocalDate day = at.toLocalDate();
        if (workingDay(day)) {
            LocalTime t = at.toLocalTime();
            for (LocalTime[] period : periods()) {
                if (t.isBefore(period[0])) {
                    return day.atTime(period[0]).atZone(hours.zone());
                }
                if (t.isBefore(period[1])) {
                    return at;
                }
            }
        }
        return opening(nextWorkingDay(day));
    }

    private ZonedDateTime periodEnd(ZonedDateTime inside) {
        LocalTime t = inside.toLocalTime();
        LocalTime end = t.isBefore(hours.morningEnd()) ? hours.morningEnd() : hours.afternoonEnd();
        return inside.toLocalDate().atTime(end).atZone(hours.zone());
    }

    private LocalDate nextWorkingDay(LocalDate day) {
        LocalDate next = day.plusDays(1);
        while (!workingDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }

    private ZonedDateTime opening(LocalDate day) {
        return day.atTime(hours.morningStart()).atZone(hours.zone());
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private List<LocalTime[]> periods() {
        return List.of(new LocalTime[] {hours.morningStart(), hours.morningEnd()},
                new LocalTime[] {hours.afternoonStart(), hours.afternoonEnd()});
    }
}
