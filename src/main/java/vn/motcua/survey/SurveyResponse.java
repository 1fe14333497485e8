package vn.motcua.survey;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * The citizen's answers to a survey: the five SIPAS elements and the overall rating, each 1 (very
 * dissatisfied) to 5 (very satisfied), and a comment. At most one per survey (a unique key).
 */
@Entity
@Immutable
@Table(name = "survey_response")
class SurveyResponse {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "survey_id", nullable = false)
    private long surveyId;

    @Column(name = "answered_at", nullable = false)
    private Instant answeredAt;

    @Column(name = "access_score", nullable = false)
    private int access;

    @Column(name = "procedure_score", nullable = false)
    private int procedure;

    @Column(name = "officers_score", nullable = false)
    private int officers;

    @Column(name = "result_score", nullable = false)
    private int result;

    @Column(name = "feedback_score", nullable = false)
    private int feedback;

    @Column(name = "overall_score", nullable = false)
    private int overall;

    @Column(name = "comment_text", length = 2000)
    private String comment;

    /** Some answer was at or below the low score of the time: the citizen is offered a complaint. */
    @Column(name = "low_score", nullable = false)
    private boolean lowScore;

    protected SurveyResponse() {
    }

    SurveyResponse(long surveyId, Instant answeredAt, AnswerRequest answer, int lowScoreAtMost) {
        this.surveyId = surveyId;
        this.answeredAt = answeredAt;
        this.access = answer.answers().access();
        this.procedure = answer.answers().procedure();
        this.officers = answer.answers().officers();
        this.result = answer.answers().result();
        this.feedback = answer.answers().feedback();
        this.overall = answer.overall();
        this.comment = answer.comment() == null || answer.comment().isBlank() ? null : answer.comment().strip();
        this.lowScore = answer.lowest() <= lowScoreAtMost;
    }

    long getSurveyId() {
        return surveyId;
    }

    boolean isLowScore() {
        return lowScore;
    }
}
