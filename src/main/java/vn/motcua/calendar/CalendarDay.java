package vn.motcua.calendar;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One stored entry of the working calendar: a weekday off or a worked weekend day, who set it and when. */
@Entity
@Table(name = "calendar_day")
class CalendarDay {

    /** The date ({@code day} is a reserved word in H2, hence the column name). */
    @Id
    @Column(name = "day_date")
    private LocalDate date;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private DayKind kind;

    @Column(nullable = false, length = OfficialDaysFile.NAME_MAX)
    private String name;

    @Column(name = "changed_by", nullable = false, length = 64)
    private String changedBy;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    protected CalendarDay() {
    }

    CalendarDay(LocalDate date) {
        this.date = date;
    }

    void change(DayKind kind, String name, String by, Instant at) {
        this.kind = kind;
        this.name = name;
        this.changedBy = by;
        this.changedAt = at;
    }

    LocalDate getDate() {
        return date;
    }

    DayKind getKind() {
        return kind;
    }

    String getName() {
        return name;
    }

    String getChangedBy() {
        return changedBy;
    }

    Instant getChangedAt() {
        return changedAt;
    }
}
