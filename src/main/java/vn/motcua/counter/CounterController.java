package vn.motcua.counter;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Encoding;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartHttpServletRequest;

import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.RequiredDocument;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierPapers;

/**
 * The counter's intake, behind the start form *Tiếp nhận hồ sơ tại quầy* in Tasklist: the procedures the officer's
 * counter receives, and a dossier received with its papers, scans and the counter's decision. Staff only (HTTP Basic,
 * or the Tasklist session with its CSRF token).
 */
@RestController
@RequestMapping("/api/counter")
@Tag(name = "Staff: counter intake")
class CounterController {

    private static final Locale VI = Locale.forLanguageTag("vi");

    private final CounterIntakes intakes;
    private final DossierPapers papers;
    private final WorkingCalendar calendar;
    private final MessageSource messages;

    CounterController(CounterIntakes intakes, DossierPapers papers, WorkingCalendar calendar, MessageSource messages) {
        this.intakes = intakes;
        this.papers = papers;
        this.calendar = calendar;
        this.messages = messages;
    }

    @GetMapping("/procedures")
    @Operation(summary = "The procedures the caller's counter receives, with their papers checklist and own fields")
    List<ProcedureJson> procedures() {
        return intakes.procedures().stream().map(this::view).toList();
    }

    @PostMapping(path = "/dossiers", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Receive a dossier at the counter",
            description = "Multipart: a JSON part `dossier` (procedureCode, applicant, formData, receivedPapers: the "
                    + "positions ticked off the procedure's papers, decision APPROVE | SUPPLEMENT | REFUSE, note) and "
                    + "file parts `scan.<position>` with the scans of each ticked paper (PDF, JPEG or PNG, checked by "
                    + "content). APPROVE receives the dossier (status 2, Form 01); SUPPLEMENT asks for the papers not "
                    + "ticked (status 5, Form 02); REFUSE refuses it with the note as reasons (status 3, Form 03).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                    encoding = @Encoding(name = "dossier", contentType = MediaType.APPLICATION_JSON_VALUE))))
    ResponseEntity<IntakeJson> intake(@RequestPart("dossier") @Valid CounterIntakeRequest dossier,
            MultipartHttpServletRequest request) {
        Dossier received = intakes.intake(dossier, request.getMultiFileMap());
        return ResponseEntity.created(URI.create("/api/dossiers/" + received.getCode())).body(view(received));
    }

    private ProcedureJson view(Procedure p) {
        List<RequiredDocument> documents = p.getDocuments();
        return new ProcedureJson(p.getCode(), p.getName(), p.getReceivingUnit().getName(),
                p.getStatutoryText(),
                IntStream.range(0, documents.size()).mapToObj(i -> new PaperJson(i, documents.get(i).name(),
                        papers.kind(documents.get(i).kind()), documents.get(i).count())).toList(),
                p.getFields().stream().map(f -> new FieldJson(f.key(), f.label(), f.multiline())).toList());
    }

    private IntakeJson view(Dossier d) {
        List<DocumentJson> documents = new ArrayList<>();
        String form = switch (d.getStatus()) {
            case SUPPLEMENT_REQUESTED -> "02";
            case REFUSED -> "03";
            default -> d.getReceivedAt() != null ? "01" : null;
        };
        if (form != null) {
            documents.add(new DocumentJson(form, message("document.form." + form),
                    "/api/dossiers/" + d.getCode() + "/documents/" + form));
        }
        return new IntakeJson(d.getCode(), d.getStatus().name(), d.getStatus().code(),
                message(d.getStatus().messageKey()), at(d.getReceivedAt()), at(d.getAppointmentAt()),
                d.getDigitisedAt() != null, documents);
    }

    private OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atZone(calendar.zone()).toOffsetDateTime();
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, VI);
    }

    record ProcedureJson(String code, String name, String receivingUnit, String statutoryTime, List<PaperJson> papers,
            List<FieldJson> fields) {
    }

    record PaperJson(int position, String name, String kind, int count) {
    }

    record FieldJson(String key, String label, boolean multiline) {
    }

    /** The dossier just received: its code, status, appointment and the form to print for the citizen. */
    record IntakeJson(String code, String status, int statusCode, String statusLabel, OffsetDateTime receivedAt,
            OffsetDateTime appointmentDate, boolean digitised, List<DocumentJson> documents) {
    }

    record DocumentJson(String form, String title, String href) {
    }
}
