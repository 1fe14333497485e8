package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Time limits in calendar days ("ngày") and the same day ("trong ngày"), as the Civil Code 2015 counts
 * time limits: the day of the event is not counted (Art. 147(2)); the limit ends with its last day (Art.
 * 148(1)), at the close of office hours here; a last day that is a weekly rest day or a holiday moves the
 * end to the next working day (Art. 148(5)).
 */
class CalendarDayDeadlinesTest {

    private static final CalendarProperties OFFICE_HOURS = new CalendarProperties(ZoneId.of("Asia/Ho_Chi_Minh"),
            LocalTime.of(7, 0), LocalTime.of(11, 30), LocalTime.of(13, 30), LocalTime.of(17, 0));

    /** 2026 as announced: Hùng Kings' day on Sunday 26/4 compensated on Monday 27/4; 30/4 and 1/5 off; make-up Saturday 10/1. */
    private final WorkingCalendar calendar = new WorkingCalendar(OFFICE_HOURS, InMemoryCalendarDays.of(Map.of(
            LocalDate.parse("2026-04-27"), DayKind.DAY_OFF,
            LocalDate.parse("2026-04-30"), DayKind.DAY_OFF,
            LocalDate.parse("2026-05-01"), DayKind.DAY_OFF,
            LocalDate.parse("2026-01-02"), DayKind.DAY_OFF,
            LocalDate.parse("2026-01-10"), DayKind.WORKING_DAY)), Clock.systemUTC());

    private String days(String from, int days) {
        return calendar.endOfCalendarDays(OffsetDateTime.parse(from).toInstant(), days).toOffsetDateTime().toString();
    }

    private String sameDay(String from, LocalTime cutoff) {
        return calendar.endOfWorkingDay(OffsetDateTime.parse(from).toInstant(), cutoff).toOffsetDateTime().toString();
    }

    @Test
    void sixDaysFromAThursdayEndWednesdayAtClosingNotAfterSixWorkingDays() {
        // Thu 19/11/2026: Fri, Sat, Sun, Mon, Tue, Wed = 6 days; six working days would end Fri 27/11
        assertThat(days("2026-11-19T10:00+07:00", 6)).isEqualTo("2026-11-25T17:00+07:00");
    }

    @Test
    void theDayOfReceptionIsNotCountedWhateverTheHour() {
        assertThat(days("2026-11-23T07:00+07:00", 1)).isEqualTo("2026-11-24T17:00+07:00");
        assertThat(days("2026-11-23T16:59+07:00", 1)).isEqualTo("2026-11-24T17:00+07:00");
        // received late in the evening: still that day (the limit counts from the next day)
        assertThat(days("2026-11-23T21:00+07:00", 1)).isEqualTo("2026-11-24T17:00+07:00");
    }

    @Test
    void aLastDayOnAWeekendEndsOnTheNextWorkingDay() {
        // Mon 23/11 + 5 days = Sat 28/11 -> Mon 30/11
        assertThat(days("2026-11-23T09:00+07:00", 5)).isEqualTo("2026-11-30T17:00+07:00");
        // + 6 days = Sun 29/11 -> Mon 30/11
        assertThat(days("2026-11-23T09:00+07:00", 6)).isEqualTo("2026-11-30T17:00+07:00");
        // received on a Saturday: days run from Sunday; + 2 = Monday
        assertThat(days("2026-11-28T09:00+07:00", 2)).isEqualTo("2026-11-30T17:00+07:00");
    }

    @Test
    void aLastDayOnAHolidayEndsAfterTheHolidaysAndTheWeekend() {
        // Tue 21/4/2026 + 6 days = Mon 27/4 (compensatory day off) -> Tue 28/4
        assertThat(days("2026-04-21T09:00+07:00", 6)).isEqualTo("2026-04-28T17:00+07:00");
        // Mon 27/4 + 3 days = Thu 30/4 (off), Fri 1/5 (off), weekend -> Mon 4/5
        assertThat(days("2026-04-27T09:00+07:00", 3)).isEqualTo("2026-05-04T17:00+07:00");
        // holidays inside the limit still count as days
        assertThat(days("2026-04-28T09:00+07:00", 6)).isEqualTo("2026-05-04T17:00+07:00");
    }

    @Test
    void aMakeUpSaturdayIsAWorkingDayOnWhichALimitEnds() {
        // Mon 5/1/2026 + 5 days = Sat 10/1, a make-up working Saturday
        assertThat(days("2026-01-05T09:00+07:00", 5)).isEqualTo("2026-01-10T17:00+07:00");
    }

    @Test
    void aLimitNeedsAtLeastOneDay() {
        assertThatThrownBy(() -> days("2026-11-23T09:00+07:00", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSameDayEndsAtClosingOrTheNextWorkingDayAfterTheCutoff() {
        LocalTime cutoff = LocalTime.of(15, 0);
        assertThat(sameDay("2026-11-23T10:00+07:00", cutoff)).isEqualTo("2026-11-23T17:00+07:00");
        // at the cut-off still that day; after it, the next working day
        assertThat(sameDay("2026-11-23T15:00+07:00", cutoff)).isEqualTo("2026-11-23T17:00+07:00");
        assertThat(sameDay("2026-11-23T15:01+07:00", cutoff)).isEqualTo("2026-11-24T17:00+07:00");
        // before opening: that day
        assertThat(sameDay("2026-11-23T06:30+07:00", cutoff)).isEqualTo("2026-11-23T17:00+07:00");
        // Friday after the cut-off: Monday; Saturday: Monday; the evening before a holiday: after it
        assertThat(sameDay("2026-11-27T16:00+07:00", cutoff)).isEqualTo("2026-11-30T17:00+07:00");
        assertThat(sameDay("2026-11-28T09:00+07:00", cutoff)).isEqualTo("2026-11-30T17:00+07:00");
        assertThat(sameDay("2026-04-29T15:30+07:00", cutoff)).isEqualTo("2026-05-04T17:00+07:00");
        // without a cut-off only the close counts
        assertThat(sameDay("2026-11-23T16:30+07:00", null)).isEqualTo("2026-11-23T17:00+07:00");
        assertThat(sameDay("2026-11-23T17:00+07:00", null)).isEqualTo("2026-11-24T17:00+07:00");
    }

    @Test
    void theWorkingTimeOfACalendarDayLimitDependsOnTheDaysItSpans() {
        // six days from a Thursday morning hold five working days (Thu, Fri, Mon, Tue, Wed) ...
        var thursday = OffsetDateTime.parse("2026-11-19T07:00+07:00").toInstant();
        assertThat(calendar.workingMinutesBetween(thursday, calendar.endOfCalendarDays(thursday, 6).toInstant()))
                .isEqualTo(5 * 8 * 60);
        // ... and fewer over the 30/4 holidays
        var before = OffsetDateTime.parse("2026-04-28T07:00+07:00").toInstant();
        assertThat(calendar.workingMinutesBetween(before, calendar.endOfCalendarDays(before, 6).toInstant()))
                .isEqualTo(3 * 8 * 60);
    }
}
