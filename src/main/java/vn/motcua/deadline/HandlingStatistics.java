package vn.motcua.deadline;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.dossier.DossierStatistics;
import vn.motcua.dossier.DossierStatistics.Counts;
import vn.motcua.dossier.DossierStatistics.Window;

/**
 * The dossier indicators by <b>handling unit</b>: the same counts as {@link DossierStatistics} (a dossier belongs
 * to a window by its reception and is judged as it stood at asOf), attributed to the units that hold or held its
 * handling steps — every step but the counter's reception check and result return ({@link Deadlines#COUNTER_STEPS}),
 * as recorded in its handovers (Form 06), so a dossier counts for an agency once it has reached it, and stays counted
 * there after the agency handed it on.
 *
 * <p>A dossier handled by several agencies (an interconnected set, or a procedure whose steps change hands) counts
 * once for each of them, with its own figures — each agency counts it once however many of its steps it held —
 * and once in a total over several units. A dossier refused at the counter never reached a handling unit: refused
 * is always 0 here. A dossier received but not yet at its first handling step counts for no handling unit yet.
 */
@Service
@Transactional(readOnly = true)
public class HandlingStatistics {

    /** One handover per (dossier, handling unit): the first, so that each agency counts a dossier once. */
    private static final String FIRST_HANDLING_STEP = "h.id = (select min(f.id) from Handover f"
            + " where f.dossierCode = h.dossierCode and f.unitKey = h.unitKey and f.step not in :counterSteps)";

    private final EntityManager em;

    HandlingStatistics(EntityManager em) {
        this.em = em;
    }

    /** The counts of the window per handling unit (the window's units, or every unit); units without any left out. */
    public Map<String, Counts> perHandlingUnit(Window window) {
        Map<String, Object> parameters = new HashMap<>();
        String received = DossierStatistics.receivedIn(window, parameters);
        parameters.put("counterSteps", Deadlines.COUNTER_STEPS);
        StringBuilder where = new StringBuilder(" where ").append(received).append(" and ").append(FIRST_HANDLING_STEP);
        if (window.units() != null) {
            where.append(" and h.unitKey in :units");
            parameters.put("units", units(window.units()));
        }
        Map<String, Counts> counts = new LinkedHashMap<>();
        for (Object row : query("select h.unitKey, " + DossierStatistics.RECEIVED_COUNTS
                + " from Handover h join Dossier d on d.code = h.dossierCode" + where
                + " group by h.unitKey order by h.unitKey", parameters).getResultList()) {
            Object[] columns = (Object[]) row;
            counts.put((String) columns[0], DossierStatistics.counts(columns, 1));
        }
        return counts;
    }

    /** The counts of the window's dossiers handled by any of the window's units (or any unit), each once. */
    public Counts handledBy(Window window) {
        Map<String, Object> parameters = new HashMap<>();
        String received = DossierStatistics.receivedIn(window, parameters);
        parameters.put("counterSteps", Deadlines.COUNTER_STEPS);
        StringBuilder handled = new StringBuilder("exists (select h.id from Handover h where h.dossierCode = d.code"
                + " and h.step not in :counterSteps");
        if (window.units() != null) {
            handled.append(" and h.unitKey in :units");
            parameters.put("units", units(window.units()));
        }
        handled.append(')');
        Object[] row = (Object[]) query("select " + DossierStatistics.RECEIVED_COUNTS + " from Dossier d where "
                + received + " and " + handled, parameters).getSingleResult();
        return DossierStatistics.counts(row, 0);
    }

    private static Set<String> units(Set<String> units) {
        return units.isEmpty() ? Set.of("") : units;
    }

    private Query query(String jpql, Map<String, Object> parameters) {
        Query query = em.createQuery(jpql);
        parameters.forEach(query::setParameter);
        return query;
    }
}
