package vn.motcua.calendar;

import java.security.Principal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * The working calendar over HTTP. Anybody may read the days off and ask for a due date; the years' status
 * and changing the days off are for administrators (the security configuration limits them to the Camunda
 * admin group).
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

    /**
     * The days off and make-up working days of a year (by default the current one); weekends are not listed.
     * In a year without an official schedule the Labour Code's days off are listed too, marked
     * {@code "provisional": true} with the {@code rule} they follow.
     */
    @GetMapping("/days")
    List<DayJson> days(@RequestParam(required = false)
            @Min(value = 2000, message = "{calendar.year.range}") @Max(value = 2100, message = "{calendar.year.range}")
            Integer year) {
        int asked = year != null ? year : LocalDate.ofInstant(calendar.now(), calendar.zone()).getYear();
        return administration.year(asked).stream().map(DayJson::of).toList();
    }

    /**
     * For administrators: which years have their official schedule and which are provisional, each
     * provisional one with a warning.
     */
    @GetMapping("/years")
    List<YearJson> years() {
        return administration.years().stream().map(this::yearJson).toList();
    }

    /**
     * For administrators: enters a year's official schedule as announced. It replaces the year's entries
     * and provisional days; open deadlines it moves are recalculated.
     */
    @PutMapping("/years/{year}")
    YearJson putYear(@PathVariable int year, @Valid @RequestBody YearRequest request, Principal user) {
        if (year < 2000 || year > 2100) {
            throw invalid("year", "calendar.year.path", year);
        }
        List<FieldMessage> errors = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        List<OfficialDaysFile.Entry> entries = new ArrayList<>();
        for (int i = 0; i < request.days().size(); i++) {
            YearRequest.Day day = request.days().get(i);
            String at = "days[" + i + "].";
            if (day.date().getYear() != year) {
                errors.add(new FieldMessage(at + "date", message("calendar.year.date.otherYear", day.date(), year)));
            } else if (!seen.add(day.date())) {
                errors.add(new FieldMessage(at + "date", message("calendar.year.date.twice", day.date())));
            } else if (!day.kind().fits(day.date())) {
                errors.add(new FieldMessage(at + "kind", message(day.kind() == DayKind.DAY_OFF
                        ? "calendar.kind.weekend" : "calendar.kind.weekday", day.date())));
            }
            entries.add(new OfficialDaysFile.Entry(day.date(), day.kind(), day.name()));
        }
        if (!errors.isEmpty()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    messages.getMessage("api.invalid", null, VI));
            problem.setProperty("errors", errors);
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
        }
        return yearJson(administration.enterYear(year, request.source(), entries, user.getName()));
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

    /** For administrators: withdraws a year's official schedule; the year's days off are provisional again. */
    @DeleteMapping("/years/{year}")
    ResponseEntity<Void> withdrawYear(@PathVariable int year, Principal user) {
        if (!administration.withdrawYear(year, user.getName())) {
            throw new ErrorResponseException(HttpStatus.NOT_FOUND, ProblemDetail.forStatus(HttpStatus.NOT_FOUND), null,
                    "calendar.year.notOfficial", new Object[] {year});
        }
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/days/{date}")
    ResponseEntity<Void> delete(@PathVariable LocalDate date, Principal user) {
        if (administration.isProvisionalOnly(date)) {
            throw new ErrorResponseException(HttpStatus.NOT_FOUND, ProblemDetail.forStatus(HttpStatus.NOT_FOUND), null,
                    "calendar.day.provisionalOnly", new Object[] {date, date.getYear()});
        }
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

    private YearJson yearJson(CalendarAdministration.YearStatus status) {
        String warning = status.official() ? null
                : status.provisionalDays() > 0 ? message("calendar.year.provisional", status.year(), status.provisionalDays())
                : message("calendar.year.unknown", status.year());
        return new YearJson(status.year(), status.official(), status.source(), status.enteredBy(),
                status.enteredAt() == null ? null : status.enteredAt().atZone(calendar.zone()).toOffsetDateTime(),
                status.entries(), status.provisionalDays(), warning);
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, VI);
    }

    private ErrorResponseException invalid(String field, String key, Object... args) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage("api.invalid", null, VI));
        problem.setProperty("errors", List.of(new FieldMessage(field, messages.getMessage(key, args, VI))));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }

    /** A day of the calendar; {@code rule} only for a provisional day. */
    record DayJson(LocalDate date, DayKind kind, String name, boolean provisional,
            @JsonInclude(JsonInclude.Include.NON_NULL) String rule) {
        static DayJson of(CalendarAdministration.YearDay day) {
            return new DayJson(day.date(), day.kind(), day.name(), day.provisional(), day.rule());
        }
    }

    /**
     * A year's status. {@code warning} (Vietnamese, for administrators) while it has no official schedule.
     *
     * @param entries         entries stored for the year
     * @param provisionalDays the Labour Code's days off in force while the year is provisional
     */
    record YearJson(int year, boolean official, String source, String enteredBy, OffsetDateTime enteredAt, int entries,
            int provisionalDays, @JsonInclude(JsonInclude.Include.NON_NULL) String warning) {
    }

    record ChangedDayJson(LocalDate date, DayKind kind, String name, String changedBy, OffsetDateTime changedAt) {
    }

    record DueJson(OffsetDateTime due) {
    }

    record FieldMessage(String field, String message) {
    }
}
