package vn.motcua.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * The days off a year has by the Labour Code 2019 alone, before the government announces its schedule:
 * the provisional calendar of a year without official entries.
 *
 * <p>Art. 112(1): New Year's Day 1/1 (a); Tết, 5 days (b; which ones is fixed each year, by default here
 * the last day of the lunar year and the first four of the new one); Victory Day 30/4 (c); Labour Day
 * 1/5 (d); National Day 2/9 and one day next to it (đ; which one is fixed each year); the Hùng Kings'
 * commemoration, 10th day of the 3rd lunar month (e). Lunar dates follow the Vietnamese calendar
 * ({@link LunarCalendar#VIETNAM}). Art. 111(3): a holiday on a weekly rest day (Saturday, Sunday) is
 * compensated on the next working day, that is the next weekday that is not itself a holiday or already
 * a compensatory day (30/4 on a Friday and 1/5 on a Saturday: Monday 3/5 off).
 *
 * <p>Only what differs from the week is returned, as in the official days file: holidays on weekdays and
 * compensatory days, never a weekend day. Swaps with make-up Saturdays are the government's choice each
 * year and are never assumed.
 */
public final class LabourCodeDays {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String[] WEEKDAYS = {"thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy",
            "Chủ nhật"};

    static final String RULE_NEW_YEAR = "Bộ luật Lao động 2019, Điều 112 khoản 1 điểm a: Tết Dương lịch, ngày 01/01.";
    static final String RULE_TET = "Bộ luật Lao động 2019, Điều 112 khoản 1 điểm b: Tết Âm lịch 05 ngày (âm lịch Việt"
            + " Nam, múi giờ UTC+7); Thủ tướng quyết định cụ thể hằng năm, tạm tính %s.";
    static final String RULE_VICTORY = "Bộ luật Lao động 2019, Điều 112 khoản 1 điểm c: Ngày Chiến thắng, ngày 30/4.";
    static final String RULE_LABOUR = "Bộ luật Lao động 2019, Điều 112 khoản 1 điểm d: Ngày Quốc tế lao động, ngày 01/5.";
    static final String RULE_NATIONAL = "Bộ luật Lao động 2019, Điều 112 khoản 1 điểm đ: Quốc khánh, ngày 02/9 và 01 ngày"
            + " liền kề trước hoặc sau; Thủ tướng quyết định cụ thể hằng năm, tạm tính ngày %s.";
    static final String RULE_HUNG_KINGS = "Bộ luật Lao động 2019, Điều 112 khoản 1 điểm e: Giỗ Tổ Hùng Vương, ngày 10/3"
            + " âm lịch (âm lịch Việt Nam, múi giờ UTC+7).";
    static final String RULE_ADDITIONAL = "Ngày nghỉ lễ bổ sung theo cấu hình của tỉnh"
            + " (motcua.calendar.provisional.additional).";
    static final String RULE_COMPENSATION = "Bộ luật Lao động 2019, Điều 111 khoản 3: ngày nghỉ lễ, tết trùng ngày nghỉ"
            + " hằng tuần được nghỉ bù vào ngày làm việc kế tiếp; nghỉ bù cho %s.";

    /**
     * A provisional day off.
     *
     * @param date a weekday
     * @param name its Vietnamese name, as the official days name theirs
     * @param rule the provision it follows, in Vietnamese
     */
    public record Day(LocalDate date, String name, String rule) {
    }

    /** A holiday of the law, which may fall on a weekend. */
    private record Holiday(LocalDate date, String name, String rule) {
    }

    private final ProvisionalDaysProperties settings;

    public LabourCodeDays(ProvisionalDaysProperties settings) {
        this.settings = settings;
    }

    /** The provisional days off of {@code year}, ascending; empty outside the lunar calendar's years. */
    public List<Day> of(int year) {
        if (year < LunarCalendar.FIRST_YEAR + 1 || year > LunarCalendar.LAST_YEAR - 1) {
            return List.of();
        }
        List<Holiday> holidays = holidays(year);
        TreeMap<LocalDate, Day> days = new TreeMap<>();
        Set<LocalDate> taken = new HashSet<>();
        holidays.forEach(h -> taken.add(h.date()));
        List<Holiday> toCompensate = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        for (Holiday h : holidays) {
            boolean sameDayAsAnother = !seen.add(h.date());
            if (isWeekend(h.date()) || sameDayAsAnother) {
                // a weekend holiday, or a second holiday on one date (10/3 lunar on 30/4 or 1/5), gets a day of its own
                toCompensate.add(h);
            } else {
                days.put(h.date(), new Day(h.date(), h.name(), h.rule()));
            }
        }
        for (Holiday h : toCompensate) {
            LocalDate next = h.date().plusDays(1);
            while (isWeekend(next) || taken.contains(next)) {
                next = next.plusDays(1);
            }
            taken.add(next);
            String which = h.name() + " (" + WEEKDAYS[h.date().getDayOfWeek().getValue() - 1] + " "
                    + DAY.format(h.date()) + ")";
            days.put(next, new Day(next, "Nghỉ bù " + which, RULE_COMPENSATION.formatted(which)));
        }
        // no holiday lies late enough in December to push its compensatory day into the next year
        return days.values().stream().filter(d -> d.date().getYear() == year).toList();
    }

    private List<Holiday> holidays(int year) {
        List<Holiday> holidays = new ArrayList<>();
        holidays.add(new Holiday(LocalDate.of(year, 1, 1), "Tết Dương lịch", RULE_NEW_YEAR));
        holidays.addAll(tet(year));
        LocalDate hungKings = LunarCalendar.VIETNAM.toSolar(year, 3, 10, false).orElseThrow();
        holidays.add(new Holiday(hungKings, "Giỗ Tổ Hùng Vương", RULE_HUNG_KINGS));
        holidays.add(new Holiday(LocalDate.of(year, 4, 30), "Ngày Giải phóng miền Nam, thống nhất đất nước",
                RULE_VICTORY));
        holidays.add(new Holiday(LocalDate.of(year, 5, 1), "Ngày Quốc tế Lao động", RULE_LABOUR));
        LocalDate nationalDay = LocalDate.of(year, 9, 2);
        LocalDate adjacent = adjacentToNationalDay(nationalDay);
        String national = RULE_NATIONAL.formatted(DAY.format(adjacent));
        holidays.add(new Holiday(nationalDay, "Quốc khánh", national));
        holidays.add(new Holiday(adjacent, "Quốc khánh (ngày liền kề)", national));
        for (ProvisionalDaysProperties.FixedHoliday extra : settings.additional()) {
            if (extra.day() <= java.time.YearMonth.of(year, extra.month()).lengthOfMonth()) {
                holidays.add(new Holiday(LocalDate.of(year, extra.month(), extra.day()), extra.name().strip(),
                        RULE_ADDITIONAL));
            }
        }
        holidays.sort(Comparator.comparing(Holiday::date));
        return holidays;
    }

    /** The five Tết days around the lunar New Year of {@code year}, named by their lunar dates. */
    private List<Holiday> tet(int year) {
        LocalDate newYear = LunarCalendar.VIETNAM.newYear(year);
        LocalDate first = newYear.minusDays(settings.tetDaysBeforeNewYear());
        LocalDate last = first.plusDays(4);
        String rule = RULE_TET.formatted(DAY.format(first) + "–" + DAY.format(last) + " ("
                + lunarName(first) + " đến " + lunarName(last) + ")");
        List<Holiday> days = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            days.add(new Holiday(d, "Tết Nguyên đán (" + lunarName(d) + ")", rule));
        }
        return days;
    }

    /** "30 tháng Chạp", "mùng 1 tháng Giêng": how a Tết day is named. */
    private static String lunarName(LocalDate day) {
        LunarCalendar.LunarDate lunar = LunarCalendar.VIETNAM.toLunar(day);
        String month = switch (lunar.month()) {
            case 1 -> "tháng Giêng";
            case 12 -> "tháng Chạp";
            default -> "tháng " + lunar.month();
        };
        return (lunar.day() <= 10 ? "mùng " : "") + lunar.day() + " " + month;
    }

    private LocalDate adjacentToNationalDay(LocalDate nationalDay) {
        return switch (settings.nationalDayAdjacent()) {
            case BEFORE -> nationalDay.minusDays(1);
            case AFTER -> nationalDay.plusDays(1);
            case AUTO -> nationalDay.getDayOfWeek() == DayOfWeek.MONDAY || nationalDay.getDayOfWeek() == DayOfWeek.THURSDAY
                    ? nationalDay.plusDays(1) : nationalDay.minusDays(1);
        };
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
