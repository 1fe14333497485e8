package vn.motcua.report;

import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.motcua.calendar.WorkingCalendar;

/**
 * {@code GET /api/public/transparency?year=yyyy[&month=m]}: anyone may read it (no account, no personal data). A
 * year before {@code motcua.transparency.first-year} or after the current one, a month not 1–12 or not begun, or a
 * value that is no number is 400 problem+json naming the field.
 */
@RestController
class TransparencyController {

    private final Transparency transparency;
    private final ReportProblems problems;
    private final MessageSource messages;
    private final WorkingCalendar calendar;

    TransparencyController(Transparency transparency, ReportProblems problems, MessageSource messages,
            WorkingCalendar calendar) {
        this.transparency = transparency;
        this.problems = problems;
        this.messages = messages;
        this.calendar = calendar;
    }

    @GetMapping("/api/public/transparency")
    ResponseEntity<TransparencyJson> transparency(@RequestParam(required = false) String year,
            @RequestParam(required = false) String month) {
        Transparency.Period period;
        try {
            period = transparency.period(year, month);
        } catch (Transparency.Refused refused) {
            throw problems.invalid(refused.field, refused.key, refused.args);
        }
        TransparencyJson json = TransparencyJson.of(transparency.view(period), transparency.properties(), messages,
                calendar.zone());
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(TransparencyPage.BROWSER_CACHE).cachePublic())
                .body(json);
    }
}
