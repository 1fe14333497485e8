package vn.motcua.catalog;

/**
 * A statutory handling time in working time: whole working days or working hours
 * (8 working hours to a day, so half a day is 4 hours).
 */
public record StatutoryTime(Integer days, Integer hours) {

    public static final int HOURS_PER_DAY = 8;

    public StatutoryTime {
        if ((days == null) == (hours == null)) {
            throw new IllegalArgumentException("exactly one of days or hours must be given");
        }
        if ((days != null && days < 0) || (hours != null && hours < 0)) {
            throw new IllegalArgumentException("statutory time must not be negative");
        }
    }

    public static StatutoryTime days(int days) {
        return new StatutoryTime(days, null);
    }

    public static StatutoryTime hours(int hours) {
        return new StatutoryTime(null, hours);
    }

    public long workingMinutes() {
        return 60L * (days != null ? days * HOURS_PER_DAY : hours);
    }
}
