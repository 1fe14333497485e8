package vn.motcua.deadline;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ReappointmentRepository extends JpaRepository<Reappointment, Long> {

    List<Reappointment> findByDossierCodeOrderByIdAsc(String dossierCode);
}
