package vn.motcua.document;

import java.util.Optional;

/**
 * Officers' full names for the documents they sign or appear on (the receiving officer of Form 01, the
 * guiding officer of Form 02…). The engine module implements it from the identity service; without an
 * implementation the documents show user ids.
 */
public interface OfficerNames {

    /** The officer's full name, if the user is known and has one. */
    Optional<String> fullName(String userId);
}
