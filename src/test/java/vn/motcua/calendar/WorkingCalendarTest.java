package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

    private final WorkingCalendar calendar = new WorkingCalendar(
            new CalendarProperties(ZoneId.of("Asia/Ho_Chi_Minh"), LocalTime.of(7, 0), LocalTime.of(11, 30),
                    LocalTime.of(13, 30), LocalTime.of(17, 0)),
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
}
