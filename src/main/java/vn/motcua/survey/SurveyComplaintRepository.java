package vn.motcua.survey;

import java.time.Instant;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface SurveyComplaintRepository extends JpaRepository<SurveyComplaint, Long> {

    boolean existsBySurveyId(long surveyId);

    /** Marks the survey's complaint handled, the first time only; how many rows changed (0 or 1). */
    @Modifying
    @Query("update SurveyComplaint c set c.handledAt = :at, c.handledBy = :by where c.surveyId = :surveyId"
            + " and c.handledAt is null")
    int handled(long surveyId, Instant at, String by);
}
