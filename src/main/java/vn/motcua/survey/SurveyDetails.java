package vn.motcua.survey;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierDetails;
import vn.motcua.dossier.StatusChange;

/**
 * The survey's part of a dossier's staff view: whether the citizen was asked, reminded, answered,
 * and complained. Not the answers: those count only in the aggregated report.
 */
@Component
class SurveyDetails implements DossierDetails {

    private final SurveyRepository surveys;
    private final SurveyComplaintRepository complaints;
    private final WorkingCalendar calendar;

    SurveyDetails(SurveyRepository surveys, SurveyComplaintRepository complaints, WorkingCalendar calendar) {
        this.surveys = surveys;
        this.complaints = complaints;
        this.calendar = calendar;
    }

    @Override
    public void addTo(Dossier dossier, List<StatusChange> history, Map<String, Object> view) {
        view.put("survey", surveys.findByDossierCode(dossier.getCode()).map(s -> {
            Instant now = calendar.now();
            String status = s.isAnswered() ? "ANSWERED" : s.isExpiredAt(now) ? "EXPIRED" : "OPEN";
            return new SurveyJson(status, at(s.getInvitedAt()), at(s.getExpiresAt()), at(s.getRemindedAt()),
                    s.getReminders(), at(s.getAnsweredAt()), s.isAnswered() && complaints.existsBySurveyId(s.getId()));
        }).orElse(null));
    }

    private OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atZone(calendar.zone()).toOffsetDateTime();
    }

    record SurveyJson(String status, OffsetDateTime invitedAt, OffsetDateTime expiresAt, OffsetDateTime remindedAt,
            int reminders, OffsetDateTime answeredAt, boolean complaint) {
    }
}
