package vn.motcua.document;

import java.time.Instant;
import java.time.ZoneId;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The numbers of the documents a unit issues (Forms 02–05): from 1 every year, per issuing unit and form,
 * as Decree 30/2020 numbers documents from the first day of the year. A document takes its number the first
 * time it is issued (mailed to the citizen or printed), in a short transaction of its own, and keeps it: the
 * same occurrence always shows the same number. Two documents never get the same number: a second one that
 * computed the same next number fails on the table's unique keys and takes the following one.
 */
@Component
class DocumentNumbers {

    private static final int ATTEMPTS = 10;

    private final DocumentNumberRepository numbers;
    private final TransactionTemplate newTransaction;

    DocumentNumbers(DocumentNumberRepository numbers, PlatformTransactionManager transactions) {
        this.numbers = numbers;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * The number of a document, taken now if it has none yet.
     *
     * @param occurrence which of the dossier's documents of this form (from 1)
     * @param issuedAt   when the document was issued: its year is the numbering's
     */
    DocumentNumber of(String unitKey, StandardForm form, String dossierCode, int occurrence, Instant issuedAt,
            ZoneId zone) {
        int year = issuedAt.atZone(zone).getYear();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                return newTransaction.execute(status -> numbers
                        .findByDossierCodeAndFormAndOccurrence(dossierCode, form.number(), occurrence)
                        .orElseGet(() -> numbers.saveAndFlush(new DocumentNumber(unitKey, form.number(), year,
                                numbers.lastNumber(unitKey, form.number(), year) + 1, dossierCode, occurrence,
                                issuedAt))));
            } catch (DataIntegrityViolationException raced) {
                // another document of the unit took that number, or this one was numbered meanwhile: look again
            }
        }
        throw new IllegalStateException("Could not number form " + form.number() + " of " + dossierCode);
    }
}
