package vn.motcua.mail;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The table {@code mail_log}: which idempotency keys were sent. A record is written in a
 * transaction of its own (one more pooled connection for that moment), committed at once, so it
 * survives the caller's rollback.
 */
@Component
class MailLog {

    private final SentMailRepository repository;
    private final TransactionTemplate own;

    MailLog(SentMailRepository repository, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Reads in the caller's transaction, if any: the records are committed ones (READ COMMITTED). */
    boolean isSent(String idempotencyKey) {
        return repository.existsByIdempotencyKey(idempotencyKey);
    }

    Optional<SentMail> find(String idempotencyKey) {
        return repository.findByIdempotencyKey(idempotencyKey);
    }

    void record(SentMail sent) {
        own.executeWithoutResult(status -> repository.saveAndFlush(sent));
    }
}
