package vn.motcua.catalog;

import org.springframework.data.jpa.repository.JpaRepository;

interface UnitRepository extends JpaRepository<Unit, String> {
}
