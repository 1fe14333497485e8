package vn.motcua.catalog;

import java.text.Collator;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read access to units and procedures: the catalog module's API. */
@Service
@Transactional(readOnly = true)
public class Catalog {

    /** The largest page {@link #search(ProcedureQuery, int, int)} serves. */
    public static final int MAX_PAGE_SIZE = 100;
    /** Commune procedures first (as the citizens' list always showed them), then by code. */
    static final Sort ORDER = Sort.by("level", "code");

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
        return key == null ? Optional.empty() : units.findById(key);
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

    /** Every procedure the query matches, in the catalog's order (commune first, then by code). */
    public List<Procedure> search(ProcedureQuery query) {
        return query.isEmpty() ? procedures() : procedures.findAll(query.specification(), ORDER);
    }

    /**
     * One page of the procedures the query matches, in the catalog's order.
     *
     * @param page from 0
     * @param size 1 to {@link #MAX_PAGE_SIZE}
     */
    public Page<Procedure> search(ProcedureQuery query, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page from 0, size from 1 to " + MAX_PAGE_SIZE);
        }
        return procedures.findAll(query.specification(), PageRequest.of(page, size, ORDER));
    }

    /** Vietnamese alphabetical order (a collator is not safe to share between threads). */
    static Collator vietnamese() {
        return Collator.getInstance(Locale.forLanguageTag("vi"));
    }

    /** The sectors (lĩnh vực) with how many procedures each holds, in Vietnamese alphabetical order. */
    public Map<String, Long> sectors() {
        Map<String, Long> sectors = new LinkedHashMap<>();
        procedures.countBySector().stream()
                .sorted(Comparator.comparing(row -> (String) row[0], vietnamese()))
                .forEach(row -> sectors.put((String) row[0], (Long) row[1]));
        return sectors;
    }

    /** The units that receive procedures, with how many each receives, by name in Vietnamese order. */
    public Map<Unit, Long> receivingUnits() {
        Map<String, Long> counts = new LinkedHashMap<>();
        procedures.countByReceivingUnit().forEach(row -> counts.put((String) row[0], (Long) row[1]));
        Map<Unit, Long> result = new LinkedHashMap<>();
        units.findAllById(counts.keySet()).stream()
                .sorted(Comparator.comparing(Unit::getName, vietnamese()))
                .forEach(u -> result.put(u, counts.get(u.getKey())));
        return result;
    }
}
