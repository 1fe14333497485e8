package vn.motcua.catalog;

/**
 * The unit a statutory handling time is published in. The laws say "ngày làm việc" (working days),
 * "giờ làm việc" (working hours), "ngày" (days: calendar days, weekends and holidays included) or
 * "ngay trong ngày" (the same day, with an afternoon cut-off after which the next working day counts).
 */
public enum StatutoryUnit {
    /** Ngày làm việc: counted in office hours of working days, 8 working hours a day. */
    WORKING_DAYS,
    /** Giờ làm việc: counted in office hours of working days. */
    WORKING_HOURS,
    /**
     * Ngày: calendar days. Counting starts the day after reception and ends with the close of office
     * hours of the last day, moved to the next working day when that day is off (Civil Code 2015, Art.
     * 147(2) and 148(1), (5)).
     */
    CALENDAR_DAYS,
    /**
     * Trong ngày: by the close of office hours of the day of reception; received after the afternoon
     * cut-off (or on a day off, or after hours), by the close of the next working day.
     */
    SAME_DAY
}
