package vn.motcua.survey;

/**
 * The five elements of SIPAS (Ministry of Home Affairs). An element's index is the share of answers
 * "satisfied" or "very satisfied"; SIPAS is the average of the five indexes. Their Vietnamese names
 * and questions are in the message bundle ({@code survey.element.<key>.label / .question}).
 */
enum SipasElement {
    /** Access to the service: the place, the equipment, the guidance, how to file. */
    ACCESS("access"),
    /** The administrative procedure: published, documents, fees, time limits. */
    PROCEDURE("procedure"),
    /** The officers who received and handled the dossier. */
    OFFICERS("officers"),
    /** The result: lawful, complete, correct, on time. */
    RESULT("result"),
    /** Receiving and handling suggestions, feedback and complaints. */
    FEEDBACK("feedback");

    /** The lowest score that counts as satisfied. */
    static final int SATISFIED = 4;

    private final String key;

    SipasElement(String key) {
        this.key = key;
    }

    /** The element's name in the API (JSON field, form field). */
    String key() {
        return key;
    }
}
