package vn.motcua.catalog;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProcedureRepository extends JpaRepository<Procedure, String> {

    List<Procedure> findAllByOrderByLevelAscCodeAsc();
}
