package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Counting working time backwards from a deadline, for warnings ahead of it. */
class SubtractWorkingTimeTest {

    private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    private final WorkingCalendar calendar = new WorkingCalendar(
            new CalendarProperties(VN, LocalTime.of(7, 0), LocalTime.of(11, 30), LocalTime.of(13, 30), LocalTime.of(17, 0)),
            InMemoryCalendarDays.of(Map.of(LocalDate.of(2026, 4, 30), DayKind.DAY_OFF, LocalDate.of(2026, 5, 1),
                    DayKind.DAY_OFF)),
            Clock.systemUTC());

    private static Instant at(int y, int m, int d, int h, int min) {
        return LocalDateTime.of(y, m, d, h, min).atZone(VN).toInstant();
    }

    @Test
    void withinTheSamePeriod() {
        assertThat(calendar.subtractWorkingTime(at(2026, 11, 27, 10, 0), 120)).isEqualTo(at(2026, 11, 27, 8, 0));
    }

    @Test
    void acrossLunchAndNights() {
        // 14:30 less 2 h: 1 h back to 13:30, then 1 h before 11:30
        assertThat(calendar.subtractWorkingTime(at(2026, 11, 27, 14, 30), 120)).isEqualTo(at(2026, 11, 27, 10, 30));
        // Monday 08:00 less 4 h: 1 h back to 07:00, then 3 h before Friday's 17:00
        assertThat(calendar.subtractWorkingTime(at(2026, 11, 30, 8, 0), 240)).isEqualTo(at(2026, 11, 27, 14, 0));
    }

    @Test
    void aDeadlineAtAClosingOrOutsideHoursCountsFromTheClosing() {
        assertThat(calendar.subtractWorkingTime(at(2026, 11, 27, 17, 0), 60)).isEqualTo(at(2026, 11, 27, 16, 0));
        assertThat(calendar.subtractWorkingTime(at(2026, 11, 27, 20, 0), 60)).isEqualTo(at(2026, 11, 27, 16, 0));
        assertThat(calendar.subtractWorkingTime(at(2026, 11, 27, 12, 0), 30)).isEqualTo(at(2026, 11, 27, 11, 0));
    }

    @Test
    void skipsDaysOff() {
        // Monday 4 May 2026, 07:00 less 1 day: Thu 30 Apr and Fri 1 May are off, so from Wed 29 Apr 17:00
        assertThat(calendar.subtractWorkingTime(at(2026, 5, 4, 7, 0), 480)).isEqualTo(at(2026, 4, 29, 7, 0));
    }

    @Test
    void isTheInverseOfAddingWorkingTime() {
        Instant from = at(2026, 4, 28, 9, 15);
        for (long minutes : new long[] {1, 45, 135, 480, 1000, 4321}) {
            Instant due = calendar.addWorkingTime(from, minutes, null).toInstant();
            assertThat(calendar.subtractWorkingTime(due, minutes)).as("%d minutes", minutes).isEqualTo(from);
        }
    }
}
