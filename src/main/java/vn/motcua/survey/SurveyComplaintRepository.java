package vn.motcua.survey;

import java.time.Instant;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface SurveyComplaintRepository extends JpaRepository<SurveyComplaint, Long> {

    boolean existsBySurveyId(long surveyId);

    /** Marks the survey's complaint answered, once (the entity is immutable: a plain update). */
    @Modifying
    @Query(value = "update survey_complaint set answered_at = :at where survey_id = :surveyId and answered_at is null",
            nativeQuery = true)
    int answered(@Param("surveyId") long surveyId, @Param("at") Instant at);
}
