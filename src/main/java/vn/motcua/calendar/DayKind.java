package vn.motcua.calendar;

/** What an entry of the working calendar makes of its date. */
public enum DayKind {

    /** A weekday that is off: a public holiday, a Tết day, a compensatory day (nghỉ bù) or a swapped day. */
    DAY_OFF,

    /** A Saturday or Sunday that is worked: a make-up working day (làm bù) traded for a swapped day off. */
    WORKING_DAY
}
