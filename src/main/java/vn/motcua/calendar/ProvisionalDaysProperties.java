package vn.motcua.calendar;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the provisional days off of a year without an official schedule are computed from the Labour Code
 * 2019 (Art. 112 and Art. 111(3)); see {@link LabourCodeDays}. The government fixes the Tết days and
 * the day next to National Day each year; until it has, these settings say which ones to assume.
 *
 * @param enabled              false: a year without an official schedule has only weekends off
 * @param tetDaysBeforeNewYear how many of the five Tết days lie before the lunar New Year's day (0–4);
 *                             by default 1, the last day of the lunar year, and the first four of the new
 * @param nationalDayAdjacent  which day next to 2 September is the second National Day holiday
 * @param additional           further holidays on a fixed Gregorian date (for an amendment of Art. 112
 *                             the province already applies), empty by default
 */
@ConfigurationProperties("motcua.calendar.provisional")
public record ProvisionalDaysProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1") int tetDaysBeforeNewYear,
        @DefaultValue("AUTO") AdjacentDay nationalDayAdjacent,
        @DefaultValue List<FixedHoliday> additional) {

    public ProvisionalDaysProperties {
        if (tetDaysBeforeNewYear < 0 || tetDaysBeforeNewYear > 4) {
            throw new IllegalArgumentException(
                    "motcua.calendar.provisional.tet-days-before-new-year must be 0 to 4, not " + tetDaysBeforeNewYear);
        }
        additional = additional == null ? List.of() : List.copyOf(additional);
    }

    /** The defaults: what {@code application.yml} gives when it says nothing. */
    public static ProvisionalDaysProperties defaults() {
        return new ProvisionalDaysProperties(true, 1, AdjacentDay.AUTO, List.of());
    }

    /** Which day next to 2 September is off with it. */
    public enum AdjacentDay {
        /** 1 September. */
        BEFORE,
        /** 3 September. */
        AFTER,
        /**
         * The choice the government made in every year since the Labour Code 2019 applies (2021–2026):
         * 3 September when 2 September is a Monday or a Thursday (so the holidays join a weekend),
         * else 1 September.
         */
        AUTO
    }

    /**
     * A holiday on the same Gregorian date every year.
     *
     * @param month 1–12
     * @param day   1–31
     * @param name  its Vietnamese name
     */
    public record FixedHoliday(int month, int day, String name) {

        public FixedHoliday {
            if (month < 1 || month > 12 || day < 1 || day > java.time.Month.of(month).maxLength() || name == null
                    || name.isBlank() || name.length() > OfficialDaysFile.NAME_MAX) {
                throw new IllegalArgumentException("motcua.calendar.provisional.additional: a month, a day of that month"
                        + " and a name of at most " + OfficialDaysFile.NAME_MAX + " characters are needed");
            }
        }
    }
}
