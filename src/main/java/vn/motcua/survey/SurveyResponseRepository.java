package vn.motcua.survey;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface SurveyResponseRepository extends JpaRepository<SurveyResponse, Long> {

    Optional<SurveyResponse> findBySurveyId(long surveyId);
}
