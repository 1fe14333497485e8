package vn.motcua.dossier;

import java.util.Set;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.Role;
import vn.motcua.catalog.Unit;

/**
 * Who may do what with a dossier: officers act only for their own units; the city's supervisors
 * and administrators see everything.
 */
@Component
class DossierAccess {

    boolean canIntake(Set<String> groups, Procedure procedure) {
        return isAdmin(groups) || groups.contains(procedure.getReceivingUnit().group(Role.RECEPTION));
    }

    boolean canView(Set<String> groups, Procedure procedure) {
        if (isAdmin(groups) || groups.contains(Role.CITY_SUPERVISORS_GROUP)) {
            return true;
        }
        return units(procedure).anyMatch(unit -> Stream.of(Role.values()).map(unit::group).anyMatch(groups::contains));
    }

    boolean canRecordSupplement(Set<String> groups, Procedure procedure) {
        return isAdmin(groups) || groups.contains(procedure.getReceivingUnit().group(Role.RECEPTION))
                || units(procedure).anyMatch(unit -> groups.contains(unit.group(Role.SPECIALISTS)));
    }

    /** A unit's own records (its dossier register): its officers of any role, the city's supervisors, administrators. */
    boolean canViewUnit(Set<String> groups, Unit unit) {
        return isAdmin(groups) || groups.contains(Role.CITY_SUPERVISORS_GROUP)
                || Stream.of(Role.values()).map(unit::group).anyMatch(groups::contains);
    }

    /** The electronic result: the receiving counter, or the specialists and leaders of a handling unit. */
    boolean canAddResult(Set<String> groups, Procedure procedure) {
        return isAdmin(groups) || groups.contains(procedure.getReceivingUnit().group(Role.RECEPTION))
                || procedure.getHandlingUnits().stream().anyMatch(unit -> groups.contains(unit.group(Role.SPECIALISTS))
                        || groups.contains(unit.group(Role.LEADERS)));
    }

    private static Stream<Unit> units(Procedure procedure) {
        return Stream.concat(Stream.of(procedure.getReceivingUnit()), procedure.getHandlingUnits().stream());
    }

    private static boolean isAdmin(Set<String> groups) {
        return groups.contains(Role.ADMIN_GROUP);
    }
}
