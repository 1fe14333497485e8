package vn.motcua.catalog;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Subquery;
import org.springframework.data.jpa.domain.Specification;

/**
 * A search in the catalog; every part is optional and they all apply together.
 *
 * @param text          words of the name or the code, with or without diacritics: every word must occur
 * @param sector        the sector (lĩnh vực), exactly as the catalog writes it
 * @param unit          a unit's key: procedures it receives or handles
 * @param receivingUnit a unit's key: procedures it receives (its counter's list)
 * @param level         province or commune
 * @param online        only procedures filed online (true) or only those that are not (false)
 */
public record ProcedureQuery(String text, String sector, String unit, String receivingUnit, UnitLevel level,
        Boolean online) {

    public static final ProcedureQuery ALL = new ProcedureQuery(null, null, null, null, null, null);

    public boolean isEmpty() {
        return SearchText.words(text).isEmpty() && blank(sector) && blank(unit) && blank(receivingUnit) && level == null
                && online == null;
    }

    Specification<Procedure> specification() {
        return (root, query, cb) -> {
            List<Predicate> all = new ArrayList<>();
            for (String word : SearchText.words(text)) {
                all.add(cb.like(root.get("searchText"), "%" + word + "%"));
            }
            if (!blank(sector)) {
                all.add(cb.equal(root.get("sector"), sector.strip()));
            }
            if (!blank(receivingUnit)) {
                all.add(cb.equal(root.get("receivingUnit").get("key"), receivingUnit.strip()));
            }
            if (!blank(unit)) {
                Subquery<String> handled = query.subquery(String.class);
                var p = handled.from(Procedure.class);
                Join<Procedure, Unit> handler = p.join("handlingUnits", JoinType.INNER);
                handled.select(p.get("code")).where(cb.equal(handler.get("key"), unit.strip()));
                all.add(cb.or(cb.equal(root.get("receivingUnit").get("key"), unit.strip()), root.get("code").in(handled)));
            }
            if (level != null) {
                all.add(cb.equal(root.get("level"), level));
            }
            if (online != null) {
                all.add(cb.equal(root.get("online"), online));
            }
            return cb.and(all.toArray(Predicate[]::new));
        };
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
