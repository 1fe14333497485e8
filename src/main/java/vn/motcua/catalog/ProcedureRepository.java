package vn.motcua.catalog;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface ProcedureRepository extends JpaRepository<Procedure, String>, JpaSpecificationExecutor<Procedure> {

    List<Procedure> findAllByOrderByLevelAscCodeAsc();

    List<Procedure> findBySource(ProcedureSource source);

    @Query("select p.code from Procedure p where p.source = :source")
    List<String> codesBySource(ProcedureSource source);

    @Query("select p.sector, count(p) from Procedure p group by p.sector order by p.sector")
    List<Object[]> countBySector();

    @Query("select p.receivingUnit.key, count(p) from Procedure p group by p.receivingUnit.key")
    List<Object[]> countByReceivingUnit();
}
