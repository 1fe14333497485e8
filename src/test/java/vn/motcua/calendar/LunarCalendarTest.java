package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.SimpleTimeZone;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import org.junit.jupiter.api.Test;

/**
 * The Vietnamese lunar calendar against dates announced or published, and against an independent
 * implementation: ICU's astronomical Chinese calendar (its own astronomy, not Meeus's truncated series),
 * set to count days in UTC+7 as the Vietnamese calendar does, and in UTC+8 for the Chinese one.
 */
class LunarCalendarTest {

    private static final LunarCalendar VN = LunarCalendar.VIETNAM;

    @Test
    void tetOfTheYearsTheIssueNames() {
        assertThat(VN.newYear(2024)).isEqualTo(LocalDate.of(2024, 2, 10));
        assertThat(VN.newYear(2025)).isEqualTo(LocalDate.of(2025, 1, 29));
        assertThat(VN.newYear(2026)).isEqualTo(LocalDate.of(2026, 2, 17));
        assertThat(VN.newYear(2027)).isEqualTo(LocalDate.of(2027, 2, 6));
    }

    @Test
    void hungKingsDayOfTheYearsTheIssueNames() {
        assertThat(hungKings(2024)).isEqualTo(LocalDate.of(2024, 4, 18));
        assertThat(hungKings(2025)).isEqualTo(LocalDate.of(2025, 4, 7));
        assertThat(hungKings(2026)).isEqualTo(LocalDate.of(2026, 4, 26));
        // 2027: 16 April (Friday), the date published in Vietnamese calendars
        assertThat(hungKings(2027)).isEqualTo(LocalDate.of(2027, 4, 16));
    }

    @Test
    void theYearsWhereVietnamAndChinaDiffer() {
        // 1985: the new moon of 20 Jan 1985 fell at 23:28 in Beijing but 22:28 in Hanoi, so in Vietnam the
        // 12th month started a day earlier and Tết came a month before China's
        assertThat(VN.newYear(1985)).isEqualTo(LocalDate.of(1985, 1, 21));
        assertThat(LunarCalendar.CHINA.newYear(1985)).isEqualTo(LocalDate.of(1985, 2, 20));
        // 2007: the new moon of 17 Feb 2007 at 23:14 Hanoi time, 00:14 on the 18th in Beijing
        assertThat(VN.newYear(2007)).isEqualTo(LocalDate.of(2007, 2, 17));
        assertThat(LunarCalendar.CHINA.newYear(2007)).isEqualTo(LocalDate.of(2007, 2, 18));
        // 1968: Tết Mậu Thân, 29 Jan in (North) Vietnam, 30 Jan in China
        assertThat(VN.newYear(1968)).isEqualTo(LocalDate.of(1968, 1, 29));
        assertThat(LunarCalendar.CHINA.newYear(1968)).isEqualTo(LocalDate.of(1968, 1, 30));
    }

    @Test
    void tetFrom2000To2040AsPublished() {
        // Tết Nguyên đán in Vietnam, as printed in Vietnamese calendars: the same as China's except 2007 and
        // 2030 (new moon at 23:07 on 2 Feb 2030 in Hanoi, 00:07 on the 3rd in Beijing)
        String[] published = {"2000-02-05", "2001-01-24", "2002-02-12", "2003-02-01", "2004-01-22", "2005-02-09",
                "2006-01-29", "2007-02-17", "2008-02-07", "2009-01-26", "2010-02-14", "2011-02-03", "2012-01-23",
                "2013-02-10", "2014-01-31", "2015-02-19", "2016-02-08", "2017-01-28", "2018-02-16", "2019-02-05",
                "2020-01-25", "2021-02-12", "2022-02-01", "2023-01-22", "2024-02-10", "2025-01-29", "2026-02-17",
                "2027-02-06", "2028-01-26", "2029-02-13", "2030-02-02", "2031-01-23", "2032-02-11", "2033-01-31",
                "2034-02-19", "2035-02-08", "2036-01-28", "2037-02-15", "2038-02-04", "2039-01-24", "2040-02-12"};
        for (int i = 0; i < published.length; i++) {
            assertThat(VN.newYear(2000 + i)).as("Tết %d", 2000 + i).isEqualTo(LocalDate.parse(published[i]));
        }
    }

    /**
     * Two astronomical computations can only disagree where the deciding new moon lies within minutes of
     * local midnight; there the better ephemeris decides (published calendars use full ones). From 1968,
     * when Vietnam's calendar moved to UTC+7, to 2100 the two agree on every Tết and Hùng Kings' day except
     * where that is the case.
     */
    @Test
    void everyTetAndHungKingsDayFrom1968To2100AgreesWithIcuInUtcPlus7() {
        TimeZone vietnam = new SimpleTimeZone(7 * 3_600_000, "UTC+7");
        List<String> differences = new ArrayList<>();
        for (int year = 1968; year <= 2100; year++) {
            LocalDate icuTet = icuDate(vietnam, year, 0, 1, LocalDate.of(year, 1, 15), LocalDate.of(year, 2, 25));
            compare("Tết " + year, VN.newYear(year), icuTet, 7, differences);
            LocalDate icuHung = icuDate(vietnam, year, 2, 10, LocalDate.of(year, 3, 20), LocalDate.of(year, 5, 25));
            compare("Hùng Kings " + year, hungKings(year), icuHung, 7, differences);
        }
        assertThat(differences).isEmpty();
    }

    @Test
    void everyTetFrom1930To2100AgreesWithIcusChineseCalendarInUtcPlus8() {
        // from 1929 China counts in UTC+8 (before, Beijing mean time)
        TimeZone china = new SimpleTimeZone(8 * 3_600_000, "UTC+8");
        List<String> differences = new ArrayList<>();
        for (int year = 1930; year <= 2100; year++) {
            LocalDate icu = icuDate(china, year, 0, 1, LocalDate.of(year, 1, 15), LocalDate.of(year, 2, 25));
            compare("Chinese New Year " + year, LunarCalendar.CHINA.newYear(year), icu, 8, differences);
        }
        assertThat(differences).isEmpty();
        // the published Chinese New Year where ICU's ephemeris is too coarse (new moon 23:56 Beijing time)
        assertThat(LunarCalendar.CHINA.newYear(2027)).isEqualTo(LocalDate.of(2027, 2, 6));
        assertThat(LunarCalendar.CHINA.newYear(1954)).isEqualTo(LocalDate.of(1954, 2, 3));
    }

    /**
     * Notes a difference unless the two dates are one day apart and the new moon that starts the month
     * lies within 10 minutes of the midnight between them, as this calendar computes it.
     */
    private static void compare(String what, LocalDate ours, LocalDate icu, int zoneHours, List<String> differences) {
        if (ours.equals(icu)) {
            return;
        }
        LocalDate later = ours.isAfter(icu) ? ours : icu;
        if (Math.abs(ours.toEpochDay() - icu.toEpochDay()) == 1) {
            // the new moon closest to the midnight that starts the later day
            double midnight = later.toEpochDay() + 2_440_587.5 - zoneHours / 24.0;
            long k = Math.round((midnight - 2_415_021.076998695) / 29.530588853);
            double minutes = Math.abs(LunarCalendar.newMoon(k) - midnight) * 24 * 60;
            if (minutes < 10) {
                return;
            }
            differences.add(what + ": " + ours + " vs ICU " + icu + ", new moon " + Math.round(minutes)
                    + " min from midnight");
            return;
        }
        differences.add(what + ": " + ours + " vs ICU " + icu);
    }

    @Test
    void everyDayOf2023To2027RoundTripsAndMatchesIcu() {
        TimeZone vietnam = new SimpleTimeZone(7 * 3_600_000, "UTC+7");
        ChineseCalendar icu = new UtcPlus7(vietnam);
        for (LocalDate d = LocalDate.of(2023, 1, 1); d.isBefore(LocalDate.of(2028, 1, 1)); d = d.plusDays(1)) {
            LunarCalendar.LunarDate lunar = VN.toLunar(d);
            assertThat(VN.toSolar(lunar.year(), lunar.month(), lunar.day(), lunar.leap())).as("%s %s", d, lunar)
                    .contains(d);
            icu.setTimeInMillis(d.atTime(12, 0).toInstant(ZoneOffset.ofHours(7)).toEpochMilli());
            assertThat(List.of(lunar.month(), lunar.day(), lunar.leap())).as("%s", d).isEqualTo(List.of(
                    icu.get(ChineseCalendar.MONTH) + 1, icu.get(ChineseCalendar.DAY_OF_MONTH),
                    icu.get(ChineseCalendar.IS_LEAP_MONTH) == 1));
        }
        // 2023 had a leap 2nd month (22 Mar – 19 Apr 2023)
        assertThat(VN.toLunar(LocalDate.of(2023, 3, 22))).isEqualTo(new LunarCalendar.LunarDate(2023, 2, 1, true));
        assertThat(VN.toSolar(2023, 2, 1, true)).contains(LocalDate.of(2023, 3, 22));
        assertThat(VN.toSolar(2024, 2, 1, true)).isEmpty();
        // the last day of the lunar year 2026 (Bính Ngọ) is 5 Feb 2027, a 29th: there is no 30th
        assertThat(VN.toLunar(LocalDate.of(2027, 2, 5))).isEqualTo(new LunarCalendar.LunarDate(2026, 12, 29, false));
        assertThat(VN.toSolar(2026, 12, 30, false)).isEmpty();
    }

    @Test
    void yearsOutsideTheComputedRangeAreRefused() {
        assertThatThrownBy(() -> VN.newYear(1899)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VN.toLunar(LocalDate.of(2200, 1, 1))).isInstanceOf(IllegalArgumentException.class);
    }

    private static LocalDate hungKings(int year) {
        return VN.toSolar(year, 3, 10, false).orElseThrow();
    }

    /** The day in [from, to] that ICU's calendar in this zone numbers month {@code month0} (0-based), day {@code day}. */
    private static LocalDate icuDate(TimeZone zone, int year, int month0, int day, LocalDate from, LocalDate to) {
        ChineseCalendar icu = new UtcPlus7(zone);
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            icu.setTimeInMillis(d.atTime(12, 0).toInstant(ZoneOffset.ofTotalSeconds(zone.getRawOffset() / 1000))
                    .toEpochMilli());
            if (icu.get(ChineseCalendar.MONTH) == month0 && icu.get(ChineseCalendar.DAY_OF_MONTH) == day
                    && icu.get(ChineseCalendar.IS_LEAP_MONTH) == 0) {
                return d;
            }
        }
        throw new AssertionError("ICU has no lunar " + (month0 + 1) + "/" + day + " in " + year);
    }

    /** ICU's Chinese calendar with its astronomy done in a zone of our choice (as its Korean calendar does). */
    private static final class UtcPlus7 extends ChineseCalendar {
        private static final long serialVersionUID = 1L;

        UtcPlus7(TimeZone zone) {
            super(zone, ULocale.ROOT, -2636, zone);
        }
    }
}
