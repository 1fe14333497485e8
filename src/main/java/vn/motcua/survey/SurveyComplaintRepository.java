package vn.motcua.survey;

import org.springframework.data.jpa.repository.JpaRepository;

interface SurveyComplaintRepository extends JpaRepository<SurveyComplaint, Long> {

    boolean existsBySurveyId(long surveyId);
}
