package vn.motcua.report;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.Role;
import vn.motcua.catalog.Unit;
import vn.motcua.dossier.Actors;

/**
 * Who sees which unit's figures: the city's supervisors (Department of Home Affairs) and
 * administrators see every unit; any other officer sees the units they hold a role in (reception,
 * specialists, leaders, supervisors), and asking for another unit is 403.
 */
@Component
class ReportAccess {

    private final Catalog catalog;
    private final ReportProblems problems;

    ReportAccess(Catalog catalog, ReportProblems problems) {
        this.catalog = catalog;
        this.problems = problems;
    }

    /**
     * The units the caller asks for and may see.
     *
     * @param unit a unit key, or null/blank for all the caller may see
     * @return that one unit; or, without one, null (every unit) for the city's supervisors and
     *         administrators, else the caller's own units
     * @throws org.springframework.web.ErrorResponseException 400 for an unknown unit, 403 for another unit
     *         or for a caller without any unit
     */
    Set<String> units(String unit) {
        Set<String> groups = Actors.groups();
        Set<String> keys = catalog.units().stream().map(Unit::getKey).collect(Collectors.toSet());
        if (unit != null && !unit.isBlank()) {
            if (!keys.contains(unit)) {
                throw problems.invalid("unit", "report.unit.unknown", unit);
            }
            if (!isCityWide(groups) && !holdsRoleIn(groups, unit)) {
                throw problems.forbidden();
            }
            return Set.of(unit);
        }
        if (isCityWide(groups)) {
            return null;
        }
        Set<String> own = keys.stream().filter(key -> holdsRoleIn(groups, key))
                .collect(Collectors.toCollection(TreeSet::new));
        if (own.isEmpty()) {
            throw problems.forbidden();
        }
        return own;
    }

    /** The city's supervisors and the administrators: every unit, and the periodic report on demand. */
    boolean isCityWide() {
        return isCityWide(Actors.groups());
    }

    private static boolean isCityWide(Set<String> groups) {
        return groups.contains(Role.ADMIN_GROUP) || groups.contains(Role.CITY_SUPERVISORS_GROUP);
    }

    private static boolean holdsRoleIn(Set<String> groups, String unitKey) {
        return Stream.of(Role.values()).map(role -> role.groupOf(unitKey)).anyMatch(groups::contains);
    }
}
