package vn.motcua.report;

import java.util.Collection;
import java.util.Map;

/**
 * Officers' full names for the reports, from the identity service. The engine module implements it; the report
 * module does not know the engine.
 */
public interface StaffNames {

    /**
     * The full names of these users.
     *
     * @return full name by user id; users unknown or without a name are left out
     */
    Map<String, String> fullNames(Collection<String> userIds);
}
