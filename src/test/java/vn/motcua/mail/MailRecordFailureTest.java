package vn.motcua.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.MotcuaTest;
import vn.motcua.calendar.WorkingCalendar;

/**
 * The record step fails after the server accepted the message, as when the pool has no connection
 * left for the record's own transaction: the send must not fail (its caller would retry and send
 * again), and the next attempt must not send again.
 */
@MotcuaTest
class MailRecordFailureTest {

    @Autowired SentMailRepository repository;
    @Autowired PlatformTransactionManager transactions;
    @Autowired TransactionTemplate tx;
    @Autowired WorkingCalendar calendar;

    /** Which new transactions cannot be had: none, those of their own (REQUIRES_NEW), or all. */
    enum Dry { NONE, OWN, ALL }

    final AtomicReference<Dry> dry = new AtomicReference<>(Dry.NONE);
    final List<MimeMessage> delivered = new CopyOnWriteArrayList<>();
    SimpleMeterRegistry meters;
    Mailer mailer;

    @BeforeEach
    void mailerWithAPoolThatRunsDry() {
        PlatformTransactionManager failing = new PlatformTransactionManager() {
            @Override
            public TransactionStatus getTransaction(TransactionDefinition definition) {
                Dry now = dry.get();
                if (now == Dry.ALL || now == Dry.OWN
                        && definition.getPropagationBehavior() == TransactionDefinition.PROPAGATION_REQUIRES_NEW) {
                    throw new CannotCreateTransactionException("Could not open JPA EntityManager for transaction",
                            new java.sql.SQLTransientConnectionException(
                                    "HikariPool-1 - Connection is not available, request timed out after 30000ms"));
                }
                return transactions.getTransaction(definition);
            }

            @Override
            public void commit(TransactionStatus status) {
                transactions.commit(status);
            }

            @Override
            public void rollback(TransactionStatus status) {
                transactions.rollback(status);
            }
        };
        MailTransport accepting = new MailTransport() {
            final Session session = Session.getInstance(new java.util.Properties());

            @Override
            public Kind kind() {
                return Kind.SMTP;
            }

            @Override
            public MimeMessage newMessage() {
                return new MimeMessage(session);
            }

            @Override
            public void deliver(MimeMessage message, Instant at) {
                delivered.add(message);
            }

            @Override
            public String describe() {
                return "a server that accepts everything";
            }
        };
        meters = new SimpleMeterRegistry();
        mailer = new Mailer("Hệ thống Một cửa <no-reply@motcua.local>", new MailLog(repository, failing), accepting,
                calendar, meters);
    }

    static MailMessage receipt() {
        return new MailMessage(List.of("citizen@example.com"), "Đã tiếp nhận hồ sơ", null, "Đã tiếp nhận.", null);
    }

    static String key() {
        return "test:" + UUID.randomUUID();
    }

    @Test
    void noConnectionForTheRecordsOwnTransactionInAJobRecordsInTheJobsAndTheRetryDoesNotSendAgain() {
        String key = key();
        dry.set(Dry.OWN);
        Boolean sent = tx.execute(status -> mailer.send(receipt(), key));
        assertThat(sent).isTrue();
        assertThat(delivered).hasSize(1);

        // the next attempt, pool or no pool, finds the record
        Boolean again = tx.execute(status -> mailer.send(receipt(), key));
        dry.set(Dry.NONE);
        assertThat(again).isFalse();
        assertThat(mailer.send(receipt(), key)).isFalse();
        assertThat(delivered).hasSize(1);
        assertThat(repository.findByIdempotencyKey(key)).isPresent();
        assertThat(meters.counter("motcua.mail.unrecorded").count()).isZero();
    }

    @Test
    void noConnectionForTheRecordsOwnTransactionOutsideAJobRecordsInANewOne() {
        String key = key();
        dry.set(Dry.OWN);
        assertThat(mailer.send(receipt(), key)).isTrue();
        assertThat(mailer.send(receipt(), key)).isFalse();
        assertThat(delivered).hasSize(1);
    }

    @Test
    void whenNoTransactionAtAllCanBeHadTheAcceptedMailDoesNotFailItsCaller() {
        String key = key();
        dry.set(Dry.ALL);
        // CannotCreateTransactionException is no DataAccessException: it must not escape either
        assertThat(mailer.send(receipt(), key)).isTrue();
        assertThat(delivered).hasSize(1);
        assertThat(repository.findByIdempotencyKey(key)).isEmpty();
        assertThat(meters.counter("motcua.mail.unrecorded").count()).isEqualTo(1.0);
    }
}
