package vn.motcua.calendar;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The Chinese-style lunisolar calendar computed astronomically for one time zone: the Vietnamese
 * calendar ({@link #VIETNAM}, UTC+7) or the Chinese one ({@link #CHINA}, UTC+8). The two differ in
 * the years where a new moon or a principal solar term falls between 23:00 and 24:00 Beijing time:
 * Tết 1985 was 21/1 in Vietnam and 20/2 in China, Tết 2007 17/2 and 18/2.
 *
 * <p>The rules, as Hồ Ngọc Đức describes them for the Vietnamese calendar ("Âm lịch Việt Nam",
 * informatik.uni-leipzig.de/~duc/amlich): a month starts on the local day of a new moon; the month
 * holding the winter solstice is the 11th; when there are 13 new moons from one 11th month to the
 * next, the first month after the 11th without a principal solar term (the sun's longitude passing a
 * multiple of 30°) is a leap month and repeats the number of the month before it. New moons and the
 * sun's longitude come from the truncated series of Jean Meeus, "Astronomical Algorithms" (1998),
 * good to well under an hour over 1800–2199; the class is limited to 1900–2199.
 */
public final class LunarCalendar {

    /** The Vietnamese calendar: days counted in UTC+7 (used in Vietnam since 1968). */
    public static final LunarCalendar VIETNAM = new LunarCalendar(7);

    /** The Chinese calendar: days counted in UTC+8. */
    public static final LunarCalendar CHINA = new LunarCalendar(8);

    /** Earliest and latest Gregorian years answered. */
    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2199;

    /** The Julian day number of 1 January 1970, for {@link LocalDate#toEpochDay()}. */
    private static final long EPOCH_JDN = 2_440_588L;
    /** The mean length of a synodic month in days. */
    private static final double SYNODIC_MONTH = 29.530588853;
    /** The (fractional) Julian day of the first new moon of 1900, from which new moons are counted. */
    private static final double NEW_MOON_1900 = 2_415_021.076998695;
    private static final double DEG = Math.PI / 180;

    /** A date of the lunar calendar; {@code leap} marks a leap (intercalary) month. */
    public record LunarDate(int year, int month, int day, boolean leap) {
    }

    private final double zoneHours;

    private LunarCalendar(double zoneHours) {
        this.zoneHours = zoneHours;
    }

    /** The first day of the lunar year that starts in Gregorian year {@code year} (Tết Nguyên đán). */
    public LocalDate newYear(int year) {
        return toSolar(year, 1, 1, false).orElseThrow();
    }

    /**
     * The Gregorian date of a lunar date.
     *
     * @return empty when {@code leap} is asked for a month that is not the year's leap month, or the day
     *     is not in the month
     */
    public Optional<LocalDate> toSolar(int lunarYear, int month, int day, boolean leap) {
        checkYear(lunarYear);
        if (month < 1 || month > 12 || day < 1 || day > 30) {
            return Optional.empty();
        }
        long a11;
        long b11;
        if (month < 11) {
            a11 = month11(lunarYear - 1);
            b11 = month11(lunarYear);
        } else {
            a11 = month11(lunarYear);
            b11 = month11(lunarYear + 1);
        }
        long k = (long) Math.floor(0.5 + (a11 - NEW_MOON_1900) / SYNODIC_MONTH);
        int offset = month - 11;
        if (offset < 0) {
            offset += 12;
        }
        if (b11 - a11 > 365) {
            int leapOffset = leapMonthOffset(a11);
            int leapMonth = leapOffset - 2;
            if (leapMonth < 0) {
                leapMonth += 12;
            }
            if (leap && month != leapMonth) {
                return Optional.empty();
            }
            if (leap || offset >= leapOffset) {
                offset += 1;
            }
        } else if (leap) {
            return Optional.empty();
        }
        long monthStart = newMoonDay(k + offset);
        long nextMonthStart = newMoonDay(k + offset + 1);
        if (monthStart + day - 1 >= nextMonthStart) {
            return Optional.empty();
        }
        return Optional.of(LocalDate.ofEpochDay(monthStart + day - 1 - EPOCH_JDN));
    }

    /** The lunar date of a Gregorian date. */
    public LunarDate toLunar(LocalDate date) {
        checkYear(date.getYear());
        long dayNumber = date.toEpochDay() + EPOCH_JDN;
        long k = (long) Math.floor((dayNumber - NEW_MOON_1900) / SYNODIC_MONTH);
        long monthStart = newMoonDay(k + 1);
        if (monthStart > dayNumber) {
            monthStart = newMoonDay(k);
        }
        long a11 = month11(date.getYear());
        long b11 = a11;
        int lunarYear;
        if (a11 >= monthStart) {
            lunarYear = date.getYear();
            a11 = month11(date.getYear() - 1);
        } else {
            lunarYear = date.getYear() + 1;
            b11 = month11(date.getYear() + 1);
        }
        int day = (int) (dayNumber - monthStart + 1);
        int diff = (int) Math.floor((monthStart - a11) / 29.0);
        boolean leap = false;
        int month = diff + 11;
        if (b11 - a11 > 365) {
            int leapOffset = leapMonthOffset(a11);
            if (diff >= leapOffset) {
                month = diff + 10;
                leap = diff == leapOffset;
            }
        }
        if (month > 12) {
            month -= 12;
        }
        if (month >= 11 && diff < 4) {
            lunarYear -= 1;
        }
        return new LunarDate(lunarYear, month, day, leap);
    }

    private static void checkYear(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException("The lunar calendar is computed for " + FIRST_YEAR + "–" + LAST_YEAR
                    + " only, not " + year);
        }
    }

    /** The Julian day number of the local day on which the 11th lunar month of {@code year} starts. */
    private long month11(int year) {
        long off = LocalDate.of(year, 12, 31).toEpochDay() + EPOCH_JDN - 2_415_021L;
        long k = (long) Math.floor(off / SYNODIC_MONTH);
        long newMoon = newMoonDay(k);
        // the month starting after the winter solstice (sun at 270°, sector 9 of 12) is not the 11th
        if (sunSector(newMoon) >= 9) {
            newMoon = newMoonDay(k - 1);
        }
        return newMoon;
    }

    /** Which month after the 11th (1 = the next one) is the leap month, in a year of 13 months. */
    private int leapMonthOffset(long a11) {
        long k = (long) Math.floor((a11 - NEW_MOON_1900) / SYNODIC_MONTH + 0.5);
        int i = 1;
        int arc = sunSector(newMoonDay(k + i));
        int last;
        do {
            last = arc;
            i++;
            arc = sunSector(newMoonDay(k + i));
        } while (arc != last && i < 14);
        return i - 1;
    }

    /** The Julian day number of the local day of the {@code k}-th new moon after 1 January 1900. */
    private long newMoonDay(long k) {
        return (long) Math.floor(newMoon(k) + 0.5 + zoneHours / 24);
    }

    /**
     * Which twelfth of the ecliptic (0–11, 30° each, from the vernal equinox) the sun is in at the start of
     * the local day {@code dayNumber}.
     */
    private int sunSector(long dayNumber) {
        return (int) Math.floor(sunLongitude(dayNumber - 0.5 - zoneHours / 24) / Math.PI * 6);
    }

    /** The Julian day (UT) of the {@code k}-th mean new moon after 1 January 1900, with Meeus's periodic terms. */
    static double newMoon(long k) {
        double t = k / 1236.85;
        double t2 = t * t;
        double t3 = t2 * t;
        double jd = 2_415_020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
                + 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * DEG);
        double m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
        double mPrime = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
        double f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
        double c = (0.1734 - 0.000393 * t) * Math.sin(m * DEG) + 0.0021 * Math.sin(2 * DEG * m)
                - 0.4068 * Math.sin(mPrime * DEG) + 0.0161 * Math.sin(DEG * 2 * mPrime)
                - 0.0004 * Math.sin(DEG * 3 * mPrime)
                + 0.0104 * Math.sin(DEG * 2 * f) - 0.0051 * Math.sin(DEG * (m + mPrime))
                - 0.0074 * Math.sin(DEG * (m - mPrime)) + 0.0004 * Math.sin(DEG * (2 * f + m))
                - 0.0004 * Math.sin(DEG * (2 * f - m)) - 0.0006 * Math.sin(DEG * (2 * f + mPrime))
                + 0.0010 * Math.sin(DEG * (2 * f - mPrime)) + 0.0005 * Math.sin(DEG * (2 * mPrime + m));
        double deltaT = t < -11
                ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
                : -0.000278 + 0.000265 * t + 0.000262 * t2;
        return jd + c - deltaT;
    }

    /** The sun's apparent longitude in radians (0 to 2π) at the Julian day {@code jd} (UT). */
    static double sunLongitude(double jd) {
        double t = (jd - 2_451_545.0) / 36525;
        double t2 = t * t;
        double m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
        double l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
        double dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * Math.sin(DEG * m)
                + (0.019993 - 0.000101 * t) * Math.sin(DEG * 2 * m) + 0.000290 * Math.sin(DEG * 3 * m);
        double l = (l0 + dl) * DEG;
        return l - 2 * Math.PI * Math.floor(l / (2 * Math.PI));
    }
}
