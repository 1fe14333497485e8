package vn.motcua.calendar;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import vn.motcua.text.PlainText;

/** An administrator's entry for one date. Messages come from {@code ValidationMessages}. */
record DayRequest(
        @NotNull(message = "{calendar.kind.required}") DayKind kind,
        @NotBlank(message = "{calendar.name.required}")
        @Size(max = OfficialDaysFile.NAME_MAX, message = "{calendar.name.size}") @PlainText String name) {
}
