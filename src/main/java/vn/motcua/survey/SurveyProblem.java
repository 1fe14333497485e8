package vn.motcua.survey;

import java.time.Instant;
import java.time.ZoneId;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A citizen's request about a survey that cannot be carried out. The API renders it as
 * {@code application/problem+json} with a Vietnamese detail from the message bundle; the survey page
 * shows the matching Vietnamese page instead.
 */
class SurveyProblem extends ErrorResponseException {

    enum Kind {
        /** No survey has this link. */
        NOT_FOUND(HttpStatus.NOT_FOUND, "survey.notFound"),
        /** The link expired unanswered. */
        EXPIRED(HttpStatus.GONE, "survey.expired"),
        /** The survey was answered before: a link is good for one answer. */
        ANSWERED(HttpStatus.CONFLICT, "survey.answered"),
        /** A complaint follows a low-score answer only. */
        COMPLAINT_NOT_OFFERED(HttpStatus.CONFLICT, "survey.complaint.notOffered"),
        /** The complaint was filed before: one per survey. */
        COMPLAINT_FILED(HttpStatus.CONFLICT, "survey.complaint.filed");

        private final HttpStatus status;
        private final String messageCode;

        Kind(HttpStatus status, String messageCode) {
            this.status = status;
            this.messageCode = messageCode;
        }
    }

    private final Kind kind;
    private final Instant expiresAt;

    SurveyProblem(Kind kind) {
        this(kind, null, null);
    }

    private SurveyProblem(Kind kind, Instant expiresAt, ZoneId zone) {
        super(kind.status, ProblemDetail.forStatus(kind.status), null, kind.messageCode, null);
        this.kind = kind;
        this.expiresAt = expiresAt;
        if (expiresAt != null) {
            getBody().setProperty("expiresAt", expiresAt.atZone(zone).toOffsetDateTime());
        }
    }

    /** The link expired unanswered at {@code expiresAt}, told in the province's zone. */
    static SurveyProblem expired(Instant expiresAt, ZoneId zone) {
        return new SurveyProblem(Kind.EXPIRED, expiresAt, zone);
    }

    Kind kind() {
        return kind;
    }

    /** When the link expired (for {@link Kind#EXPIRED}), else null. */
    Instant expiresAt() {
        return expiresAt;
    }
}
