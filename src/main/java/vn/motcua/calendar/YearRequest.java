package vn.motcua.calendar;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import vn.motcua.text.PlainText;

/**
 * An administrator's entry of a year's official schedule, as announced: where it comes from and every
 * date that differs from the week (weekdays off, worked weekend days), as a year block of the official
 * days file lists them. Messages come from {@code ValidationMessages}.
 */
record YearRequest(
        @NotBlank(message = "{calendar.year.source.required}")
        @Size(max = CalendarYear.SOURCE_MAX, message = "{calendar.year.source.size}") @PlainText String source,
        @NotEmpty(message = "{calendar.year.days.required}")
        @Size(max = 60, message = "{calendar.year.days.size}") List<@NotNull(message = "{calendar.year.days.required}")
        @Valid Day> days) {

    record Day(
            @NotNull(message = "{calendar.date.required}") LocalDate date,
            @NotNull(message = "{calendar.kind.required}") DayKind kind,
            @NotBlank(message = "{calendar.name.required}")
            @Size(max = OfficialDaysFile.NAME_MAX, message = "{calendar.name.size}") @PlainText String name) {
    }
}
