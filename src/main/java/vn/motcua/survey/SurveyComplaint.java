package vn.motcua.survey;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What the citizen wrote to the unit's leaders after a low score. At most one per survey. */
@Entity
@Table(name = "survey_complaint")
class SurveyComplaint {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "survey_id", nullable = false)
    private long surveyId;

    @Column(name = "filed_at", nullable = false)
    private Instant filedAt;

    @Column(name = "complaint_text", nullable = false, length = 2000)
    private String text;

    /** When the unit's supervisor completed the complaint's task (handled, Decision 766 5.x); null before. */
    @Column(name = "handled_at")
    private Instant handledAt;

    @Column(name = "handled_by")
    private String handledBy;

    protected SurveyComplaint() {
    }

    SurveyComplaint(long surveyId, Instant filedAt, String text) {
        this.surveyId = surveyId;
        this.filedAt = filedAt;
        this.text = text;
    }

    Instant getFiledAt() {
        return filedAt;
    }

    String getText() {
        return text;
    }
}
