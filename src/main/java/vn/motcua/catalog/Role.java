package vn.motcua.catalog;

/**
 * The roles an officer holds in a unit. Each unit has one Camunda group per role, named
 * {@code <unitKey>_<role>}, so candidate groups follow from the catalog.
 */
public enum Role {
    RECEPTION("reception"),
    SPECIALISTS("specialists"),
    LEADERS("leaders"),
    SUPERVISORS("supervisors");

    /** City-wide supervisors (the Department of Home Affairs): they see every unit's work. */
    public static final String CITY_SUPERVISORS_GROUP = "supervisors";

    /** Camunda's administrators group. */
    public static final String ADMIN_GROUP = "camunda-admin";

    private final String suffix;

    Role(String suffix) {
        this.suffix = suffix;
    }

    public String groupOf(String unitKey) {
        return unitKey + "_" + suffix;
    }

    public String suffix() {
        return suffix;
    }
}
