package vn.motcua.engine;

/**
 * The engine's tenants: one per unit of the catalog, its id the unit's key, and one for the city's
 * own processes (the periodic report), which only the city's supervisors and administrators belong
 * to. Every process instance of a dossier belongs to the unit that works in it (see
 * {@link DossierTenantProvider}), so a unit's people see in the engine only their own unit's
 * instances, tasks, jobs, incidents and history.
 */
public final class Tenants {

    /** The city-wide tenant: processes that concern no single unit. */
    public static final String CITY = "city";

    private Tenants() {
    }

    /** The tenant of a unit: its key (Camunda's default tenant id pattern allows letters and digits). */
    public static String ofUnit(String unitKey) {
        return unitKey;
    }
}
