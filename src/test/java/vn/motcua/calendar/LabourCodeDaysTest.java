package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** The provisional days off of the Labour Code 2019, worked out by hand from a wall calendar. */
class LabourCodeDaysTest {

    private static final LabourCodeDays LAW = new LabourCodeDays(ProvisionalDaysProperties.defaults());

    @Test
    void theProvisionalDaysOf2027() {
        // 1/1 Fri; Tết (6 Feb 2027 is mùng 1, a Saturday): Fri 5 Feb (29 tháng Chạp, the last day of the year),
        // Sat 6, Sun 7, Mon 8, Tue 9 (mùng 4); Sat 6 and Sun 7 compensated Wed 10 and Thu 11 (Mon and Tue are
        // Tết already); Hùng Kings 10/3 lunar = Fri 16 Apr; 30/4 Fri; 1/5 Sat compensated Mon 3 May;
        // 2/9 Thu and, next to it, Fri 3 Sep
        assertThat(dates(2027)).containsExactly("2027-01-01", "2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10",
                "2027-02-11", "2027-04-16", "2027-04-30", "2027-05-03", "2027-09-02", "2027-09-03");
        Map<String, LabourCodeDays.Day> days = LAW.of(2027).stream()
                .collect(Collectors.toMap(d -> d.date().toString(), d -> d));
        assertThat(days.get("2027-01-01").name()).isEqualTo("Tết Dương lịch");
        assertThat(days.get("2027-02-05").name()).isEqualTo("Tết Nguyên đán (29 tháng Chạp)");
        assertThat(days.get("2027-02-09").name()).isEqualTo("Tết Nguyên đán (mùng 4 tháng Giêng)");
        assertThat(days.get("2027-02-10").name()).isEqualTo("Nghỉ bù Tết Nguyên đán (mùng 1 tháng Giêng) (thứ Bảy 06/02/2027)");
        assertThat(days.get("2027-02-11").name()).isEqualTo("Nghỉ bù Tết Nguyên đán (mùng 2 tháng Giêng) (Chủ nhật 07/02/2027)");
        assertThat(days.get("2027-04-16").name()).isEqualTo("Giỗ Tổ Hùng Vương");
        assertThat(days.get("2027-05-03").name()).isEqualTo("Nghỉ bù Ngày Quốc tế Lao động (thứ Bảy 01/05/2027)");
        assertThat(days.get("2027-05-03").rule()).startsWith("Bộ luật Lao động 2019, Điều 111 khoản 3");
        assertThat(days.get("2027-04-16").rule()).contains("Điều 112 khoản 1 điểm e").contains("10/3 âm lịch");
        assertThat(days.get("2027-02-05").rule()).contains("điểm b").contains("05/02/2027–09/02/2027");
        assertThat(days.get("2027-09-03").rule()).contains("điểm đ").contains("03/09/2027");
        assertThat(days.values()).allSatisfy(d -> assertThat(DayKind.DAY_OFF.fits(d.date())).as("%s", d).isTrue());
    }

    @Test
    void provisional2026IsTheOfficial2026WithoutItsSwaps() {
        // 2026's official schedule only adds swapped weekdays (Fri 2 Jan, Mon 31 Aug) to what the law gives
        Set<LocalDate> official = OfficialDaysFile.read(new ClassPathResource("calendar/official-days.yml")).days().stream()
                .filter(e -> e.date().getYear() == 2026 && e.kind() == DayKind.DAY_OFF)
                .map(OfficialDaysFile.Entry::date).collect(Collectors.toSet());
        assertThat(dates(2026)).containsExactly("2026-01-01", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19",
                "2026-02-20", "2026-04-27", "2026-04-30", "2026-05-01", "2026-09-01", "2026-09-02");
        assertThat(official).containsAll(LAW.of(2026).stream().map(LabourCodeDays.Day::date).toList());
        assertThat(official.stream().map(LocalDate::toString).sorted().toList()).containsExactly("2026-01-01",
                "2026-01-02", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", "2026-04-27",
                "2026-04-30", "2026-05-01", "2026-08-31", "2026-09-01", "2026-09-02");
        // Hùng Kings' day was Sunday 26 April 2026: compensated Monday 27 April, as announced
        assertThat(LAW.of(2026).stream().filter(d -> d.date().equals(LocalDate.of(2026, 4, 27))).findFirst().orElseThrow()
                .name()).isEqualTo("Nghỉ bù Giỗ Tổ Hùng Vương (Chủ nhật 26/04/2026)");
    }

    @Test
    void tetOf2024And2025AsTheLawAloneGivesThem() {
        // 2024: Tết Sat 10 Feb; Fri 9 (30 Chạp) to Tue 13 (mùng 4), Sat and Sun compensated Wed 14 and Thu 15.
        // The government chose Thu 8 to Wed 14 instead, which is why these days are only provisional.
        assertThat(dates(2024)).contains("2024-02-09", "2024-02-12", "2024-02-13", "2024-02-14", "2024-02-15")
                .doesNotContain("2024-02-08");
        // 2025: Tết Wed 29 Jan; Tue 28 (29 Chạp) to Sat 1 Feb (mùng 4), compensated Mon 3 Feb
        assertThat(dates(2025)).contains("2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-02-03");
        // Hùng Kings: Thu 18 Apr 2024, Mon 7 Apr 2025
        assertThat(dates(2024)).contains("2024-04-18");
        assertThat(dates(2025)).contains("2025-04-07");
    }

    @Test
    void theDayNextToNationalDayFollowsWhatTheGovernmentChoseSince2021() {
        // 2021 Thu 2/9 + Fri 3/9; 2022 Fri 2/9 + Thu 1/9; 2023 Sat 2/9 + Fri 1/9 (2/9 compensated Mon 4/9);
        // 2024 Mon 2/9 + Tue 3/9; 2025 Tue 2/9 + Mon 1/9; 2026 Wed 2/9 + Tue 1/9
        assertThat(dates(2021)).contains("2021-09-02", "2021-09-03");
        assertThat(dates(2022)).contains("2022-09-01", "2022-09-02");
        assertThat(dates(2023)).contains("2023-09-01", "2023-09-04").doesNotContain("2023-09-02");
        assertThat(dates(2024)).contains("2024-09-02", "2024-09-03");
        assertThat(dates(2025)).contains("2025-09-01", "2025-09-02");
        // configured: always the day after
        LabourCodeDays after = new LabourCodeDays(new ProvisionalDaysProperties(true, 1,
                ProvisionalDaysProperties.AdjacentDay.AFTER, List.of()));
        assertThat(after.of(2026).stream().map(d -> d.date().toString())).contains("2026-09-02", "2026-09-03")
                .doesNotContain("2026-09-01");
    }

    @Test
    void theTetDaysCanBeMoved() {
        // two days before the New Year: Thu 4 and Fri 5 Feb 2027, then Sat 6 to Mon 8; Sat and Sun compensated
        // Tue 9 and Wed 10
        LabourCodeDays earlier = new LabourCodeDays(new ProvisionalDaysProperties(true, 2,
                ProvisionalDaysProperties.AdjacentDay.AUTO, List.of()));
        assertThat(earlier.of(2027).stream().map(d -> d.date().toString()).filter(d -> d.startsWith("2027-02")))
                .containsExactly("2027-02-04", "2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10");
    }

    @Test
    void aHolidayAddedByTheProvinceAndAHolidayOnANewYearSaturday() {
        LabourCodeDays withCulture = new LabourCodeDays(new ProvisionalDaysProperties(true, 1,
                ProvisionalDaysProperties.AdjacentDay.AUTO,
                List.of(new ProvisionalDaysProperties.FixedHoliday(11, 24, "Ngày Văn hóa Việt Nam"))));
        assertThat(withCulture.of(2027).stream().filter(d -> d.date().equals(LocalDate.of(2027, 11, 24)))
                .map(LabourCodeDays.Day::name)).containsExactly("Ngày Văn hóa Việt Nam");
        // 1 Jan 2028 is a Saturday: Monday 3 Jan off
        assertThat(dates(2028)).startsWith("2028-01-03");
    }

    private static List<String> dates(int year) {
        return LAW.of(year).stream().map(d -> d.date().toString()).toList();
    }
}
