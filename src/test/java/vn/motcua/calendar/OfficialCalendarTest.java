package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

/**
 * The working calendar with the shipped official days, read by the same parser the application uses:
 * a wrong data file fails here. Every expected deadline is worked out by hand in the comment above it
 * (office hours 07:00–11:30 and 13:30–17:00, 8 working hours a day).
 */
class OfficialCalendarTest {

    private static final OfficialDaysFile SHIPPED = OfficialDaysFile.read(new ClassPathResource("calendar/official-days.yml"));
    private static final LocalTime CUTOFF = LocalTime.of(15, 0);

    private final WorkingCalendar calendar = new WorkingCalendar(
            new CalendarProperties(ZoneId.of("Asia/Ho_Chi_Minh"), LocalTime.of(7, 0), LocalTime.of(11, 30),
                    LocalTime.of(13, 30), LocalTime.of(17, 0)),
            InMemoryCalendarDays.of(SHIPPED.kinds()), Clock.systemUTC());

    @Test
    void theShippedFileHoldsTheAnnouncedDays() {
        Map<Integer, Map<DayKind, Long>> counts = SHIPPED.days().stream().collect(Collectors.groupingBy(
                e -> e.date().getYear(), Collectors.groupingBy(OfficialDaysFile.Entry::kind, Collectors.counting())));
        assertThat(counts).containsOnlyKeys(2024, 2025, 2026);
        assertThat(counts.get(2024)).containsEntry(DayKind.DAY_OFF, 12L).containsEntry(DayKind.WORKING_DAY, 1L);
        assertThat(counts.get(2025)).containsEntry(DayKind.DAY_OFF, 12L).containsEntry(DayKind.WORKING_DAY, 1L);
        assertThat(counts.get(2026)).containsEntry(DayKind.DAY_OFF, 13L).containsEntry(DayKind.WORKING_DAY, 2L);
        assertThat(SHIPPED.kinds()).containsEntry(LocalDate.of(2024, 5, 4), DayKind.WORKING_DAY)
                .containsEntry(LocalDate.of(2025, 4, 26), DayKind.WORKING_DAY)
                .containsEntry(LocalDate.of(2026, 1, 10), DayKind.WORKING_DAY)
                .containsEntry(LocalDate.of(2026, 8, 22), DayKind.WORKING_DAY);
        assertThat(SHIPPED.days()).allSatisfy(e -> assertThat(e.name()).isNotBlank());
    }

    @Test
    void daysOffAndWorkingDaysOfTheThreeYears() {
        // 2024: Tết Thu 8 – Wed 14 Feb; 30/4: off Sat 27 Apr – Wed 1 May, Mon 29 Apr swapped for Sat 4 May
        assertOff("2024-01-01", "2024-02-08", "2024-02-09", "2024-02-12", "2024-02-13", "2024-02-14", "2024-04-18",
                "2024-04-29", "2024-04-30", "2024-05-01", "2024-09-02", "2024-09-03");
        assertWorking("2024-02-07", "2024-02-15", "2024-04-26", "2024-05-02", "2024-05-04", "2024-09-04");
        // 2025: Tết Sat 25 Jan – Sun 2 Feb; 30/4: off Wed 30 Apr – Sun 4 May, Fri 2 May swapped for Sat 26 Apr
        assertOff("2025-01-01", "2025-01-25", "2025-01-27", "2025-01-31", "2025-02-02", "2025-04-07", "2025-04-30",
                "2025-05-01", "2025-05-02", "2025-09-01", "2025-09-02");
        assertWorking("2025-01-24", "2025-02-03", "2025-04-26", "2025-05-05", "2025-09-03");
        // 2026: New Year Thu 1 – Sun 4 Jan (Fri 2 Jan swapped for Sat 10 Jan); Tết Sat 14 – Sun 22 Feb;
        // Hùng Kings on Sunday 26 Apr, compensated Monday 27 Apr; National Day Sat 29 Aug – Wed 2 Sep
        // (Mon 31 Aug swapped for Sat 22 Aug)
        assertOff("2026-01-01", "2026-01-02", "2026-02-14", "2026-02-16", "2026-02-20", "2026-02-22", "2026-04-26",
                "2026-04-27", "2026-04-30", "2026-05-01", "2026-08-31", "2026-09-01", "2026-09-02");
        assertWorking("2026-01-05", "2026-01-10", "2026-02-13", "2026-02-23", "2026-04-28", "2026-08-22", "2026-09-03");
    }

    @Test
    void tet2025() {
        // Fri 24 Jan 16:00 + 2 days (16 h): 1 h Friday, Tết until Sun 2 Feb, 8 h Mon 3 Feb,
        // 4.5 h + 2.5 h on Tue 4 Feb -> 16:00
        assertThat(due("2025-01-24T16:00+07:00", 16 * 60, null)).isEqualTo("2025-02-04T16:00+07:00");
        // received during Tết: counting starts Mon 3 Feb 07:00, one day ends at closing
        assertThat(due("2025-01-29T10:00+07:00", 8 * 60, null)).isEqualTo("2025-02-03T17:00+07:00");
        // after the 15:00 cut-off on Friday 24 Jan: counting starts Mon 3 Feb
        assertThat(due("2025-01-24T15:30+07:00", 8 * 60, CUTOFF)).isEqualTo("2025-02-03T17:00+07:00");
        // the cut-off does not apply on a day off (Sun 2 Feb): the next opening counts anyway
        assertThat(due("2025-02-02T16:00+07:00", 8 * 60, CUTOFF)).isEqualTo("2025-02-03T17:00+07:00");
        // half a day from Fri 24 Jan 14:00: 3 h Friday, 1 h from Mon 3 Feb 07:00
        assertThat(due("2025-01-24T14:00+07:00", 4 * 60, null)).isEqualTo("2025-02-03T08:00+07:00");
        // evening of Tue 4 Feb: Wed 5 Feb 07:00 + 4 h
        assertThat(due("2025-02-04T18:30+07:00", 4 * 60, null)).isEqualTo("2025-02-05T11:00+07:00");
    }

    @Test
    void tet2026() {
        // Fri 13 Feb 10:00 + 1 day: 1.5 h + 3.5 h on Friday, Tết 14–22 Feb, 3 h on Mon 23 Feb -> 10:00
        assertThat(due("2026-02-13T10:00+07:00", 8 * 60, null)).isEqualTo("2026-02-23T10:00+07:00");
        // Fri 13 Feb 15:05, after the cut-off, 3 days: Mon 23, Tue 24, Wed 25 Feb at closing
        assertThat(due("2026-02-13T15:05+07:00", 3 * 8 * 60, CUTOFF)).isEqualTo("2026-02-25T17:00+07:00");
        // during lunch on Thu 12 Feb, half a day: 3.5 h from 13:30, 0.5 h on Fri 13 Feb -> 07:30
        assertThat(due("2026-02-12T12:00+07:00", 4 * 60, null)).isEqualTo("2026-02-13T07:30+07:00");
        // half a day from Fri 13 Feb 16:00: 1 h Friday, 3 h on Mon 23 Feb -> 10:00
        assertThat(due("2026-02-13T16:00+07:00", 4 * 60, null)).isEqualTo("2026-02-23T10:00+07:00");
    }

    @Test
    void theMakeUpSaturdayOf2024IsWorked() {
        // Fri 26 Apr 16:00 + 1 day: 1 h Friday, off Sat 27 – Wed 1 May, 4.5 h + 2.5 h on Thu 2 May -> 16:00
        assertThat(due("2024-04-26T16:00+07:00", 8 * 60, null)).isEqualTo("2024-05-02T16:00+07:00");
        // Fri 3 May 09:00 + 1 day: 2.5 h + 3.5 h Friday, 2 h on the make-up Saturday 4 May -> 09:00
        assertThat(due("2024-05-03T09:00+07:00", 8 * 60, null)).isEqualTo("2024-05-04T09:00+07:00");
        // received on the make-up Saturday at 08:00, half a day: 3.5 h morning, 0.5 h after lunch
        assertThat(due("2024-05-04T08:00+07:00", 4 * 60, null)).isEqualTo("2024-05-04T14:00+07:00");
        // after the cut-off on Friday 3 May: counting starts on the working Saturday
        assertThat(due("2024-05-03T16:00+07:00", 8 * 60, CUTOFF)).isEqualTo("2024-05-04T17:00+07:00");
        // after the cut-off on the working Saturday: Monday 6 May
        assertThat(due("2024-05-04T15:30+07:00", 8 * 60, CUTOFF)).isEqualTo("2024-05-06T17:00+07:00");
    }

    @Test
    void workingMinutesBetweenSkipsHolidaysAndCountsTheMakeUpSaturday() {
        // Fri 24 Jan 2025 16:00 -> Mon 3 Feb 2025 08:00: 1 h + 1 h, Tết counts nothing
        assertThat(calendar.workingMinutesBetween(at("2025-01-24T16:00+07:00"), at("2025-02-03T08:00+07:00")))
                .isEqualTo(120);
        // Fri 13 Feb 2026 07:00 -> Mon 23 Feb 2026 17:00: two working days around Tết
        assertThat(calendar.workingMinutesBetween(at("2026-02-13T07:00+07:00"), at("2026-02-23T17:00+07:00")))
                .isEqualTo(960);
        // Fri 3 May 2024 17:00 -> Mon 6 May 2024 07:00: the whole make-up Saturday
        assertThat(calendar.workingMinutesBetween(at("2024-05-03T17:00+07:00"), at("2024-05-06T07:00+07:00")))
                .isEqualTo(480);
        // a supplement wait from Fri 26 Apr 2024 16:00 to Thu 2 May 2024 09:00: 1 h + 2 h
        assertThat(calendar.workingMinutesBetween(at("2024-04-26T16:00+07:00"), at("2024-05-02T09:00+07:00")))
                .isEqualTo(180);
        // inverse of adding working time across Tết 2026
        Instant from = at("2026-02-12T09:45+07:00");
        for (long minutes : new long[] {60, 480, 5 * 480, 20 * 480 + 7}) {
            assertThat(calendar.workingMinutesBetween(from, calendar.addWorkingTime(from, minutes, null).toInstant()))
                    .isEqualTo(minutes);
        }
    }

    @Test
    void aWrongFileIsRefusedWithEveryMistake() {
        String yaml = """
                days:
                  - { date: 2026-02-14, kind: DAY_OFF, name: "Tết on a Saturday" }
                  - { date: 2026-02-16, kind: WORKING_DAY, name: "Làm bù on a Monday" }
                  - { date: 2026-02-17, kind: DAY_OFF, name: "Tết" }
                  - { date: 2026-02-17, kind: DAY_OFF, name: "Tết" }
                  - { date: 2026-02-18, kind: DAY_OFF, name: " " }
                """;
        assertThatThrownBy(() -> OfficialDaysFile.read(new ByteArrayResource(yaml.getBytes())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("2026-02-14 is a SATURDAY")
                .hasMessageContaining("2026-02-16 is a MONDAY")
                .hasMessageContaining("2026-02-17 appears twice")
                .hasMessageContaining("2026-02-18 needs a name");
        assertThatThrownBy(() -> OfficialDaysFile.read(new ByteArrayResource(
                "days:\n  - { date: 2026-02-17, kind: HOLIDAY, name: x }\n".getBytes())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("HOLIDAY");
        assertThatThrownBy(() -> OfficialDaysFile.read(new ByteArrayResource(
                "days:\n  - { date: 2026-02-17, kind: DAY_OFF, name: x, source: y }\n".getBytes())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("source");
    }

    private void assertOff(String... days) {
        for (String day : days) {
            assertThat(calendar.isWorkingDay(LocalDate.parse(day))).as("%s is off", day).isFalse();
        }
    }

    private void assertWorking(String... days) {
        for (String day : days) {
            assertThat(calendar.isWorkingDay(LocalDate.parse(day))).as("%s is worked", day).isTrue();
        }
    }

    private String due(String from, long minutes, LocalTime cutoff) {
        return calendar.addWorkingTime(at(from), minutes, cutoff).toOffsetDateTime().toString();
    }

    private static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }
}
