package vn.motcua.document;

import java.time.OffsetDateTime;

/**
 * A standard document a dossier has now, as {@code GET /api/dossiers/{code}/documents} lists it.
 *
 * @param form     the form's number, {@code "01"} … {@code "07"}
 * @param n        which occurrence, for the forms a dossier can have several of (02 per supplement
 *                 request, 04 per re-appointment), from 1; null for the others
 * @param title    the form's Vietnamese title
 * @param issuedAt when the event it records happened; null for the living documents 06 and 07
 * @param url      the printable HTML page
 * @param pdfUrl   the same as PDF
 */
public record AvailableDocument(String form, Integer n, String title, OffsetDateTime issuedAt, String url,
        String pdfUrl) {
}
