package vn.motcua.survey;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface SurveyRepository extends JpaRepository<Survey, Long> {

    Optional<Survey> findByDossierCode(String dossierCode);

    Optional<Survey> findByTokenHash(String tokenHash);
}
