package vn.motcua.document;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Officers' full names and phone numbers for the documents they sign or appear on (the receiving officer
 * of Form 01, the guiding officer of Form 02 with the phone the citizen may call…). The engine module
 * implements it from the identity service; without an implementation the documents show user ids and no
 * phone.
 */
public interface OfficerNames {

    /** The officer's full name, if the user is known and has one. */
    Optional<String> fullName(String userId);

    /**
     * The full names of those officers that are known and have one, by user id: for a page that names several (a
     * dossier's panel, its history). One look-up each unless the implementation can do better.
     */
    default Map<String, String> fullNames(Collection<String> userIds) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String userId : userIds) {
            fullName(userId).ifPresent(name -> names.put(userId, name));
        }
        return names;
    }

    /** The officer's work phone, if one is recorded. */
    default Optional<String> phone(String userId) {
        return Optional.empty();
    }
}
