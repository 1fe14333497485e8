package vn.motcua.dossier;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import jakarta.validation.Valid;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalog.Procedure;
import vn.motcua.idempotency.IdempotentRequests;

/** Staff API for dossiers: counter intake, look-up, supplement received. */
@RestController
@RequestMapping("/api/dossiers")
class DossierController {

    private static final Locale VI = Locale.forLanguageTag("vi");

    private final Dossiers dossiers;
    private final DossierWorkflow workflow;
    private final WorkingCalendar calendar;
    private final MessageSource messages;
    private final List<DossierDetails> details;
    private final IdempotentRequests idempotency;
    private final TransactionTemplate readOnly;

    DossierController(Dossiers dossiers, DossierWorkflow workflow, WorkingCalendar calendar, MessageSource messages,
            List<DossierDetails> details, IdempotentRequests idempotency, PlatformTransactionManager transactions) {
        this.idempotency = idempotency;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.dossiers = dossiers;
        this.workflow = workflow;
        this.calendar = calendar;
        this.messages = messages;
        this.details = details;
    }

    /**
     * Files a dossier at the counter. With an {@code Idempotency-Key} (bound to the officer), sending the same
     * request again answers the first dossier instead of filing a second one (see {@link IdempotentRequests}).
     */
    @PostMapping
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201",
            description = "Filed (or, for a repeated Idempotency-Key, the first answer again, with Idempotent-Replayed: true)",
            content = @io.swagger.v3.oas.annotations.media.Content(
                    schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = DossierJson.class)))
    ResponseEntity<?> intake(@Valid @RequestBody IntakeRequest request,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey, Principal user) {
        return idempotency.once(idempotencyKey, "POST /api/dossiers\n" + user.getName(), idempotency.fingerprint(request),
                () -> {
                    Dossier dossier = dossiers.intake(request);
                    return ResponseEntity.created(URI.create("/api/dossiers/" + dossier.getCode())).body(view(dossier));
                });
    }

    @GetMapping("/{code}")
    DossierJson one(@PathVariable String code) {
        return view(dossiers.requireVisible(code));
    }

    @PostMapping("/{code}/supplement")
    DossierJson supplementReceived(@PathVariable String code) {
        dossiers.supplementReceived(code);
        return view(dossiers.require(code));
    }

    /** The counter records that the citizen paid the fees and taxes of an interconnected land procedure. */
    @PostMapping("/{code}/fees-paid")
    DossierJson feesPaid(@PathVariable String code) {
        dossiers.feesPaid(code);
        return view(dossiers.require(code));
    }

    /** The view, read in one transaction (its dozen reads would otherwise each take a connection and commit). */
    private DossierJson view(Dossier d) {
        return readOnly.execute(status -> read(d));
    }

    private DossierJson read(Dossier d) {
        Procedure procedure = dossiers.procedureOf(d);
        ZoneId zone = calendar.zone();
        Instant projected = d.getReceivedAt() == null ? dossiers.appointment(procedure, calendar.now()) : null;
        Map<String, Object> more = new LinkedHashMap<>();
        // the appointment counted over provisional days off (a year not announced yet) may still move
        String notice = (projected != null ? dossiers.appointmentNotice(calendar.now(), projected)
                : dossiers.appointmentNotice(d)).orElse(null);
        more.put("appointmentProvisional", notice != null);
        more.put("appointmentNotice", notice);
        // Form 01 and the register (Form 07): how the citizen gets the result, the sets, the register line
        more.put("returnMethod", d.getReturnMethod());
        more.put("sets", d.getSetCount());
        more.put("register", d.getRegisterNumber() == null ? null
                : Map.of("book", d.getRegisterYear(), "number", d.getRegisterNumber()));
        List<StatusChange> history = dossiers.history(d.getCode());
        details.forEach(part -> part.addTo(d, history, more));
        return new DossierJson(d.getCode(), d.getStatus().name(), d.getStatus().code(), label(d.getStatus()),
                procedure.getCode(), procedure.getName(), d.getChannel(), d.getApplicant(),
                at(d.getFiledAt(), zone), at(d.getReceivedAt(), zone), at(d.getAppointmentAt(), zone),
                at(d.getDueAt(), zone), at(d.getPausedAt(), zone), d.getPausedMinutes(),
                d.getSupplementRequests(),
                at(projected, zone), at(d.getFinishedAt(), zone), at(d.getReturnedAt(), zone),
                history.stream().map(h -> new HistoryJson(at(h.getAt(), zone), h.getActor(),
                        h.getFrom() == null ? null : h.getFrom().code(), h.getTo().code(), label(h.getTo()), h.getStep(),
                        h.getNote())).toList(),
                workflow.openTasks(d.getCode()).stream().map(t -> new TaskJson(t.id(), t.step(), t.name(),
                        t.assignee(), t.candidateGroups(), at(t.created(), zone), at(t.due(), zone))).toList(),
                more);
    }

    private String label(DossierStatus status) {
        return messages.getMessage(status.messageKey(), null, status.name(), VI);
    }

    private static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }

    /**
     * The staff view of a dossier. {@code appointmentDate} is the appointment the citizen holds now;
     * {@code originalAppointmentDate} the statutory one, moved only by supplement pauses, which
     * statistics count against. The re-appointments are listed under {@code reappointments} by the
     * deadline details (their count is that list's length).
     */
    record DossierJson(String code, String status, int statusCode, String statusLabel, String procedureCode,
            String procedureName, Channel channel, Applicant applicant, OffsetDateTime filedAt,
            OffsetDateTime receivedAt, OffsetDateTime appointmentDate, OffsetDateTime originalAppointmentDate,
            OffsetDateTime pausedSince, long pausedWorkingMinutes, int supplementRequests,
            OffsetDateTime projectedAppointmentDate,
            OffsetDateTime finishedAt, OffsetDateTime returnedAt, List<HistoryJson> history, List<TaskJson> tasks,
            @JsonAnyGetter Map<String, Object> more) {
    }

    record HistoryJson(OffsetDateTime at, String actor, Integer fromStatusCode, int statusCode, String statusLabel,
            String step, String note) {
    }

    record TaskJson(String id, String step, String name, String assignee, List<String> candidateGroups,
            OffsetDateTime created, OffsetDateTime due) {
    }
}
