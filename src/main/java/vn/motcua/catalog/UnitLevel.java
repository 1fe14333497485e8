package vn.motcua.catalog;

/** The two tiers of local government since 1 July 2025. */
public enum UnitLevel {
    PROVINCE,
    COMMUNE
}
