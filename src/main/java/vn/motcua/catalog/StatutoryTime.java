package vn.motcua.catalog;

/**
 * A statutory handling time as the law publishes it: an amount in a {@link StatutoryUnit}. Working
 * days count 8 working hours each, so half a day is 4 working hours.
 *
 * <p>{@link #workingMinutes()} is the time in working minutes for working days and hours. For calendar
 * days and the same day the working time a dossier actually gets depends on the day it is received
 * (weekends and holidays fall inside calendar days): there it is the nominal size that step shares
 * are declared against (8 working hours per day; 8 hours for the same day), and a dossier's steps get
 * their share of the working time between its reception and its appointment in that proportion.
 */
public record StatutoryTime(StatutoryUnit unit, int amount) {

    public static final int HOURS_PER_DAY = 8;

    public StatutoryTime {
        if (unit == null) {
            throw new IllegalArgumentException("the unit of a statutory time is required");
        }
        if (unit == StatutoryUnit.SAME_DAY ? amount != 1 : amount < 1) {
            throw new IllegalArgumentException("statutory time must be positive (the same day counts as 1)");
        }
    }

    public static StatutoryTime days(int days) {
        return new StatutoryTime(StatutoryUnit.WORKING_DAYS, days);
    }

    public static StatutoryTime hours(int hours) {
        return new StatutoryTime(StatutoryUnit.WORKING_HOURS, hours);
    }

    public static StatutoryTime calendarDays(int days) {
        return new StatutoryTime(StatutoryUnit.CALENDAR_DAYS, days);
    }

    public static StatutoryTime sameDay() {
        return new StatutoryTime(StatutoryUnit.SAME_DAY, 1);
    }

    /** Working days, or null when the time is not in working days. */
    public Integer days() {
        return unit == StatutoryUnit.WORKING_DAYS ? amount : null;
    }

    /** Working hours, or null when the time is not in working hours. */
    public Integer hours() {
        return unit == StatutoryUnit.WORKING_HOURS ? amount : null;
    }

    /** Calendar days, or null when the time is not in calendar days. */
    public Integer calendarDays() {
        return unit == StatutoryUnit.CALENDAR_DAYS ? amount : null;
    }

    public boolean isSameDay() {
        return unit == StatutoryUnit.SAME_DAY;
    }

    /** Whether the time is counted in working time (working days or hours) rather than by the calendar. */
    public boolean inWorkingTime() {
        return unit == StatutoryUnit.WORKING_DAYS || unit == StatutoryUnit.WORKING_HOURS;
    }

    /**
     * The time in working minutes: exact for working days and hours; for calendar days and the same day
     * the nominal size step shares are declared against (see the class comment).
     */
    public long workingMinutes() {
        return 60L * switch (unit) {
            case WORKING_DAYS, CALENDAR_DAYS -> (long) amount * HOURS_PER_DAY;
            case WORKING_HOURS -> amount;
            case SAME_DAY -> HOURS_PER_DAY;
        };
    }

    /** As the law writes it: "3 ngày làm việc", "4 giờ làm việc", "6 ngày", "Trong ngày". */
    public String label() {
        return switch (unit) {
            case WORKING_DAYS -> amount + " ngày làm việc";
            case WORKING_HOURS -> amount + " giờ làm việc";
            case CALENDAR_DAYS -> amount + " ngày";
            case SAME_DAY -> "Trong ngày";
        };
    }
}
