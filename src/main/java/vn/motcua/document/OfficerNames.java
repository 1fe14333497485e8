package vn.motcua.document;

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

    /** The officer's work phone, if one is recorded. */
    default Optional<String> phone(String userId) {
        return Optional.empty();
    }
}
