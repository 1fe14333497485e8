package vn.motcua.calendar;

import java.security.Principal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The working calendar over HTTP. Anybody may read the days off and ask for a due date; changing the
 * days off is for administrators (the security configuration limits it to the Camunda admin group).
 */
@RestController
@RequestMapping("/api/calendar")
class CalendarController {

    private static final Locale VI = Locale.forLanguageTag("vi");

    private final CalendarAdministration administration;
    private final WorkingCalendar calendar;
    private final MessageSource messages;

    CalendarController(CalendarAdministration administration, WorkingCalendar calendar, MessageSource messages) {
        this.administration = administration;
        this.calendar = calendar;
        this.messages = messages;
    }

    /** The days off and make-up working days of a year (by default the current one); weekends are not listed. */
    @GetMapping("/days")
    List<DayJson> days(@RequestParam(required = false)
            @Min(value = 2000, message = "{calendar.year.range}") @Max(value = 2100, message = "{calendar.year.range}")
            Integer year) {
        int asked = year != null ? year : LocalDate.ofInstant(calendar.now(), calendar.zone()).getYear();
        return administration.year(asked).stream().map(DayJson::of).toList();
    }

    @PutMapping("/days/{date}")
    ChangedDayJson put(@PathVariable LocalDate date, @Valid @RequestBody DayRequest request, Principal user) {
        if (!request.kind().fits(date)) {
            throw invalid("kind", request.kind() == DayKind.DAY_OFF ? "calendar.kind.weekend" : "calendar.kind.weekday",
                    date);
        }
        CalendarDay day = administration.put(date, request.kind(), request.name(), user.getName());
        return new ChangedDayJson(day.getDate(), day.getKind(), day.getName(), day.getChangedBy(),
                day.getChangedAt().atZone(calendar.zone()).toOffsetDateTime());
    }

    @DeleteMapping("/days/{date}")
    ResponseEntity<Void> delete(@PathVariable LocalDate date, Principal user) {
        if (!administration.delete(date, user.getName())) {
            throw new ErrorResponseException(HttpStatus.NOT_FOUND, ProblemDetail.forStatus(HttpStatus.NOT_FOUND), null,
                    "calendar.day.notFound", new Object[] {date});
        }
        return ResponseEntity.noContent().build();
    }

    /**
     * The deadline {@code workingDays} or {@code workingHours} of working time after {@code from}, computed
     * as the process timers compute it.
     */
    @GetMapping("/due")
    DueJson due(@Valid DueQuery query) {
        return new DueJson(calendar.addWorkingTime(query.from().toInstant(), query.workingMinutes(), query.cutoff())
                .toOffsetDateTime());
    }

    private ErrorResponseException invalid(String field, String key, Object... args) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage("api.invalid", null, VI));
        problem.setProperty("errors", List.of(new FieldMessage(field, messages.getMessage(key, args, VI))));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }

    record DayJson(LocalDate date, DayKind kind, String name) {
        static DayJson of(CalendarDay day) {
            return new DayJson(day.getDate(), day.getKind(), day.getName());
        }
    }

    record ChangedDayJson(LocalDate date, DayKind kind, String name, String changedBy, OffsetDateTime changedAt) {
    }

    record DueJson(OffsetDateTime due) {
    }

    record FieldMessage(String field, String message) {
    }
}
