package vn.motcua.mail;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The table {@code mail_log}: which idempotency keys were sent. A record is written in a
 * transaction of its own (one more pooled connection for that moment), committed at once, so it
 * survives the caller's rollback (when no such transaction can be had, in the caller's: see {@link #record}).
 */
@Component
class MailLog {

    private static final Logger log = LoggerFactory.getLogger(MailLog.class);

    private final SentMailRepository repository;
    private final TransactionTemplate own;
    private final TransactionTemplate joined;
    private final TransactionTemplate outside;

    MailLog(SentMailRepository repository, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.joined = new TransactionTemplate(transactions);
        this.joined.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
        this.outside = new TransactionTemplate(transactions);
        this.outside.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
    }

    /**
     * Runs the work with the caller's transaction, if any, suspended: from a transaction's after-commit callback,
     * where its resources are still bound, the work's reads and writes open transactions of their own.
     */
    void outsideTransaction(Runnable work) {
        outside.executeWithoutResult(status -> work.run());
    }

    /** Reads in the caller's transaction, if any: the records are committed ones (READ COMMITTED). */
    boolean isSent(String idempotencyKey) {
        return repository.existsByIdempotencyKey(idempotencyKey);
    }

    Optional<SentMail> find(String idempotencyKey) {
        return repository.findByIdempotencyKey(idempotencyKey);
    }

    /**
     * Records a sent message, in a transaction of its own when one can be had; otherwise (no pooled
     * connection for a second transaction, say) in the caller's transaction, or a new one if the
     * caller has none: the record then stands if the caller commits.
     */
    void record(SentMail sent) {
        try {
            own.executeWithoutResult(status -> repository.saveAndFlush(sent));
        } catch (TransactionException e) {
            log.warn("Mail {}: no transaction of its own for the record ({}); recording in the caller's",
                    sent.getIdempotencyKey(), e.toString());
            joined.executeWithoutResult(status -> repository.saveAndFlush(sent));
        }
    }
}
