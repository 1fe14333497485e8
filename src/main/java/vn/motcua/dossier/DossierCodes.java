package vn.motcua.dossier;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issues dossier codes {@code {agencyCode}-{yyMMdd}-{NNNN}}: a counter per agency and day.
 *
 * <p>Each number is taken in its own short transaction, committed before the intake goes on, so
 * parallel intakes never get the same number and a number is never handed out twice, even when the
 * intake that took it fails afterwards (the register then shows a gap, not a reused code).
 */
@Component
class DossierCodes {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");
    private static final int MAX_PER_DAY = 9999;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate newTransaction;

    DossierCodes(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    String next(String agencyCode, LocalDate day) {
        int number = nextNumber(agencyCode, day);
        if (number > MAX_PER_DAY) {
            throw new IllegalStateException("Agency " + agencyCode + " has used all " + MAX_PER_DAY + " codes of " + day);
        }
        return "%s-%s-%04d".formatted(agencyCode, DAY.format(day), number);
    }

    private int nextNumber(String agencyCode, LocalDate day) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Integer number = newTransaction.execute(status -> {
                int updated = jdbc.update(
                        "update dossier_counter set last_value = last_value + 1 where agency_code = ? and counter_day = ?",
                        agencyCode, day);
                if (updated == 0) {
                    return null;
                }
                return jdbc.queryForObject(
                        "select last_value from dossier_counter where agency_code = ? and counter_day = ?",
                        Integer.class, agencyCode, day);
            });
            if (number != null) {
                return number;
            }
            try {
                newTransaction.executeWithoutResult(status -> jdbc.update(
                        "insert into dossier_counter (agency_code, counter_day, last_value) values (?, ?, 1)",
                        agencyCode, day));
                return 1;
            } catch (DuplicateKeyException raced) {
                // another intake created today's counter first: take the next number from it
            }
        }
        throw new IllegalStateException("Could not take a dossier number for " + agencyCode + " on " + day);
    }
}
