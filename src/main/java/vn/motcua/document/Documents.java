package vn.motcua.document;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.Unit;
import vn.motcua.deadline.ApologyLetters;
import vn.motcua.deadline.Deadlines;
import vn.motcua.deadline.Handover;
import vn.motcua.deadline.Reappointment;
import vn.motcua.dossier.Actors;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierProblem;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.Dossiers;
import vn.motcua.dossier.StatusChange;
import vn.motcua.mail.MailTemplates;

/**
 * The standard documents of a dossier, Forms 01–07 of Circular 03/2025/TT-VPCP, as printable HTML (A4,
 * UTF-8) or PDF, rendered from the dossier tables: its row, its history, its steps and re-appointments.
 *
 * <p>A dossier has a form once the event behind it happened: 01 once received (from the RECEIVED
 * history line), 02 per supplement request (SUPPLEMENT_REQUESTED lines), 03 once refused (REFUSED), 04
 * per re-appointment, 05 once stopped (STOPPED), 06 and 07 once received. Asking for an unknown form
 * or one the dossier does not have yet is a 404 problem. Forms 02 and 04 can occur several times:
 * {@code n} picks one (from 1), by default the latest.
 *
 * <p>Every form carries the heading of Decree 30/2020: the issuing unit under its governing body, its
 * number ("Số: 05/TB-UBND": Form 01 and 06 the dossier's register number, Forms 02–05 their own, taken the
 * first time they are issued, {@link DocumentNumbers}) and the place and date in the official style.
 *
 * <p>Nothing here checks who asks: the engine renders documents for mails from its jobs, in the
 * transaction that changed the status (what it wrote is read back through the same persistence
 * context). Callers serving a person check visibility first ({@link Dossiers#requireVisible}).
 */
@Service
@Transactional(readOnly = true)
public class Documents {

    /** The step that hands the result back to the counter. */
    static final String RETURN_STEP = "returnResult";

    /** The longest period a unit's register covers, in days. */
    public static final int MAX_REGISTER_DAYS = 366;

    private static final Locale VI = Locale.forLanguageTag("vi");

    private final Dossiers dossiers;
    private final Deadlines deadlines;
    private final ApologyLetters letters;
    private final Catalog catalog;
    private final MailTemplates templates;
    private final WorkingCalendar calendar;
    private final MessageSource messages;
    private final ObjectProvider<OfficerNames> officerNames;
    private final DocumentPdf pdf;
    private final DocumentNumbers numbers;
    private final DocumentProperties properties;

    Documents(Dossiers dossiers, Deadlines deadlines, ApologyLetters letters, Catalog catalog, MailTemplates templates,
            WorkingCalendar calendar, MessageSource messages, ObjectProvider<OfficerNames> officerNames,
            DocumentPdf pdf, DocumentNumbers numbers, DocumentProperties properties) {
        this.dossiers = dossiers;
        this.deadlines = deadlines;
        this.letters = letters;
        this.catalog = catalog;
        this.templates = templates;
        this.calendar = calendar;
        this.messages = messages;
        this.officerNames = officerNames;
        this.pdf = pdf;
        this.numbers = numbers;
        this.properties = properties;
    }

    /**
     * The form as printable HTML, its latest occurrence.
     *
     * @param form {@code "01"} … {@code "07"}
     * @throws DossierProblem 404 for an unknown dossier or form, or a form the dossier does not have
     */
    public String html(String dossierCode, String form) {
        return html(dossierCode, form, null);
    }

    /**
     * The form as printable HTML.
     *
     * @param n which occurrence (from 1) of a form the dossier can have several of; null for the latest
     * @throws DossierProblem 404 for an unknown dossier or form, a form the dossier does not have, or no
     *                        such occurrence
     */
    public String html(String dossierCode, String form, Integer n) {
        StandardForm f = form(form);
        return templates.render(f.template(), model(dossierCode, form, n));
    }

    /** The form as PDF (A4, fonts embedded), the same page as {@link #html(String, String, Integer)}. */
    public byte[] pdf(String dossierCode, String form, Integer n) {
        return pdf.render(html(dossierCode, form, n));
    }

    /** The variables the form's template gets, e.g. for a mail that carries the form. */
    public Map<String, Object> model(String dossierCode, String form, Integer n) {
        StandardForm f = form(form);
        if (f == StandardForm.APOLOGY) {
            List<Reappointment> all = reappointmentsOf(dossierCode);
            Reappointment r = pick(all, n, dossierCode, f);
            return apologyModel(r, all.indexOf(r) + 1);
        }
        return model(dossierCode, f, n);
    }

    /** A re-appointment's Form 04 letter as printable HTML; 404 when the dossier has no such re-appointment. */
    public String apologyHtml(String dossierCode, long reappointmentId) {
        return templates.render(StandardForm.APOLOGY.template(), model(dossierCode, StandardForm.APOLOGY.number(),
                occurrenceOf(dossierCode, reappointmentId)));
    }

    /** {@link #apologyHtml} as PDF. */
    public byte[] apologyPdf(String dossierCode, long reappointmentId) {
        return pdf.render(apologyHtml(dossierCode, reappointmentId));
    }

    private int occurrenceOf(String dossierCode, long reappointmentId) {
        Reappointment wanted = deadlines.reappointment(dossierCode, reappointmentId);
        return reappointmentsOf(dossierCode).stream().map(Reappointment::getId).toList().indexOf(wanted.getId()) + 1;
    }

    private List<Reappointment> reappointmentsOf(String dossierCode) {
        dossiers.require(dossierCode);
        return deadlines.reappointments(dossierCode);
    }

    private Map<String, Object> apologyModel(Reappointment r, int occurrence) {
        Map<String, Object> model = new HashMap<>(letters.model(r));
        Dossier dossier = dossiers.require(r.getDossierCode());
        issuer(model, r.getUnitKey(), StandardForm.APOLOGY,
                numbered(r.getUnitKey(), StandardForm.APOLOGY, dossier.getCode(), occurrence, r.getApprovedAt()),
                r.getApprovedAt());
        model.put("receiptNumber", registerNumber(dossier));
        return model;
    }

    /** The forms the dossier has now, in form order, one entry per occurrence of 02 and 04. */
    public List<AvailableDocument> available(String dossierCode) {
        return available(dossiers.require(dossierCode), dossiers.history(dossierCode));
    }

    /** {@link #available(String)} for a dossier whose history the caller has read already. */
    public List<AvailableDocument> available(Dossier dossier, List<StatusChange> history) {
        String dossierCode = dossier.getCode();
        List<AvailableDocument> found = new ArrayList<>();
        if (dossier.getReceivedAt() != null) {
            found.add(entry(dossierCode, StandardForm.RECEIPT, null, dossier.getReceivedAt()));
        }
        List<StatusChange> supplements = lines(history, DossierStatus.SUPPLEMENT_REQUESTED);
        for (int i = 0; i < supplements.size(); i++) {
            found.add(entry(dossierCode, StandardForm.SUPPLEMENT_REQUEST, i + 1, supplements.get(i).getAt()));
        }
        lines(history, DossierStatus.REFUSED).stream().reduce((a, b) -> b)
                .ifPresent(line -> found.add(entry(dossierCode, StandardForm.REFUSAL, null, line.getAt())));
        List<Reappointment> reappointments = deadlines.reappointments(dossierCode);
        for (int i = 0; i < reappointments.size(); i++) {
            found.add(entry(dossierCode, StandardForm.APOLOGY, i + 1, reappointments.get(i).getApprovedAt()));
        }
        lines(history, DossierStatus.STOPPED).stream().reduce((a, b) -> b)
                .ifPresent(line -> found.add(entry(dossierCode, StandardForm.STOP_NOTICE, null, line.getAt())));
        if (dossier.getReceivedAt() != null) {
            found.add(entry(dossierCode, StandardForm.PROCESS_CONTROL, null, null));
            found.add(entry(dossierCode, StandardForm.REGISTER, null, null));
        }
        return found;
    }

    /**
     * A unit's dossier register (Form 07): every dossier its counter received from {@code from} to
     * {@code to}, both days included, in the province's zone, earliest first.
     *
     * @throws DossierProblem 404 for an unknown unit; 403 unless the caller is an officer of the unit, a
     *                        city supervisor or an administrator; 400 for a period that ends before it
     *                        starts or is longer than {@value #MAX_REGISTER_DAYS} days
     */
    public String registerHtml(String unitKey, LocalDate from, LocalDate to) {
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_REGISTER_DAYS) {
            throw new DossierProblem(HttpStatus.BAD_REQUEST, "register.period.invalid", MAX_REGISTER_DAYS);
        }
        List<Dossier> received = dossiers.receivedBy(unitKey, from.atStartOfDay(calendar.zone()).toInstant(),
                to.plusDays(1).atStartOfDay(calendar.zone()).toInstant());
        Map<String, String> receivers = new HashMap<>();
        dossiers.changesTo(received.stream().map(Dossier::getCode).toList(), DossierStatus.RECEIVED)
                .forEach(line -> receivers.put(line.getDossierCode(), line.getActor()));
        Function<String, String> names = officerNames();
        Map<String, Object> model = new HashMap<>();
        issuer(model, unitKey, StandardForm.REGISTER, null, calendar.now());
        model.put("periodFrom", from);
        model.put("periodTo", to);
        model.put("books", received.stream().map(Dossier::getRegisterYear).filter(y -> y != null).distinct().sorted()
                .map(String::valueOf).toList());
        model.put("rows", received.stream().map(d -> registerRow(d, names.apply(receivers.get(d.getCode())))).toList());
        return templates.render(StandardForm.REGISTER.template(), model);
    }

    /** {@link #registerHtml} as PDF. */
    public byte[] registerPdf(String unitKey, LocalDate from, LocalDate to) {
        return pdf.render(registerHtml(unitKey, from, to));
    }

    // --- the models of forms 01-03 and 05-07

    private Map<String, Object> model(String code, StandardForm form, Integer n) {
        Dossier dossier = dossiers.require(code);
        List<StatusChange> history = dossiers.history(code);
        Function<String, String> names = officerNames();
        Map<String, Object> model = applicant(dossier);
        switch (form) {
            case RECEIPT -> {
                StatusChange line = pick(received(dossier, history), n, code, form);
                Procedure procedure = dossiers.procedureOf(dossier);
                issuer(model, dossier.getReceivingUnit(), form, registerNumber(dossier), line.getAt());
                model.put("documents", procedure.getDocuments().stream().map(doc -> Map.of("name", doc.name(),
                        "kind", doc.kind().name(), "count", doc.count())).toList());
                model.put("sets", dossier.getSetCount());
                model.put("statutoryDays", procedure.getStatutoryTime().days());
                model.put("statutoryHours", procedure.getStatutoryTime().hours());
                model.put("statutoryText", procedure.getStatutoryText());
                model.put("receivedAt", dossier.getReceivedAt());
                model.put("appointmentAt", dossier.getAppointmentAt());
                model.put("appointmentNotice", dossiers.appointmentNotice(dossier).orElse(null));
                model.put("returnMethod", dossier.getReturnMethod().name());
                model.put("registerBook", dossier.getRegisterYear());
                model.put("registerNumber", dossier.getRegisterNumber());
                model.put("officerName", names.apply(line.getActor()));
            }
            case SUPPLEMENT_REQUEST -> {
                List<StatusChange> requests = lines(history, DossierStatus.SUPPLEMENT_REQUESTED);
                StatusChange line = pick(requests, n, code, form);
                int occurrence = requests.indexOf(line) + 1;
                issuer(model, dossier.getReceivingUnit(), form,
                        numbered(dossier.getReceivingUnit(), form, code, occurrence, line.getAt()), line.getAt());
                model.put("missing", line.getNote());
                model.put("atReception", line.getFrom() == null || line.getFrom() == DossierStatus.NEW);
                model.put("requestNumber", occurrence);
                model.put("requestCount", requests.size());
                model.put("officerName", names.apply(line.getActor()));
                model.put("officerPhone", officerPhone(line.getActor()));
            }
            case REFUSAL -> {
                StatusChange line = pick(lines(history, DossierStatus.REFUSED), n, code, form);
                issuer(model, dossier.getReceivingUnit(), form,
                        numbered(dossier.getReceivingUnit(), form, code, 1, line.getAt()), line.getAt());
                model.put("filedAt", dossier.getFiledAt());
                model.put("reasons", line.getNote());
                model.put("officerName", names.apply(line.getActor()));
            }
            case STOP_NOTICE -> {
                StatusChange line = pick(lines(history, DossierStatus.STOPPED), n, code, form);
                String unit = deadlines.holdingUnit(code);
                issuer(model, unit, form, numbered(unit, form, code, 1, line.getAt()), line.getAt());
                model.put("receivedAt", dossier.getReceivedAt());
                model.put("appointmentAt", dossier.getAppointmentAt());
                model.put("reasons", line.getNote());
                model.put("officerName", names.apply(line.getActor()));
            }
            case PROCESS_CONTROL -> {
                pick(received(dossier, history), n, code, form);
                Procedure procedure = dossiers.procedureOf(dossier);
                List<Unit> handling = procedure.getHandlingUnits();
                // the sheet travels with the dossier under its receipt's number, written as the receipt writes it
                issuer(model, dossier.getReceivingUnit(), StandardForm.RECEIPT, registerNumber(dossier), calendar.now());
                model.put("handlingUnitName", procedure.leadHandlingUnit().getName());
                model.put("coHandlingUnitNames", handling.stream().skip(1).map(Unit::getName).toList());
                model.put("receivedAt", dossier.getReceivedAt());
                model.put("appointmentAt", dossier.getAppointmentAt());
                model.put("returnedAt", dossier.getReturnedAt());
                model.put("rows", handoverRows(deadlines.handovers(code), names));
            }
            case REGISTER -> {
                StatusChange line = pick(received(dossier, history), n, code, form);
                issuer(model, dossier.getReceivingUnit(), form, null, calendar.now());
                model.put("periodFrom", null);
                model.put("periodTo", null);
                model.put("books", dossier.getRegisterYear() == null ? List.of()
                        : List.of(String.valueOf(dossier.getRegisterYear())));
                model.put("rows", List.of(registerRow(dossier, names.apply(line.getActor()))));
            }
            default -> throw new IllegalArgumentException("Form " + form + " has a model of its own");
        }
        return model;
    }

    private Map<String, Object> applicant(Dossier dossier) {
        Map<String, Object> model = new HashMap<>();
        model.put("dossierCode", dossier.getCode());
        model.put("applicantName", dossier.getApplicant().fullName());
        model.put("applicantIdNumber", dossier.getApplicant().idNumber());
        model.put("applicantAddress", dossier.getApplicant().address());
        model.put("applicantPhone", dossier.getApplicant().phone());
        model.put("applicantEmail", dossier.getApplicant().email());
        model.put("procedureName", dossiers.procedureOf(dossier).getName());
        return model;
    }

    private List<Map<String, Object>> handoverRows(List<Handover> handovers, Function<String, String> names) {
        List<Map<String, Object>> rows = new ArrayList<>();
        Handover previous = null;
        for (Handover h : handovers) {
            Map<String, Object> row = new HashMap<>();
            row.put("step", messages.getMessage("document.step." + h.getStep(), null, h.getStep(), VI));
            row.put("giverUnit", previous == null ? null : unitName(previous.getUnitKey()));
            row.put("giverOfficer", previous == null ? null : names.apply(previous.getEndedBy()));
            row.put("receiverUnit", unitName(h.getUnitKey()));
            row.put("receiverOfficer", names.apply(h.getEndedBy()));
            row.put("handedAt", h.getStartedAt());
            row.put("dueAt", h.getDueAt());
            row.put("endedAt", h.getEndedAt());
            row.put("verdict", h.getVerdict() == null ? null : h.getVerdict().name());
            rows.add(row);
            previous = h;
        }
        return rows;
    }

    /**
     * A dossier's line in its unit's register (Form 07): when it went to the handling agency is when the first
     * handling step started (not the counter's check, not the return), and the result came back when the
     * return step started.
     */
    private Map<String, Object> registerRow(Dossier dossier, String officerName) {
        Procedure procedure = dossiers.procedureOf(dossier);
        List<Handover> steps = deadlines.handovers(dossier.getCode());
        Map<String, Object> row = new HashMap<>();
        row.put("registerNumber", dossier.getRegisterNumber());
        row.put("registerYear", dossier.getRegisterYear());
        row.put("dossierCode", dossier.getCode());
        row.put("procedureName", procedure.getName());
        row.put("sets", dossier.getSetCount());
        row.put("applicantName", dossier.getApplicant().fullName());
        row.put("applicantAddress", dossier.getApplicant().address());
        row.put("applicantPhone", dossier.getApplicant().phone());
        row.put("leadUnitName", procedure.leadHandlingUnit().getName());
        row.put("receivedAt", dossier.getReceivedAt());
        row.put("appointmentAt", dossier.getAppointmentAt());
        row.put("sentAt", steps.stream().filter(h -> !Deadlines.RECEPTION_CHECK.equals(h.getStep())
                && !RETURN_STEP.equals(h.getStep())).map(Handover::getStartedAt).min(Comparator.naturalOrder())
                .orElse(null));
        row.put("resultBackAt", steps.stream().filter(h -> RETURN_STEP.equals(h.getStep())).map(Handover::getStartedAt)
                .min(Comparator.naturalOrder()).orElse(null));
        row.put("returnedAt", dossier.getReturnedAt());
        row.put("officerName", officerName);
        row.put("status", messages.getMessage(dossier.getStatus().messageKey(), null, dossier.getStatus().name(), VI));
        row.put("online", dossier.getChannel() == vn.motcua.dossier.Channel.ONLINE);
        row.put("returnMethod", dossier.getReturnMethod().name());
        row.put("reappointments", dossier.getReappointments());
        return row;
    }

    // --- the heading: the issuer under its governing body, the number, the place and date

    /**
     * Puts the heading of a document issued by {@code unitKey}: {@code governingBody} (upper case, or null),
     * {@code issuerName} (upper case), {@code unitName} (as the text names it), {@code documentNumber}
     * ("05/TB-UBND", or null for a line to fill in by hand), {@code place} and {@code issuedAt}.
     */
    private void issuer(Map<String, Object> model, String unitKey, StandardForm form, Integer number, Instant issuedAt) {
        Unit unit = catalog.unit(unitKey).orElse(null);
        model.put("unitName", unit == null ? unitKey : unit.getName());
        model.put("governingBody", unit == null || unit.getGoverningBody() == null ? null
                : unit.getGoverningBody().toUpperCase(VI));
        model.put("issuerName", (unit == null ? unitKey : unit.getHeadingName()).toUpperCase(VI));
        model.put("documentNumber", number == null ? null : documentNumber(number, form, unit));
        model.put("place", properties.place());
        model.put("issuedAt", issuedAt);
    }

    /** "05/TB-UBND": the number (two digits at least), the form's type and the unit's symbol. */
    private String documentNumber(int number, StandardForm form, Unit unit) {
        String type = messages.getMessage("document.symbol." + form.number(), null, "", VI);
        String symbol = unit == null || unit.getSymbol() == null ? "" : unit.getSymbol();
        String suffix = type.isEmpty() ? symbol : symbol.isEmpty() ? type : type + "-" + symbol;
        return String.format(Locale.ROOT, "%02d", number) + (suffix.isEmpty() ? "" : "/" + suffix);
    }

    /** A document's own number (Forms 02–05), taken the first time it is issued. */
    private Integer numbered(String unitKey, StandardForm form, String code, int occurrence, Instant issuedAt) {
        return numbers.of(unitKey, form, code, occurrence, issuedAt, calendar.zone()).getNumber();
    }

    /** Form 01's number: the dossier's line in its unit's register; null for a dossier never entered. */
    private static Integer registerNumber(Dossier dossier) {
        return dossier.getRegisterNumber();
    }

    private String officerPhone(String userId) {
        OfficerNames directory = officerNames.getIfAvailable();
        if (userId == null || Actors.SYSTEM.equals(userId) || directory == null) {
            return null;
        }
        return directory.phone(userId).orElse(null);
    }

    // --- picking the form and its occurrence

    private StandardForm form(String number) {
        return StandardForm.of(number)
                .orElseThrow(() -> new DossierProblem(HttpStatus.NOT_FOUND, "document.form.unknown", number));
    }

    /** The RECEIVED line of a received dossier (empty before reception). */
    private static List<StatusChange> received(Dossier dossier, List<StatusChange> history) {
        if (dossier.getReceivedAt() == null) {
            return List.of();
        }
        return lines(history, DossierStatus.RECEIVED).stream().reduce((a, b) -> b).map(List::of).orElse(List.of());
    }

    private static List<StatusChange> lines(List<StatusChange> history, DossierStatus to) {
        return history.stream().filter(h -> h.getTo() == to && h.getFrom() != to)
                .sorted(Comparator.comparing(StatusChange::getId)).toList();
    }

    /** The n-th (from 1) of the occurrences, the latest when n is null; 404 when there is none. */
    private <T> T pick(List<T> occurrences, Integer n, String code, StandardForm form) {
        if (occurrences.isEmpty()) {
            throw new DossierProblem(HttpStatus.NOT_FOUND, "document.form.unavailable", code, title(form),
                    form.number());
        }
        if (n == null) {
            return occurrences.get(occurrences.size() - 1);
        }
        if (n < 1 || n > occurrences.size()) {
            throw new DossierProblem(HttpStatus.NOT_FOUND, "document.form.occurrence", code, title(form),
                    form.number(), n);
        }
        return occurrences.get(n - 1);
    }

    private AvailableDocument entry(String code, StandardForm form, Integer n, Instant issuedAt) {
        String url = "/api/dossiers/" + code + "/documents/" + form.number() + (n == null ? "" : "?n=" + n);
        return new AvailableDocument(form.number(), n, title(form), at(issuedAt), url,
                url + (n == null ? "?" : "&") + "format=pdf");
    }

    private String title(StandardForm form) {
        return messages.getMessage(form.titleKey(), null, form.number(), VI);
    }

    private OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atZone(calendar.zone()).toOffsetDateTime();
    }

    private String unitName(String key) {
        return catalog.unit(key).map(Unit::getName).orElse(key);
    }

    /** Officers' names by user id, looked up once per document; the system and unknown users show as ids. */
    private Function<String, String> officerNames() {
        OfficerNames directory = officerNames.getIfAvailable();
        Map<String, String> known = new LinkedHashMap<>();
        return userId -> {
            if (userId == null || Actors.SYSTEM.equals(userId)) {
                return null;
            }
            return known.computeIfAbsent(userId,
                    id -> directory == null ? id : directory.fullName(id).orElse(id));
        };
    }
}
