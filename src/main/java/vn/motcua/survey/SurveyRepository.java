package vn.motcua.survey;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SurveyRepository extends JpaRepository<Survey, Long> {

    @Query("select s from Survey s where s.dossierCode = ?1")
    Optional<Survey> findByDossierCode(String dossierCode);

    Optional<Survey> findByTokenHash(String tokenHash);
}
