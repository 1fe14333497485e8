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

import org.springframework.stereotype.Component;

/**
 * Working time: office hours on working days. Saturdays and Sundays are days off.
 *
 * <p>Deadlines add working minutes to a start: a start outside office hours moves to the next
 * opening (after 17:00 to the next working morning, during lunch to 13:30), and the optional
 * afternoon cut-off of a procedure moves a late intake to the next working day.
 */
@Component
public class WorkingCalendar {

    private final CalendarProperties hours;
    private final Clock clock;

    public WorkingCalendar(CalendarProperties hours, Clock clock) {
        this.hours = hours;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    public ZoneId zone() {
        return hours.zone();
    }

    public boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /**
     * The deadline that is {@code workingMinutes} of working time after {@code from}.
     *
     * @param cutoff when not null, a start after this local time counts from the next working day
     */
    public ZonedDateTime addWorkingTime(Instant from, long workingMinutes, LocalTime cutoff) {
        ZonedDateTime at = from.atZone(hours.zone());
        if (cutoff != null && isWorkingDay(at.toLocalDate()) && at.toLocalTime().isAfter(cutoff)) {
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

    /** The same instant if it is in office hours, else the next opening. */
    ZonedDateTime nextWorkingInstant(ZonedDateTime at) {
        LocalDate day = at.toLocalDate();
        if (isWorkingDay(day)) {
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
        while (!isWorkingDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }

    private ZonedDateTime opening(LocalDate day) {
        return day.atTime(hours.morningStart()).atZone(hours.zone());
    }

    private List<LocalTime[]> periods() {
        return List.of(new LocalTime[] {hours.morningStart(), hours.morningEnd()},
                new LocalTime[] {hours.afternoonStart(), hours.afternoonEnd()});
    }
}
