package vn.motcua.dossier;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.StatutoryTime;
import vn.motcua.catalog.Unit;

/** The dossier module's API: intake, status changes with their history, and look-ups. */
@Service
@Transactional
public class Dossiers {

    static final int MAX_FORM_DATA = 4000;
    /** How many dossier codes one {@code in (...)} look-up takes. */
    private static final int CODES_PER_QUERY = 500;
    /** Compared against when the code is unknown, so that both answers take the same work. */
    private static final String UNKNOWN_ID_NUMBER = "000000000000";
    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final DateTimeFormatter VN_TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    private final DossierRepository dossiers;
    private final DossierPauseRepository pauses;
    private final IndicatorCounts counts;
    private final StatusChangeRepository history;
    private final DossierCodes codes;
    private final DossierRegister register;
    private final DossierWorkflow workflow;
    private final DossierAccess access;
    private final Catalog catalog;
    private final WorkingCalendar calendar;
    private final ObjectMapper json;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;

    Dossiers(DossierRepository dossiers, DossierPauseRepository pauses, IndicatorCounts counts,
            StatusChangeRepository history, DossierCodes codes, DossierRegister register,
            DossierWorkflow workflow, DossierAccess access, Catalog catalog, WorkingCalendar calendar, ObjectMapper json,
            MessageSource messages, ApplicationEventPublisher events) {
        this.dossiers = dossiers;
        this.pauses = pauses;
        this.counts = counts;
        this.history = history;
        this.codes = codes;
        this.register = register;
        this.workflow = workflow;
        this.access = access;
        this.catalog = catalog;
        this.calendar = calendar;
        this.json = json;
        this.messages = messages;
        this.events = events;
    }

    /**
     * Files a dossier and starts its lifecycle. The row, its first history line and the process
     * instance commit together or not at all.
     */
    public Dossier intake(IntakeRequest request) {
        Procedure procedure = procedureToFile(request.procedureCode());
        if (!access.canIntake(Actors.groups(), procedure)) {
            throw DossierProblem.forbidden();
        }
        return file(procedure, request, request.channel(), Actors.current());
    }

    /** Whether the caller may file dossiers of this procedure at a counter: its receiving unit's reception. */
    public boolean canIntake(Procedure procedure) {
        return access.canIntake(Actors.groups(), procedure);
    }

    /**
     * Files a dossier that a citizen sent online: channel {@link Channel#ONLINE}, filed by
     * {@link Actors#CITIZEN}, status 1 until the receiving unit's counter checks it in Tasklist, like
     * a counter dossier. Only procedures the catalog marks as filed online are accepted (422).
     * The request's channel is ignored.
     */
    public Dossier fileOnline(IntakeRequest request) {
        Procedure procedure = procedureToFile(request.procedureCode());
        if (!procedure.isOnline()) {
            throw new DossierProblem(HttpStatus.UNPROCESSABLE_ENTITY, "online.procedure.notOnline", procedure.getCode());
        }
        return file(procedure, request, Channel.ONLINE, Actors.CITIZEN);
    }

    private Procedure procedureToFile(String procedureCode) {
        return catalog.procedure(procedureCode)
                .orElseThrow(() -> new DossierProblem(HttpStatus.UNPROCESSABLE_ENTITY, "intake.procedure.unknown",
                        procedureCode));
    }

    private Dossier file(Procedure procedure, IntakeRequest request, Channel channel, String actor) {
        String formData = formData(request.formData());
        Instant now = calendar.now();
        LocalDate day = now.atZone(calendar.zone()).toLocalDate();
        String code = codes.next(procedure.getReceivingUnit().getCode(), day);
        Dossier dossier = dossiers.save(new Dossier(code, procedure.getCode(), procedure.getReceivingUnit().getKey(),
                channel, request.applicant().toApplicant(), formData, now, actor)
                .withFiling(request.returnMethod() != null ? request.returnMethod() : ReturnMethod.COUNTER,
                        request.sets() != null ? request.sets() : 1));
        history.save(new StatusChange(code, now, actor, null, DossierStatus.NEW, null, null));
        workflow.start(code);
        return dossier;
    }

    /**
     * Moves a dossier to a new status and appends the change to its history. Receiving sets the
     * received time and the appointment; finishing and returning set their times.
     *
     * @param step  the process step that made the change, or null
     * @param actor who made it; null means the authenticated caller or the system
     */
    public Dossier changeStatus(String code, DossierStatus to, String step, String actor, String note) {
        Dossier dossier = require(code);
        DossierStatus from = dossier.getStatus();
        if (from == DossierStatus.RETURNED || from == DossierStatus.REFUSED || from == DossierStatus.WITHDRAWN) {
            throw new IllegalStateException("Dossier " + code + " is closed (" + from + ") and cannot become " + to);
        }
        Instant now = calendar.now();
        String by = actor != null ? actor : Actors.current();
        IndicatorCounts.Snapshot before = counts.before(dossier);
        long waited = 0;
        if (dossier.isPaused() && !to.pausesTheClock() && !to.finishes()) {
            waited = calendar.workingMinutesBetween(dossier.getPausedAt(), now);
            Instant pausedAt = dossier.getPausedAt();
            endPause(code, now);
            dossier.resumed(now, waited, calendar.addWorkingTime(dossier.getDueAt(), waited, null).toInstant(),
                    calendar.addWorkingTime(dossier.getAppointmentAt(), waited, null).toInstant());
            // the resumption's history line tells how long the clock stood and where the appointment moved
            note = messages.getMessage(from == DossierStatus.FEES_DUE ? "dossier.clock.resumed.fees" : "dossier.clock.resumed",
                    new Object[] {hours(waited), format(pausedAt), format(dossier.getAppointmentAt())}, VI);
        }
        DossierStatusChanged.Clock clock = dossier.getReceivedAt() == null ? DossierStatusChanged.Clock.NOT_STARTED
                : waited > 0 || from.pausesTheClock() ? DossierStatusChanged.Clock.RESUMED
                : DossierStatusChanged.Clock.RUNNING;
        dossier.setStatus(to);
        switch (to) {
            case RECEIVED -> {
                Procedure procedure = procedureOf(dossier);
                dossier.received(now, appointment(procedure, now));
                register.enter(dossier, now, calendar.zone());
                clock = DossierStatusChanged.Clock.STARTED;
            }
            case SUPPLEMENT_REQUESTED, FEES_DUE -> {
                if (dossier.getReceivedAt() != null && dossier.getFinishedAt() == null) {
                    if (!dossier.isPaused()) {
                        pauses.save(new DossierPause(code, now, dossier.getDueAt()));
                    }
                    dossier.paused(now, to == DossierStatus.SUPPLEMENT_REQUESTED);
                    clock = DossierStatusChanged.Clock.PAUSED;
                }
            }
            case RETURNED -> {
                dossier.returned(now);
                clock = DossierStatusChanged.Clock.ENDED;
            }
            default -> {
                if (to.finishes()) {
                    if (dossier.isPaused() && dossier.getFinishedAt() == null) {
                        endPause(code, now);
                    }
                    dossier.finished(now, calendar.zone(), handlingMinutes(dossier, now));
                    clock = DossierStatusChanged.Clock.ENDED;
                }
            }
        }
        counts.moved(before, dossier);
        history.save(new StatusChange(code, now, by, from, to, step,
                note == null || note.isBlank() ? null : note.strip()));
        events.publishEvent(new DossierStatusChanged(code, from, to, now, clock, waited));
        return dossier;
    }

    /**
     * Re-appoints a dossier (Form 04): the appointment moves by {@code workingMinutes} of working
     * time; the statutory due stays, so the dossier still counts as late. Recorded in the history.
     *
     * @return the new appointment
     */
    public Instant reappoint(String code, long workingMinutes, String actor, String note) {
        Dossier dossier = require(code);
        if (!dossier.isUnderWay()) {
            throw new IllegalStateException("Dossier " + code + " is not under way and cannot be re-appointed");
        }
        Instant previous = dossier.getAppointmentAt();
        Instant next = calendar.addWorkingTime(previous, workingMinutes, null).toInstant();
        IndicatorCounts.Snapshot before = counts.before(dossier);
        dossier.reappointed(calendar.now(), workingMinutes, next);
        counts.moved(before, dossier);
        history.save(new StatusChange(code, calendar.now(), actor, dossier.getStatus(), dossier.getStatus(),
                "reappoint", messages.getMessage("dossier.clock.reappointed",
                        new Object[] {format(previous), format(next), note == null ? "" : note.strip()}, VI)));
        return next;
    }

    /**
     * Recomputes the due and the appointment of every dossier under way from its reception, its
     * statutory time, its pauses and its extensions, after the working calendar changed.
     *
     * @return the codes of the dossiers whose dates moved
     */
    public List<String> reschedule() {
        List<String> moved = new ArrayList<>();
        for (Dossier dossier : dossiers.findByReceivedAtIsNotNullAndFinishedAtIsNullAndReturnedAtIsNull()) {
            Procedure procedure = procedureOf(dossier);
            Instant due = statutoryDue(procedure, dossier.getReceivedAt(), dossier.getPausedMinutes());
            Instant appointment = dossier.getExtensionMinutes() == 0 && !procedure.getStatutoryTime().inWorkingTime() ? due
                    : calendar.addWorkingTime(due, dossier.getExtensionMinutes(), null).toInstant();
            if (!due.equals(dossier.getDueAt()) || !appointment.equals(dossier.getAppointmentAt())) {
                Instant before = dossier.getAppointmentAt();
                IndicatorCounts.Snapshot counted = counts.before(dossier);
                dossier.rescheduled(due, appointment);
                counts.moved(counted, dossier);
                history.save(new StatusChange(dossier.getCode(), calendar.now(), Actors.current(), dossier.getStatus(),
                        dossier.getStatus(), "calendar", messages.getMessage("dossier.clock.rescheduled",
                                new Object[] {format(before), format(appointment)}, VI)));
                moved.add(dossier.getCode());
            }
        }
        return moved;
    }

    private void endPause(String code, Instant at) {
        pauses.findByDossierCodeAndResumedAtIsNull(code).forEach(pause -> pause.resumed(at));
    }

    /**
     * Decision 766, 2.2: the working time from reception to finishing, less the time the clock stood for
     * supplements (the stops that ended, and one still standing when the dossier finishes); null when the dossier
     * was never received or has already finished.
     */
    private Long handlingMinutes(Dossier dossier, Instant finished) {
        if (dossier.getReceivedAt() == null || dossier.getFinishedAt() != null) {
            return null;
        }
        long stood = dossier.getPausedMinutes()
                + (dossier.isPaused() ? calendar.workingMinutesBetween(dossier.getPausedAt(), finished) : 0);
        return Math.max(0, calendar.workingMinutesBetween(dossier.getReceivedAt(), finished) - stood);
    }

    private String format(Instant at) {
        return at == null ? "-" : VN_TIME.format(at.atZone(calendar.zone()));
    }

    private static String hours(long minutes) {
        return minutes % 60 == 0 ? Long.toString(minutes / 60) : String.format(Locale.ROOT, "%.2f", minutes / 60.0);
    }

    /**
     * Records that the counter digitised the dossier: it attached scans of the papers it received (Decision 766,
     * 4.2). The first time counts; later scans change nothing.
     */
    public void digitised(String code) {
        Dossier dossier = require(code);
        IndicatorCounts.Snapshot before = counts.before(dossier);
        dossier.digitised(calendar.now());
        counts.moved(before, dossier);
    }

    /**
     * Records that staff attached the dossier's electronic result (Decision 766, 4.1). The first time counts.
     */
    public void electronicResult(String code) {
        Dossier dossier = require(code);
        IndicatorCounts.Snapshot before = counts.before(dossier);
        dossier.electronicResult(calendar.now());
        counts.moved(before, dossier);
    }

    /** Records that the citizen brought the requested supplement and resumes the dossier's process. */
    public void supplementReceived(String code) {
        Dossier dossier = requireVisible(code);
        if (!access.canRecordSupplement(Actors.groups(), procedureOf(dossier))) {
            throw DossierProblem.forbidden();
        }
        resumeAfterSupplement(dossier);
    }

    /**
     * A dossier whose requested supplement the caller may record now (papers, scans): its receiving counter or the
     * specialists of a unit that takes part, while the supplement is awaited. 404 unknown, 403 others, 409 when no
     * supplement is requested.
     */
    @Transactional(readOnly = true)
    public Dossier requireForSupplement(String code) {
        Dossier dossier = requireVisible(code);
        if (!access.canRecordSupplement(Actors.groups(), procedureOf(dossier))) {
            throw DossierProblem.forbidden();
        }
        if (dossier.getStatus() != DossierStatus.SUPPLEMENT_REQUESTED) {
            throw new DossierProblem(HttpStatus.CONFLICT, "dossier.supplement.notAwaited", code);
        }
        return dossier;
    }

    /**
     * The citizen's own path for a requested supplement (sent online): the applicant's ID number
     * stands in for the staff account. Resumes the process exactly as the counter does; the history
     * names {@link Actors#CITIZEN}. 404 as for an unknown code when the ID number does not match.
     */
    public void supplementFromApplicant(String code, String idNumber) {
        Dossier dossier = requireForApplicant(code, idNumber);
        Actors.runAs(Actors.CITIZEN, () -> resumeAfterSupplement(dossier));
    }

    private void resumeAfterSupplement(Dossier dossier) {
        String code = dossier.getCode();
        if (dossier.getStatus() != DossierStatus.SUPPLEMENT_REQUESTED || !workflow.awaitsSupplement(code)) {
            throw new DossierProblem(HttpStatus.CONFLICT, "dossier.supplement.notAwaited", code);
        }
        workflow.supplementReceived(code);
    }

    /**
     * The dossier, for its applicant: found only when the code exists and {@code idNumber} is the
     * applicant's, compared in constant time. An unknown code and a wrong ID number give the same
     * empty answer, after the same work.
     */
    @Transactional(readOnly = true)
    public Optional<Dossier> findForApplicant(String code, String idNumber) {
        Optional<Dossier> dossier = code == null || code.isBlank() ? Optional.empty() : dossiers.findById(code.strip());
        String expected = dossier.map(d -> d.getApplicant().idNumber()).orElse(UNKNOWN_ID_NUMBER);
        boolean matches = sameIdNumber(expected, idNumber == null ? "" : idNumber.strip());
        return dossier.isPresent() && matches ? dossier : Optional.empty();
    }

    /** {@link #findForApplicant}, or 404 with one message for an unknown code and a wrong ID number alike. */
    @Transactional(readOnly = true)
    public Dossier requireForApplicant(String code, String idNumber) {
        return findForApplicant(code, idNumber).orElseThrow(DossierProblem::notFoundForApplicant);
    }

    private static boolean sameIdNumber(String expected, String given) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] a = sha.digest(expected.getBytes(StandardCharsets.UTF_8));
            byte[] b = sha.digest(given.getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(a, b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A done or returned dossier whose electronic result the caller may add: staff of its receiving
     * unit's counter or of a handling unit (specialists, leaders), or an administrator. 404 when
     * unknown, 403 for others, 409 before handling is done.
     */
    @Transactional(readOnly = true)
    public Dossier requireForResult(String code) {
        Dossier dossier = require(code);
        if (!access.canAddResult(Actors.groups(), procedureOf(dossier))) {
            throw DossierProblem.forbidden();
        }
        if (dossier.getStatus() != DossierStatus.DONE && dossier.getStatus() != DossierStatus.RETURNED) {
            throw new DossierProblem(HttpStatus.CONFLICT, "dossier.result.notDone", code);
        }
        return dossier;
    }

    /**
     * Records that the citizen fulfilled the financial obligation of an interconnected land
     * procedure (status 6) and resumes the dossier's process.
     */
    public void feesPaid(String code) {
        Dossier dossier = requireVisible(code);
        if (!access.canRecordSupplement(Actors.groups(), procedureOf(dossier))) {
            throw DossierProblem.forbidden();
        }
        if (dossier.getStatus() != DossierStatus.FEES_DUE || !workflow.awaitsFees(code)) {
            throw new DossierProblem(HttpStatus.CONFLICT, "dossier.fees.notAwaited", code);
        }
        workflow.feesPaid(code);
    }

    /**
     * The notice that goes with a dossier's appointment while it is counted over days off that are only
     * provisional (a year whose official schedule is not known yet): the appointment may move when the
     * official schedule is entered. Empty once the dossier is finished, or when every day up to the
     * appointment is of an official year.
     */
    @Transactional(readOnly = true)
    public Optional<String> appointmentNotice(Dossier dossier) {
        if (dossier.getReceivedAt() == null || dossier.getAppointmentAt() == null || dossier.getFinishedAt() != null
                || dossier.getReturnedAt() != null) {
            return Optional.empty();
        }
        return appointmentNotice(dossier.getReceivedAt(), dossier.getAppointmentAt());
    }

    /** The notice for an appointment counted from {@code from}, if it crosses a provisional year (see above). */
    public Optional<String> appointmentNotice(Instant from, Instant appointment) {
        List<Integer> years = calendar.provisionalYears(from, appointment);
        if (years.isEmpty()) {
            return Optional.empty();
        }
        String which = String.join(", ", years.stream().map(String::valueOf).toList());
        return Optional.of(messages.getMessage("calendar.appointment.provisional", new Object[] {which}, VI));
    }

    /** The appointment a dossier of this procedure would get if received at {@code at}. */
    public Instant appointment(Procedure procedure, Instant at) {
        return statutoryDue(procedure, at, 0);
    }

    /**
     * The statutory due of a dossier of this procedure received at {@code receivedAt}, after
     * {@code pausedMinutes} of working time waiting for supplements (which do not count):
     * <ul>
     * <li>working days or hours: that working time after reception, counted from the next working day
     * when received after the procedure's afternoon cut-off;</li>
     * <li>calendar days ("ngày"): the close of office hours of the last day, counted from the day after
     * reception, moved to the next working day when it is a day off ({@link WorkingCalendar#endOfCalendarDays});</li>
     * <li>the same day: the close of office hours of the day of reception, or of the next working day when
     * received after the cut-off or outside a working day ({@link WorkingCalendar#endOfWorkingDay}).</li>
     * </ul>
     * For calendar days and the same day the pause moves the due by the working time waited, as it does
     * for working time.
     */
    public Instant statutoryDue(Procedure procedure, Instant receivedAt, long pausedMinutes) {
        StatutoryTime time = procedure.getStatutoryTime();
        if (time.inWorkingTime()) {
            return calendar.addWorkingTime(receivedAt, time.workingMinutes() + pausedMinutes,
                    procedure.getAfternoonCutoff()).toInstant();
        }
        Instant due = switch (time.unit()) {
            case CALENDAR_DAYS -> calendar.endOfCalendarDays(receivedAt, time.amount()).toInstant();
            default -> calendar.endOfWorkingDay(receivedAt, procedure.effectiveCutoff()).toInstant();
        };
        return pausedMinutes > 0 ? calendar.addWorkingTime(due, pausedMinutes, null).toInstant() : due;
    }

    /**
     * The working time a dossier of this procedure received at {@code receivedAt} has until its statutory
     * due: the statutory time itself for working days and hours; for calendar days and the same day the
     * office hours between reception and the due, which the steps share in the proportions of the catalog.
     */
    public long statutoryWorkingMinutes(Procedure procedure, Instant receivedAt) {
        StatutoryTime time = procedure.getStatutoryTime();
        if (time.inWorkingTime()) {
            return time.workingMinutes();
        }
        return calendar.workingMinutesBetween(receivedAt, statutoryDue(procedure, receivedAt, 0));
    }

    @Transactional(readOnly = true)
    public Optional<Dossier> find(String code) {
        return dossiers.findById(code);
    }

    @Transactional(readOnly = true)
    public Dossier require(String code) {
        return dossiers.findById(code).orElseThrow(() -> DossierProblem.notFound(code));
    }

    /** The dossier, if the caller may see it: 404 when unknown, 403 when of another unit. */
    @Transactional(readOnly = true)
    public Dossier requireVisible(String code) {
        Dossier dossier = require(code);
        if (!access.canView(Actors.groups(), procedureOf(dossier))) {
            throw DossierProblem.forbidden();
        }
        return dossier;
    }

    @Transactional(readOnly = true)
    public List<StatusChange> history(String code) {
        return history.findByDossierCodeOrderByIdAsc(code);
    }

    /**
     * The dossiers the unit's counter received in {@code [from, until)}, earliest first: the unit's
     * register (Form 07). 404 for an unknown unit; 403 unless the caller is an officer of the unit (any
     * role), a city supervisor or an administrator.
     */
    @Transactional(readOnly = true)
    public List<Dossier> receivedBy(String unitKey, Instant from, Instant until) {
        Unit unit = catalog.unit(unitKey)
                .orElseThrow(() -> new DossierProblem(HttpStatus.NOT_FOUND, "register.unit.notFound", unitKey));
        if (!access.canViewUnit(Actors.groups(), unit)) {
            throw DossierProblem.forbidden();
        }
        return dossiers.receivedBy(unit.getKey(), from, until);
    }

    /** The history lines that moved any of these dossiers to {@code to}, oldest first. */
    @Transactional(readOnly = true)
    public List<StatusChange> changesTo(Collection<String> codes, DossierStatus to) {
        List<String> all = List.copyOf(codes);
        List<StatusChange> found = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CODES_PER_QUERY) {
            found.addAll(history.findByDossierCodeInAndToOrderByIdAsc(
                    all.subList(i, Math.min(all.size(), i + CODES_PER_QUERY)), to));
        }
        found.sort((a, b) -> Long.compare(a.getId(), b.getId()));
        return found;
    }

    public Procedure procedureOf(Dossier dossier) {
        return catalog.procedure(dossier.getProcedureCode())
                .orElseThrow(() -> new IllegalStateException("Procedure " + dossier.getProcedureCode() + " is gone"));
    }

    private String formData(Map<String, Object> data) {
        if (data == null || data.isEmpty()) {
            return null;
        }
        try {
            String text = json.writeValueAsString(data);
            if (text.length() > MAX_FORM_DATA) {
                throw new DossierProblem(HttpStatus.BAD_REQUEST, "intake.formData.size", MAX_FORM_DATA);
            }
            return text;
        } catch (JsonProcessingException e) {
            throw new DossierProblem(HttpStatus.BAD_REQUEST, "intake.formData.invalid");
        }
    }
}
