package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

    private static final CalendarProperties OFFICE_HOURS = new CalendarProperties(ZoneId.of("Asia/Ho_Chi_Minh"),
            LocalTime.of(7, 0), LocalTime.of(11, 30), LocalTime.of(13, 30), LocalTime.of(17, 0));

    private final WorkingCalendar calendar = new WorkingCalendar(OFFICE_HOURS, InMemoryCalendarDays.weekendsOnly(),
            Clock.systemUTC());

    private String due(String from, long workingHours, LocalTime cutoff) {
        return calendar.addWorkingTime(OffsetDateTime.parse(from).toInstant(), workingHours * 60, cutoff)
                .toOffsetDateTime().toString();
    }

    @Test
    void oneWorkingDayFromMidMorningEndsNextMorningAtTheSameTime() {
        // Mon 10:00 + 8 h: 1.5 h before lunch, 3.5 h after, 3 h on Tuesday
        assertThat(due("2026-11-23T10:00+07:00", 8, null)).isEqualTo("2026-11-24T10:00+07:00");
    }

    @Test
    void weekendsAreSkipped() {
        // Fri 09:00 + 3 working days = Wed 09:00
        assertThat(due("2026-11-27T09:00+07:00", 24, null)).isEqualTo("2026-12-02T09:00+07:00");
        // received on Saturday: counting starts Monday 07:00
        assertThat(due("2026-11-28T09:00+07:00", 8, null)).isEqualTo("2026-11-30T17:00+07:00");
    }

    @Test
    void lunchAndEveningStartAtTheNextOpening() {
        assertThat(due("2026-11-23T12:15+07:00", 3, null)).isEqualTo("2026-11-23T16:30+07:00");
        assertThat(due("2026-11-23T12:15+07:00", 4, null)).isEqualTo("2026-11-24T07:30+07:00");
        assertThat(due("2026-11-23T18:30+07:00", 4, null)).isEqualTo("2026-11-24T11:00+07:00");
        assertThat(due("2026-11-23T05:00+07:00", 4, null)).isEqualTo("2026-11-23T11:00+07:00");
    }

    @Test
    void aDeadlineThatFillsTheDayEndsAtClosingNotNextMorning() {
        assertThat(due("2026-11-23T07:00+07:00", 8, null)).isEqualTo("2026-11-23T17:00+07:00");
    }

    @Test
    void afternoonCutoffCountsFromTheNextWorkingDay() {
        LocalTime cutoff = LocalTime.of(15, 0);
        assertThat(due("2026-11-23T14:59+07:00", 8, cutoff)).isEqualTo("2026-11-24T14:59+07:00");
        assertThat(due("2026-11-23T15:01+07:00", 8, cutoff)).isEqualTo("2026-11-24T17:00+07:00");
        // Friday after the cut-off: Monday
        assertThat(due("2026-11-27T16:00+07:00", 8, cutoff)).isEqualTo("2026-11-30T17:00+07:00");
    }

    @Test
    void inputInAnotherZoneIsCountedInVietnamTime() {
        // 02:00 UTC is 09:00 in Huế
        assertThat(due("2026-11-23T02:00Z", 2, null)).isEqualTo("2026-11-23T11:00+07:00");
    }

    @Test
    void entriesTurnAWeekdayOffAndASaturdayIntoAWorkingDay() {
        WorkingCalendar withEntries = new WorkingCalendar(OFFICE_HOURS, InMemoryCalendarDays.of(Map.of(
                LocalDate.of(2026, 11, 24), DayKind.DAY_OFF, LocalDate.of(2026, 11, 28), DayKind.WORKING_DAY)),
                Clock.systemUTC());
        assertThat(withEntries.isWorkingDay(LocalDate.of(2026, 11, 23))).isTrue();
        assertThat(withEntries.isWorkingDay(LocalDate.of(2026, 11, 24))).isFalse();
        assertThat(withEntries.isWorkingDay(LocalDate.of(2026, 11, 28))).isTrue();
        assertThat(withEntries.isWorkingDay(LocalDate.of(2026, 11, 29))).isFalse();
        // Mon 10:00 + 8 h skips the Tuesday off
        assertThat(withEntries.addWorkingTime(at("2026-11-23T10:00+07:00"), 8 * 60, null).toOffsetDateTime())
                .hasToString("2026-11-25T10:00+07:00");
        // Fri 16:00 + 8 h: 1 h on Friday, then 4.5 h + 2.5 h on the working Saturday
        assertThat(withEntries.addWorkingTime(at("2026-11-27T16:00+07:00"), 8 * 60, null).toOffsetDateTime())
                .hasToString("2026-11-28T16:00+07:00");
    }

    @Test
    void workingTimeIsOfficeHoursOfWorkingDays() {
        assertThat(calendar.isWorkingTime(at("2026-11-23T07:00+07:00"))).isTrue();
        assertThat(calendar.isWorkingTime(at("2026-11-23T11:30+07:00"))).isFalse();
        assertThat(calendar.isWorkingTime(at("2026-11-23T12:00+07:00"))).isFalse();
        assertThat(calendar.isWorkingTime(at("2026-11-23T16:59+07:00"))).isTrue();
        assertThat(calendar.isWorkingTime(at("2026-11-23T17:00+07:00"))).isFalse();
        assertThat(calendar.isWorkingTime(at("2026-11-28T09:00+07:00"))).isFalse();
    }

    @Test
    void workingMinutesBetweenCountsOfficeHoursOnly() {
        assertThat(calendar.workingMinutesBetween(at("2026-11-23T10:00+07:00"), at("2026-11-23T10:00+07:00"))).isZero();
        assertThat(calendar.workingMinutesBetween(at("2026-11-23T11:00+07:00"), at("2026-11-23T10:00+07:00"))).isZero();
        // lunch does not count: 10:00-11:30 and 13:30-14:00
        assertThat(calendar.workingMinutesBetween(at("2026-11-23T10:00+07:00"), at("2026-11-23T14:00+07:00")))
                .isEqualTo(120);
        // a whole working day, and a night that does not count
        assertThat(calendar.workingMinutesBetween(at("2026-11-23T06:00+07:00"), at("2026-11-23T20:00+07:00")))
                .isEqualTo(480);
        assertThat(calendar.workingMinutesBetween(at("2026-11-23T17:00+07:00"), at("2026-11-24T07:00+07:00"))).isZero();
        // Fri 16:00 to Mon 08:00 over a weekend: 1 h + 1 h
        assertThat(calendar.workingMinutesBetween(at("2026-11-27T16:00+07:00"), at("2026-11-30T08:00+07:00")))
                .isEqualTo(120);
        // seconds are dropped at the end
        assertThat(calendar.workingMinutesBetween(at("2026-11-23T10:00:00+07:00"), at("2026-11-23T10:01:59+07:00")))
                .isEqualTo(1);
    }

    @Test
    void workingMinutesBetweenIsTheInverseOfAddingWorkingTime() {
        for (String from : new String[] {"2026-11-23T10:00+07:00", "2026-11-23T12:15+07:00", "2026-11-27T16:20+07:00",
                "2026-11-28T09:00+07:00", "2026-11-23T11:29:30+07:00", "2026-11-23T18:00+07:00"}) {
            for (long minutes : new long[] {0, 1, 29, 90, 240, 480, 481, 5 * 480 + 17, 60 * 480}) {
                Instant due = calendar.addWorkingTime(at(from), minutes, null).toInstant();
                assertThat(calendar.workingMinutesBetween(at(from), due)).as("%s + %d min", from, minutes)
                        .isEqualTo(minutes);
            }
        }
    }

    private static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }
}
