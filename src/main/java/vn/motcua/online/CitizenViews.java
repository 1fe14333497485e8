package vn.motcua.online;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalog.Procedure;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.Dossiers;
import vn.motcua.dossier.StatusChange;

/** Builds the applicant's view of a dossier. */
@Component
class CitizenViews {

    private static final Locale VI = Locale.forLanguageTag("vi");
    /** The changes whose note the citizen must read: what is missing, why refused, why stopped. */
    private static final Set<DossierStatus> NOTES_FOR_CITIZEN =
            Set.of(DossierStatus.SUPPLEMENT_REQUESTED, DossierStatus.REFUSED, DossierStatus.STOPPED);

    private final Dossiers dossiers;
    private final Attachments attachments;
    private final WorkingCalendar calendar;
    private final MessageSource messages;

    CitizenViews(Dossiers dossiers, Attachments attachments, WorkingCalendar calendar, MessageSource messages) {
        this.dossiers = dossiers;
        this.attachments = attachments;
        this.calendar = calendar;
        this.messages = messages;
    }

    CitizenView of(Dossier d) {
        ZoneId zone = calendar.zone();
        Procedure procedure = dossiers.procedureOf(d);
        List<StatusChange> history = dossiers.history(d.getCode());
        List<CitizenView.TimelineEntry> timeline = new ArrayList<>();
        String missing = null;
        for (StatusChange change : history) {
            if (change.getFrom() == change.getTo()) {
                continue; // a date moved, not a status: the appointment shown is the current one
            }
            String note = NOTES_FOR_CITIZEN.contains(change.getTo()) ? change.getNote() : null;
            timeline.add(new CitizenView.TimelineEntry(at(change.getAt(), zone), change.getTo().code(),
                    label(change.getTo()), note));
            if (change.getTo() == DossierStatus.SUPPLEMENT_REQUESTED) {
                missing = note;
            }
        }
        boolean supplementRequested = d.getStatus() == DossierStatus.SUPPLEMENT_REQUESTED;
        boolean resultDue = d.getStatus() == DossierStatus.DONE || d.getStatus() == DossierStatus.RETURNED;
        List<CitizenView.FileView> files = attachments.of(d.getCode()).stream()
                .map(a -> CitizenView.FileView.of(a, zone)).toList();
        CitizenView.FileView result = resultDue ? files.stream()
                .filter(f -> f.kind() == AttachmentKind.RESULT).reduce((first, second) -> second).orElse(null) : null;
        return new CitizenView(d.getCode(), procedure.getCode(), procedure.getName(),
                procedure.getReceivingUnit().getName(), d.getChannel(), d.getApplicant().fullName(),
                d.getStatus().code(), d.getStatus().name(), label(d.getStatus()), at(d.getFiledAt(), zone),
                at(d.getReceivedAt(), zone), at(d.getAppointmentAt(), zone), at(d.getFinishedAt(), zone),
                at(d.getReturnedAt(), zone), supplementRequested ? missing : null, supplementRequested, result,
                timeline, files, dossiers.appointmentNotice(d).orElse(null));
    }

    private String label(DossierStatus status) {
        return messages.getMessage(status.messageKey(), null, status.name(), VI);
    }

    private static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
