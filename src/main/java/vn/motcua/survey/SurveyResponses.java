package vn.motcua.survey;

import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.Unit;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.Dossiers;

/**
 * The citizen's side of a survey, reached by its link token: what the page shows, the answer (once),
 * and a complaint after a low score (once). Single use holds in the database too: a survey has at
 * most one response and one complaint row (unique keys), so of two concurrent answers one fails.
 */
@Service
@Transactional
class SurveyResponses {

    private final SurveyRepository surveys;
    private final SurveyResponseRepository responses;
    private final SurveyComplaintRepository complaints;
    private final Dossiers dossiers;
    private final Catalog catalog;
    private final WorkingCalendar calendar;
    private final SurveyProperties properties;
    private final ApplicationEventPublisher events;

    SurveyResponses(SurveyRepository surveys, SurveyResponseRepository responses, SurveyComplaintRepository complaints,
            Dossiers dossiers, Catalog catalog, WorkingCalendar calendar, SurveyProperties properties,
            ApplicationEventPublisher events) {
        this.surveys = surveys;
        this.responses = responses;
        this.complaints = complaints;
        this.dossiers = dossiers;
        this.catalog = catalog;
        this.calendar = calendar;
        this.properties = properties;
        this.events = events;
    }

    enum Status {
        OPEN, ANSWERED
    }

    /**
     * What the citizen sees: the dossier's code, procedure and unit, the applicant's name (no other
     * personal data), whether it is answered, and the complaint's state.
     *
     * @param complaintOffered answered with a low score and no complaint filed yet
     */
    record SurveyView(long surveyId, String dossierCode, String procedureName, String unitName, String applicantName,
            Status status, Instant expiresAt, boolean complaintOffered, boolean complaintFiled) {
    }

    /**
     * The survey behind the link.
     *
     * @throws SurveyProblem NOT_FOUND for an unknown link, EXPIRED for an expired unanswered one
     */
    @Transactional(readOnly = true)
    SurveyView view(String token) {
        Survey survey = find(token);
        if (survey.isExpiredAt(calendar.now())) {
            throw SurveyProblem.expired(survey.getExpiresAt(), calendar.zone());
        }
        Dossier dossier = dossiers.require(survey.getDossierCode());
        Procedure procedure = dossiers.procedureOf(dossier);
        boolean low = survey.isAnswered()
                && responses.findBySurveyId(survey.getId()).map(SurveyResponse::isLowScore).orElse(false);
        boolean filed = survey.isAnswered() && complaints.existsBySurveyId(survey.getId());
        return new SurveyView(survey.getId(), survey.getDossierCode(), procedure.getName(),
                catalog.unit(survey.getUnitKey()).map(Unit::getName).orElse(survey.getUnitKey()),
                dossier.getApplicant().fullName(), survey.isAnswered() ? Status.ANSWERED : Status.OPEN,
                survey.getExpiresAt(), low && !filed, filed);
    }

    /**
     * Stores the answer (validated by the caller) and publishes {@link SurveyAnswered}.
     *
     * @return whether the citizen is offered a complaint: some score at or below {@code motcua.survey.low-score}
     * @throws SurveyProblem NOT_FOUND, EXPIRED, or ANSWERED when the survey has its answer already
     */
    boolean answer(String token, AnswerRequest answer) {
        Survey survey = find(token);
        Instant now = calendar.now();
        if (survey.isAnswered()) {
            throw new SurveyProblem(SurveyProblem.Kind.ANSWERED);
        }
        if (survey.isExpiredAt(now)) {
            throw SurveyProblem.expired(survey.getExpiresAt(), calendar.zone());
        }
        SurveyResponse response;
        try {
            // the unique key on survey_response.survey_id lets one of two concurrent answers through
            response = responses.saveAndFlush(new SurveyResponse(survey.getId(), now, answer, properties.lowScore()));
            survey.answered(now);
            surveys.flush();
        } catch (DataIntegrityViolationException | ConcurrencyFailureException e) {
            throw new SurveyProblem(SurveyProblem.Kind.ANSWERED);
        }
        events.publishEvent(new SurveyAnswered(survey.getDossierCode(), survey.getId()));
        return response.isLowScore();
    }

    /**
     * Stores the citizen's complaint after a low-score answer and publishes {@link ComplaintFiled}.
     *
     * @throws SurveyProblem NOT_FOUND, EXPIRED (unanswered and expired), COMPLAINT_NOT_OFFERED (not
     *                       answered, or answered without a low score), COMPLAINT_FILED (filed before)
     */
    void complain(String token, String text) {
        Survey survey = find(token);
        if (!survey.isAnswered()) {
            if (survey.isExpiredAt(calendar.now())) {
                throw SurveyProblem.expired(survey.getExpiresAt(), calendar.zone());
            }
            throw new SurveyProblem(SurveyProblem.Kind.COMPLAINT_NOT_OFFERED);
        }
        boolean low = responses.findBySurveyId(survey.getId()).map(SurveyResponse::isLowScore).orElse(false);
        if (!low) {
            throw new SurveyProblem(SurveyProblem.Kind.COMPLAINT_NOT_OFFERED);
        }
        if (complaints.existsBySurveyId(survey.getId())) {
            throw new SurveyProblem(SurveyProblem.Kind.COMPLAINT_FILED);
        }
        String complaint = text.strip();
        try {
            complaints.saveAndFlush(new SurveyComplaint(survey.getId(), calendar.now(), complaint));
        } catch (DataIntegrityViolationException | ConcurrencyFailureException e) {
            throw new SurveyProblem(SurveyProblem.Kind.COMPLAINT_FILED);
        }
        events.publishEvent(new ComplaintFiled(survey.getDossierCode(), survey.getId(), survey.getUnitKey(), complaint));
    }

    private Survey find(String token) {
        if (!SurveyTokens.wellFormed(token)) {
            throw new SurveyProblem(SurveyProblem.Kind.NOT_FOUND);
        }
        return surveys.findByTokenHash(SurveyTokens.hash(token))
                .orElseThrow(() -> new SurveyProblem(SurveyProblem.Kind.NOT_FOUND));
    }
}
