package vn.motcua.deadline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.calendar.CalendarChanged;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.Role;
import vn.motcua.catalog.StatutoryTime;
import vn.motcua.catalog.StepShare;
import vn.motcua.catalog.Unit;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierProblem;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierStatusChanged;
import vn.motcua.dossier.Dossiers;
import vn.motcua.dossier.Verdict;
import vn.motcua.transaction.TransactionScoped;

/**
 * The deadlines of a dossier's steps, their verdicts, escalations and re-appointments.
 *
 * <p>A step's clock starts when the engine enters the step (the first of its timers or its task
 * asks for the step's due date) and ends when its task completes. Its due date is the start plus
 * the step's share of the statutory time from the catalog; a supplement requested during the step
 * leaves it open, and when the citizen supplements, its due date moves by the working time spent
 * waiting, like the dossier's appointment.
 */
@Service("dossierDeadlines")
@Transactional
public class Deadlines {

    /** The counter's completeness check: before the statutory clock, with its own time. */
    public static final String RECEPTION_CHECK = "receptionCheck";
    /** The counter's return of the result to the citizen. */
    public static final String RESULT_RETURN = "returnResult";
    /**
     * The steps the receiving counter holds; every other step is a handling step, and the units holding them are
     * the dossier's handling units.
     */
    public static final Set<String> COUNTER_STEPS = Set.of(RECEPTION_CHECK, RESULT_RETURN);

    private static final long MINUTES_PER_DAY = 60L * 8;

    private final HandoverRepository handovers;
    private final EscalationRepository escalations;
    private final ReappointmentRepository reappointments;
    private final Dossiers dossiers;
    private final WorkingCalendar calendar;
    private final DeadlineProperties properties;
    private final ApplicationEventPublisher events;

    Deadlines(HandoverRepository handovers, EscalationRepository escalations, ReappointmentRepository reappointments,
            Dossiers dossiers, WorkingCalendar calendar, DeadlineProperties properties,
            ApplicationEventPublisher events) {
        this.handovers = handovers;
        this.escalations = escalations;
        this.reappointments = reappointments;
        this.dossiers = dossiers;
        this.calendar = calendar;
        this.properties = properties;
        this.events = events;
    }

    /**
     * The open step of this key, started now if it is not open yet. A task's creation asks for its step four
     * times (the due date, the follow-up date, the two timers): the transaction remembers the step it found,
     * as long as it stays open.
     */
    public Handover step(String code, String step) {
        OpenSteps open = TransactionScoped.of(OpenSteps.class, this, () -> new OpenSteps(this, new HashMap<>()));
        String key = code + '\n' + step;
        Handover known = open == null ? null : open.steps().get(key);
        if (known != null && known.getEndedAt() == null) {
            return known;
        }
        Handover found = handovers.findFirstByDossierCodeAndStepAndEndedAtIsNullOrderByIdDesc(code, step)
                .orElseGet(() -> start(code, step));
        if (open != null) {
            open.steps().put(key, found);
        }
        return found;
    }

    /** The steps the current transaction found open, by dossier code and step. */
    private record OpenSteps(Deadlines owner, Map<String, Handover> steps) implements TransactionScoped {
    }

    private Handover start(String code, String step) {
        Dossier dossier = dossiers.require(code);
        Procedure procedure = dossiers.procedureOf(dossier);
        long share;
        Unit unit;
        if (RECEPTION_CHECK.equals(step)) {
            share = properties.receptionCheck().toMinutes();
            unit = procedure.getReceivingUnit();
        } else {
            StepShare s = procedure.step(step).orElseThrow(() -> new IllegalStateException(
                    "Procedure " + procedure.getCode() + " declares no share of its statutory time for step " + step));
            share = share(procedure, dossier, s);
            unit = procedure.unitOf(s);
        }
        Instant now = calendar.now();
        Instant due = calendar.addWorkingTime(now, share, null).toInstant();
        return handovers.save(new Handover(code, step, unit.getKey(), now, share, due));
    }

    /**
     * A step's share in working minutes. For working days and hours it is the catalog's. For calendar days
     * and the same day the catalog declares shares against a nominal 8 working hours a day; the dossier's
     * own working time until its statutory due (which depends on the weekends and holidays it spans) is
     * split in the same proportions, rounded down to whole minutes, at least one minute.
     */
    private long share(Procedure procedure, Dossier dossier, StepShare s) {
        StatutoryTime time = procedure.getStatutoryTime();
        if (time.inWorkingTime() || dossier.getReceivedAt() == null) {
            return s.workingMinutes();
        }
        long window = dossiers.statutoryWorkingMinutes(procedure, dossier.getReceivedAt());
        return Math.max(1, s.workingMinutes() * window / time.workingMinutes());
    }

    /** The open step of this key, if there is one (without starting it). */
    @Transactional(readOnly = true)
    public Optional<Handover> openStep(String code, String step) {
        return handovers.findFirstByDossierCodeAndStepAndEndedAtIsNullOrderByIdDesc(code, step);
    }

    /** When the supervisors' decision on an overdue step is due, asked now. */
    public Instant escalationResponseDue() {
        return escalationResponseDue(calendar.now());
    }

    /** When the supervisors' decision on an overdue step is due, asked at {@code askedAt}. */
    public Instant escalationResponseDue(Instant askedAt) {
        return calendar.addWorkingTime(askedAt, properties.escalationResponse().toMinutes(), null).toInstant();
    }

    /** The appointment the citizen holds now: an apology must be out before it. */
    @Transactional(readOnly = true)
    public Instant appointment(String code) {
        return dossiers.require(code).getAppointmentAt();
    }

    /** When the step counts as due soon: its due date less the warning time, at most half the step. */
    public Instant dueSoonAt(Handover step) {
        long lead = Math.min(properties.dueSoon().toMinutes(), step.getShareMinutes() / 2);
        return calendar.subtractWorkingTime(step.getDueAt(), lead);
    }

    /**
     * The step's task is done. The step ends with its verdict, unless the officer asked the citizen
     * for a supplement during handling: then the step stays open, its clock paused with the dossier's.
     */
    public void stepEnded(String code, String step, String actor, boolean awaitingSupplement) {
        Optional<Handover> open = handovers.findFirstByDossierCodeAndStepAndEndedAtIsNullOrderByIdDesc(code, step);
        if (open.isEmpty()) {
            return;
        }
        if (awaitingSupplement && dossiers.require(code).getReceivedAt() != null) {
            return;
        }
        end(open.get(), actor);
    }

    private void end(Handover handover, String actor) {
        Instant now = calendar.now();
        handover.end(now, actor, Verdict.of(now, handover.getDueAt(), calendar.zone()));
    }

    /** Moves open steps when a pause ends, and ends them with the dossier. */
    @EventListener
    void onStatusChanged(DossierStatusChanged change) {
        switch (change.clock()) {
            case RESUMED -> {
                if (change.waitedMinutes() > 0) {
                    for (Handover h : handovers.findByDossierCodeAndEndedAtIsNull(change.code())) {
                        h.moveDue(change.waitedMinutes(),
                                calendar.addWorkingTime(h.getDueAt(), change.waitedMinutes(), null).toInstant());
                    }
                }
                events.publishEvent(new DeadlinesMoved(List.of(change.code())));
            }
            case ENDED -> handovers.findByDossierCodeAndEndedAtIsNull(change.code()).forEach(h -> end(h, null));
            default -> {
            }
        }
    }

    /**
     * Records that the open step of this key is overdue and goes to the supervisors of its unit.
     * Empty when the step is no longer open or was already escalated: an escalation fires once per
     * overdue step.
     *
     * @param heldBy the officer the step's task was assigned to (who caused the escalation), or null when unclaimed
     */
    public Optional<Escalation> escalate(String code, String step, String heldBy) {
        Optional<Handover> open = handovers.findFirstByDossierCodeAndStepAndEndedAtIsNullOrderByIdDesc(code, step);
        if (open.isEmpty() || escalations.findByHandoverId(open.get().getId()).isPresent()) {
            return Optional.empty();
        }
        Handover h = open.get();
        return Optional.of(escalations.save(new Escalation(h, Role.SUPERVISORS.groupOf(h.getUnitKey()), calendar.now(),
                blankToNull(heldBy))));
    }

    public Handover handover(long id) {
        return handovers.findById(id).orElseThrow(() -> new IllegalStateException("No handover " + id));
    }

    public Escalation escalation(long id) {
        return escalations.findById(id).orElseThrow(() -> new IllegalStateException("No escalation " + id));
    }

    public void decide(long escalationId, Escalation.Outcome outcome, String actor, String note) {
        escalation(escalationId).decide(outcome, actor, calendar.now(), note == null || note.isBlank() ? null : note.strip());
    }

    /**
     * When a dossier not yet done needs an apology and a new appointment: the warning time before
     * its appointment, at most half its statutory time.
     */
    public Instant atRiskAt(String code) {
        Dossier dossier = dossiers.require(code);
        Procedure procedure = dossiers.procedureOf(dossier);
        long statutory = dossier.getReceivedAt() == null ? procedure.getStatutoryTime().workingMinutes()
                : dossiers.statutoryWorkingMinutes(procedure, dossier.getReceivedAt());
        long lead = Math.min(properties.atRisk().toMinutes(), statutory / 2);
        return calendar.subtractWorkingTime(dossier.getAppointmentAt(), lead);
    }

    /** A dossier may be re-appointed while under way, not yet done, within the limit. */
    public boolean canReappoint(String code) {
        Dossier dossier = dossiers.require(code);
        return dossier.isUnderWay() && dossier.getStatus() != DossierStatus.DONE
                && dossier.getReappointments() < properties.maxReappointments();
    }

    /** The unit that holds the dossier now: that of its latest open step, else of its latest step. */
    public String holdingUnit(String code) {
        List<Handover> open = handovers.findByDossierCodeAndEndedAtIsNull(code);
        if (!open.isEmpty()) {
            return open.get(open.size() - 1).getUnitKey();
        }
        return handovers.findFirstByDossierCodeOrderByIdDesc(code).map(Handover::getUnitKey)
                .orElseGet(() -> dossiers.procedureOf(dossiers.require(code)).leadHandlingUnit().getKey());
    }

    /** The step the dossier is held at now (its latest open step), if one is open. */
    @Transactional(readOnly = true)
    public Optional<Handover> holdingStep(String code) {
        List<Handover> open = handovers.findByDossierCodeAndEndedAtIsNull(code);
        return open.isEmpty() ? Optional.empty() : Optional.of(open.get(open.size() - 1));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The appointment a re-appointment by this many working days would give. */
    public Instant proposedAppointment(String code, int extensionDays) {
        checkExtension(extensionDays);
        return calendar.addWorkingTime(dossiers.require(code).getAppointmentAt(), extensionDays * MINUTES_PER_DAY, null)
                .toInstant();
    }

    public boolean extensionAllowed(int extensionDays) {
        return extensionDays >= 1 && extensionDays <= properties.maxExtensionDays();
    }

    public int maxExtensionDays() {
        return properties.maxExtensionDays();
    }

    private void checkExtension(int extensionDays) {
        if (!extensionAllowed(extensionDays)) {
            throw new DossierProblem(HttpStatus.BAD_REQUEST, "deadline.extension.range", properties.maxExtensionDays());
        }
    }

    /**
     * Re-appoints the dossier (Form 04) on behalf of the unit holding it: the appointment moves by
     * the extension; the letter is kept as this record.
     *
     * @param heldBy the officer the dossier's open step was assigned to (who caused the re-appointment), or null
     */
    public Reappointment reappoint(String code, int extensionDays, String reason, String draftedBy, String approvedBy,
            String signerName, String heldBy) {
        checkExtension(extensionDays);
        if (!canReappoint(code)) {
            throw new DossierProblem(HttpStatus.CONFLICT, "deadline.reappoint.notAllowed", code);
        }
        Dossier dossier = dossiers.require(code);
        Instant previous = dossier.getAppointmentAt();
        Instant next = dossiers.reappoint(code, extensionDays * MINUTES_PER_DAY, approvedBy, reason);
        return reappointments.save(new Reappointment(code, holdingUnit(code), previous, next, extensionDays,
                reason.strip(), draftedBy, approvedBy, signerName, calendar.now(), blankToNull(heldBy)));
    }

    /**
     * Recomputes every running deadline after the working calendar changed (an administrator's change, or
     * official days imported at start-up into a database with open dossiers): appointments of dossiers
     * under way and due dates of open steps. The dossiers whose deadlines moved, and those waiting for
     * the supervisors' decision on an overdue step (whose response is counted in working time too), are
     * announced as {@link DeadlinesMoved}, so that the engine moves their timers and task due dates.
     */
    @EventListener
    void onCalendarChanged(CalendarChanged change) {
        Set<String> codes = new LinkedHashSet<>(recalculate(false));
        escalations.findByDecidedAtIsNull().forEach(e -> codes.add(e.getDossierCode()));
        if (!codes.isEmpty()) {
            events.publishEvent(new DeadlinesMoved(List.copyOf(codes)));
        }
    }

    /**
     * Recomputes the appointments of dossiers under way and the due dates of open steps from the calendar.
     *
     * @return the dossiers whose deadlines moved (announced as {@link DeadlinesMoved})
     */
    public List<String> recalculate() {
        return recalculate(true);
    }

    private List<String> recalculate(boolean announce) {
        Set<String> moved = new LinkedHashSet<>(dossiers.reschedule());
        for (Handover h : handovers.findByEndedAtIsNull()) {
            Instant due = calendar.addWorkingTime(h.getStartedAt(), h.getShareMinutes() + h.getPausedMinutes(), null)
                    .toInstant();
            if (!due.equals(h.getDueAt())) {
                h.reschedule(due);
                moved.add(h.getDossierCode());
            }
        }
        List<String> codes = new ArrayList<>(moved);
        if (announce && !codes.isEmpty()) {
            events.publishEvent(new DeadlinesMoved(codes));
        }
        return codes;
    }

    @Transactional(readOnly = true)
    public List<Handover> handovers(String code) {
        return handovers.findByDossierCodeOrderByIdAsc(code);
    }

    @Transactional(readOnly = true)
    public List<Escalation> escalations(String code) {
        return escalations.findByDossierCodeOrderByIdAsc(code);
    }

    /**
     * Escalations not decided yet, recorded after {@code from} and before {@code until}, whose mail to the supervisors
     * is not in the mail log, its key being {@code keyPrefix + dossier code + keySeparator + handover id}.
     */
    @Transactional(readOnly = true)
    public List<Escalation> undecidedWithoutMail(Instant from, Instant until, String keyPrefix, String keySeparator) {
        return escalations.undecidedWithoutMail(from, until, keyPrefix, keySeparator);
    }

    public Reappointment reappointment(String code, long id) {
        return reappointments.findById(id).filter(r -> r.getDossierCode().equals(code))
                .orElseThrow(() -> new DossierProblem(HttpStatus.NOT_FOUND, "deadline.reappointment.notFound", code));
    }

    @Transactional(readOnly = true)
    public List<Reappointment> reappointments(String code) {
        return reappointments.findByDossierCodeOrderByIdAsc(code);
    }

    /**
     * The dossier's verdict against its statutory due, once finished. As Decision 766 counts them,
     * a re-appointed dossier and one asked for a supplement more than once are late. The dossier
     * module fixes it when the dossier finishes ({@link Dossier#getVerdict()}), so the indicators can
     * count it in SQL; this is the same rule.
     */
    public Optional<Verdict> verdict(Dossier dossier) {
        return Optional.ofNullable(dossier.getVerdict());
    }
}
