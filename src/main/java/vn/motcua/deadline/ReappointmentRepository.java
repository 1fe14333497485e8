package vn.motcua.deadline;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ReappointmentRepository extends JpaRepository<Reappointment, Long> {

    @Query("select r from Reappointment r where r.dossierCode = ?1 order by r.id")
    List<Reappointment> findByDossierCodeOrderByIdAsc(String dossierCode);
}
