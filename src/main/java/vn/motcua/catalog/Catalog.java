package vn.motcua.catalog;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read access to units and procedures: the catalog module's API. */
@Service
@Transactional(readOnly = true)
public class Catalog {

    private final UnitRepository units;
    private final ProcedureRepository procedures;

    Catalog(UnitRepository units, ProcedureRepository procedures) {
        this.units = units;
        this.procedures = procedures;
    }

    public List<Unit> units() {
        return units.findAll();
    }

    public Optional<Unit> unit(String key) {
        return units.findById(key);
    }

    public Unit requireUnit(String key) {
        return unit(key).orElseThrow(() -> new IllegalStateException("Unknown unit " + key));
    }

    public List<Procedure> procedures() {
        return procedures.findAllByOrderByLevelAscCodeAsc();
    }

    public Optional<Procedure> procedure(String code) {
        return code == null ? Optional.empty() : procedures.findById(code);
    }
}
