package vn.motcua.deadline;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.Unit;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierDetails;
import vn.motcua.dossier.StatusChange;
import vn.motcua.dossier.Verdict;

/**
 * The deadlines' part of a dossier's staff view: every step with its unit, deadline and verdict
 * (Form 06), the escalations and the re-appointments (Form 04), and the dossier's own verdict. Steps
 * carry their Vietnamese names ({@code document.step.<key>}, as in Form 06) beside their keys.
 */
@Component
class DeadlineDetails implements DossierDetails {

    private final Deadlines deadlines;
    private final Catalog catalog;
    private static final Locale VI = Locale.forLanguageTag("vi");

    private final WorkingCalendar calendar;
    private final MessageSource messages;

    DeadlineDetails(Deadlines deadlines, Catalog catalog, WorkingCalendar calendar, MessageSource messages) {
        this.deadlines = deadlines;
        this.catalog = catalog;
        this.calendar = calendar;
        this.messages = messages;
    }

    @Override
    public void addTo(Dossier dossier, List<StatusChange> history, Map<String, Object> view) {
        String code = dossier.getCode();
        view.put("verdict", deadlines.verdict(dossier).orElse(null));
        view.put("handovers", deadlines.handovers(code).stream().map(h -> new HandoverJson(h.getStep(),
                stepName(h.getStep()), h.getUnitKey(), unitName(h.getUnitKey()), at(h.getStartedAt()),
                at(h.getDueAt()), at(h.getEndedAt()), h.getEndedBy(), h.getVerdict(), h.getShareMinutes(),
                h.getPausedMinutes())).toList());
        view.put("escalations", deadlines.escalations(code).stream().map(e -> new EscalationJson(e.getStep(),
                stepName(e.getStep()), e.getUnitKey(), unitName(e.getUnitKey()), at(e.getAt()), e.getGroupId(),
                e.getOutcome(), e.getDecidedBy(), at(e.getDecidedAt()), e.getNote())).toList());
        view.put("reappointments", deadlines.reappointments(code).stream().map(r -> new ReappointmentJson(r.getId(),
                r.getUnitKey(), unitName(r.getUnitKey()), at(r.getPreviousAppointmentAt()),
                at(r.getNewAppointmentAt()), r.getExtensionDays(), r.getReason(), r.getDraftedBy(), r.getApprovedBy(),
                at(r.getApprovedAt()))).toList());
    }

    private String stepName(String step) {
        return messages.getMessage("document.step." + step, null, step, VI);
    }

    private String unitName(String key) {
        return catalog.unit(key).map(Unit::getName).orElse(key);
    }

    private OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atZone(calendar.zone()).toOffsetDateTime();
    }

    record HandoverJson(String step, String stepName, String unit, String unitName, OffsetDateTime startedAt,
            OffsetDateTime dueAt, OffsetDateTime endedAt, String endedBy, Verdict verdict, long shareWorkingMinutes,
            long pausedWorkingMinutes) {
    }

    record EscalationJson(String step, String stepName, String unit, String unitName, OffsetDateTime at,
            String group, Escalation.Outcome outcome, String decidedBy, OffsetDateTime decidedAt, String note) {
    }

    record ReappointmentJson(long id, String unit, String unitName, OffsetDateTime previousAppointmentDate,
            OffsetDateTime newAppointmentDate, int extensionDays, String reason, String draftedBy, String approvedBy,
            OffsetDateTime approvedAt) {
    }
}
