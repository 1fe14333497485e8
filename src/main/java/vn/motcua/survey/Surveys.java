package vn.motcua.survey;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.deadline.Deadlines;
import vn.motcua.deadline.Handover;
import vn.motcua.dossier.Actors;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.Dossiers;

/**
 * The survey module's API for the process that runs when a dossier closes: invite the citizen,
 * remind once or twice, expire the link. Days are calendar days in the province's zone
 * ({@link SurveyProperties}). Answers arrive through the public page and API; each publishes
 * {@link SurveyAnswered}, and a complaint after a low score {@link ComplaintFiled}, inside its
 * transaction.
 */
@Service
@Transactional
public class Surveys {

    private final SurveyRepository surveys;
    private final SurveyComplaintRepository complaints;
    private final SurveyTokens tokens;
    private final Dossiers dossiers;
    private final Deadlines deadlines;
    private final WorkingCalendar calendar;
    private final SurveyProperties properties;

    Surveys(SurveyRepository surveys, SurveyComplaintRepository complaints, SurveyTokens tokens, Dossiers dossiers, Deadlines deadlines,
            WorkingCalendar calendar, SurveyProperties properties) {
        this.surveys = surveys;
        this.complaints = complaints;
        this.tokens = tokens;
        this.dossiers = dossiers;
        this.deadlines = deadlines;
        this.calendar = calendar;
        this.properties = properties;
    }

    /**
     * Records that the unit's supervisor handled the citizen's complaint of a survey (its task in Tasklist is
     * completed): the citizens' feedback handled, Decision 766 group 5. The first time counts.
     */
    public void complaintHandled(long surveyId, String by) {
        complaints.handled(surveyId, calendar.now(), by == null ? Actors.current() : by);
    }

    /**
     * Creates the survey of a closed dossier (returned, refused, stopped or withdrawn) and returns its
     * invitation. Idempotent: for a dossier that has its survey already, the same invitation again
     * (same link and expiry), nothing changed.
     *
     * <p>The survey records now as its invitation time, the expiry {@code expire-after-days} later, the
     * unit that received the dossier, its procedure, and the officers who handled it: whoever received
     * it at the counter and whoever ended each of its steps.
     *
     * @throws IllegalStateException when the dossier is unknown or not closed
     */
    public Invitation invite(String dossierCode) {
        Optional<Survey> existing = surveys.findByDossierCode(dossierCode);
        if (existing.isPresent()) {
            return invitation(existing.get());
        }
        Dossier dossier = dossiers.find(dossierCode)
                .orElseThrow(() -> new IllegalStateException("No dossier " + dossierCode + " to survey"));
        if (!isClosed(dossier.getStatus())) {
            throw new IllegalStateException("Dossier " + dossierCode + " is not closed (" + dossier.getStatus()
                    + "): no survey yet");
        }
        Instant now = calendar.now();
        String nonce = tokens.newNonce();
        Survey survey = surveys.save(new Survey(dossierCode, dossier.getReceivingUnit(), dossier.getProcedureCode(),
                nonce, SurveyTokens.hash(tokens.token(nonce)), now, plusDays(now, properties.expireAfterDays()),
                officers(dossier)));
        return invitation(survey);
    }

    /**
     * The same invitation again for a reminder, recording the reminder; empty when the survey was
     * answered or its link expired (nothing is recorded then).
     *
     * @throws IllegalStateException when the dossier has no survey
     */
    public Optional<Invitation> reminder(String dossierCode) {
        Survey survey = require(dossierCode);
        Instant now = calendar.now();
        if (survey.isAnswered() || survey.isExpiredAt(now)) {
            return Optional.empty();
        }
        survey.reminded(now);
        return Optional.of(invitation(survey));
    }

    /**
     * When to remind: {@code remind-after-days} after the invitation.
     *
     * @throws IllegalStateException when the dossier has no survey
     */
    @Transactional(readOnly = true)
    public Instant remindAt(String dossierCode) {
        return plusDays(require(dossierCode).getInvitedAt(), properties.remindAfterDays());
    }

    /**
     * When the link expires: {@code expire-after-days} after the invitation.
     *
     * @throws IllegalStateException when the dossier has no survey
     */
    @Transactional(readOnly = true)
    public Instant expiresAt(String dossierCode) {
        return require(dossierCode).getExpiresAt();
    }

    /**
     * Marks the survey expired unless it was answered; from then on its link answers 410. Calling
     * it again changes nothing.
     *
     * @throws IllegalStateException when the dossier has no survey
     */
    public void expire(String dossierCode) {
        Survey survey = require(dossierCode);
        if (!survey.isAnswered() && survey.getExpiredAt() == null) {
            survey.expired(calendar.now());
        }
    }

    /** Whether the citizen answered the dossier's survey (false when it has none). */
    @Transactional(readOnly = true)
    public boolean answered(String dossierCode) {
        return surveys.findByDossierCode(dossierCode).map(Survey::isAnswered).orElse(false);
    }

    /** Closed: no more handling, the citizen can judge the service. DONE waits for the result's return. */
    static boolean isClosed(DossierStatus status) {
        return status == DossierStatus.RETURNED || status == DossierStatus.REFUSED || status == DossierStatus.STOPPED
                || status == DossierStatus.WITHDRAWN;
    }

    private Survey require(String dossierCode) {
        return surveys.findByDossierCode(dossierCode)
                .orElseThrow(() -> new IllegalStateException("Dossier " + dossierCode + " has no survey"));
    }

    private Invitation invitation(Survey survey) {
        Dossier dossier = dossiers.require(survey.getDossierCode());
        String token = tokens.token(survey.getNonce());
        return new Invitation(survey.getId(), survey.getDossierCode(), token, tokens.link(token),
                survey.getExpiresAt(), dossier.getApplicant().email(), dossier.getApplicant().fullName());
    }

    /** The officer who received the dossier at the counter, then whoever ended each of its steps. */
    private Set<String> officers(Dossier dossier) {
        Set<String> officers = new LinkedHashSet<>();
        dossiers.history(dossier.getCode()).stream().filter(h -> h.getTo() == DossierStatus.RECEIVED)
                .map(h -> h.getActor()).forEach(officers::add);
        deadlines.handovers(dossier.getCode()).stream().map(Handover::getEndedBy).forEach(officers::add);
        officers.removeIf(id -> id == null || id.isBlank() || Actors.SYSTEM.equals(id));
        return officers;
    }

    private Instant plusDays(Instant from, int days) {
        return from.atZone(calendar.zone()).plusDays(days).toInstant();
    }
}
