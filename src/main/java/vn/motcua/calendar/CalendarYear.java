package vn.motcua.calendar;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A year whose official schedule of days off is known: its entries in {@code calendar_day} are the
 * government's. A year without one has the provisional days of the Labour Code ({@link LabourCodeDays}).
 */
@Entity
@Table(name = "calendar_year")
class CalendarYear {

    /** Longest description of where a schedule comes from (the column's size). */
    static final int SOURCE_MAX = 500;

    @Id
    @Column(name = "year_number")
    private int year;

    /** Where the schedule comes from: the announcement, or the file it was imported from. */
    @Column(nullable = false, length = SOURCE_MAX)
    private String source;

    @Column(name = "entered_by", nullable = false, length = 64)
    private String enteredBy;

    @Column(name = "entered_at", nullable = false)
    private Instant enteredAt;

    protected CalendarYear() {
    }

    CalendarYear(int year, String source, String enteredBy, Instant enteredAt) {
        this.year = year;
        this.source = source;
        this.enteredBy = enteredBy;
        this.enteredAt = enteredAt;
    }

    void change(String source, String by, Instant at) {
        this.source = source;
        this.enteredBy = by;
        this.enteredAt = at;
    }

    int getYear() {
        return year;
    }

    String getSource() {
        return source;
    }

    String getEnteredBy() {
        return enteredBy;
    }

    Instant getEnteredAt() {
        return enteredAt;
    }
}
