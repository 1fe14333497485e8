package vn.motcua.idempotency;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/**
 * The {@code Idempotency-Key} request header of the requests that create something (a dossier): a client that
 * did not get the answer (a dropped connection, a node that died after the commit) sends the request again with
 * the same key and gets the first answer again, never a second dossier.
 *
 * <ul>
 * <li>The key is bound to a scope that the caller gives: the endpoint and, for staff, the user, so one officer's
 * key never answers another's request; on the public API the key alone (the answer is given only for the same
 * body, which already holds everything the answer shows).</li>
 * <li>Same key, same request ({@link Fingerprint}: the body in canonical form and every file): the first answer,
 * stored when it was given, with its status (201), its {@code Location} and {@code Idempotent-Replayed: true}.
 * Same key, another request: 422. A malformed key: 400.</li>
 * <li>The key's row ({@code idempotent_request}) is inserted first, in the transaction that creates the dossier,
 * and holds the first answer when it commits. A second request with the same key at the same moment, on any node,
 * waits on that row (the database's unique key) until the first commits, then answers the first answer; if the
 * first fails and rolls back, nothing of it stays and the second goes ahead. So two identical requests never make
 * two dossiers, and a failed one can be retried with its key.</li>
 * <li>Keys are kept for {@code motcua.idempotency.retention} (24 h), then forgotten.</li>
 * </ul>
 */
@Component
public class IdempotentRequests {

    /** The request header. */
    public static final String HEADER = "Idempotency-Key";
    /** The header of an answer given again. */
    public static final String REPLAYED = "Idempotent-Replayed";

    private static final Logger log = LoggerFactory.getLogger(IdempotentRequests.class);
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{8,128}");
    private static final long PURGE_EVERY_MILLIS = 10 * 60 * 1000L;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final TransactionTemplate own;
    private final ObjectMapper json;
    private final ObjectMapper canonical;
    private final IdempotencyProperties properties;
    private final Clock clock = Clock.systemUTC();
    private final AtomicLong lastPurge = new AtomicLong();

    IdempotentRequests(JdbcTemplate jdbc, PlatformTransactionManager transactions, ObjectMapper json,
            IdempotencyProperties properties) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.json = json;
        this.canonical = JsonMapper.builder().findAndAddModules()
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
        this.properties = properties;
    }

    /** The fingerprint of a request body (add its files with {@link Fingerprint#and}). */
    public Fingerprint fingerprint(Object body) {
        try {
            return Fingerprint.of(canonical.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the request cannot be fingerprinted", e);
        }
    }

    /** The fingerprint of a request body and every file it carries (name, type, content). */
    public Fingerprint fingerprint(Object body, List<MultipartFile> files) {
        Fingerprint fingerprint = fingerprint(body);
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            try (InputStream content = file.getInputStream()) {
                fingerprint = fingerprint.and(String.valueOf(file.getOriginalFilename()),
                        String.valueOf(file.getContentType()), content);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return fingerprint;
    }

    /** Whether the exception is this class's refusal of a key (reused for another request, or still busy). */
    public static boolean isRefusal(Throwable e) {
        return e instanceof IdempotencyProblem;
    }

    /** Whether the text is a well-formed key (a key that is not is refused with 400 by {@link #once}). */
    public static boolean isKey(String key) {
        return key != null && KEY.matcher(key).matches();
    }

    /**
     * Creates once per key: without a key, {@code create} runs as it is; with one, as described on the class.
     *
     * @param key         the request's {@code Idempotency-Key}, or null
     * @param scope       what the key is bound to (the endpoint, and the user for staff)
     * @param fingerprint the request's fingerprint
     * @param create      makes the thing and answers (2xx); runs in the transaction that keeps the key
     */
    public ResponseEntity<?> once(String key, String scope, Fingerprint fingerprint,
            Supplier<? extends ResponseEntity<?>> create) {
        if (key == null) {
            return create.get();
        }
        if (!KEY.matcher(key).matches()) {
            throw new IdempotencyProblem(HttpStatus.BAD_REQUEST, "idempotency.key.invalid");
        }
        purgeNowAndThen();
        String keyHash = Fingerprint.sha256((scope + "\n" + key).getBytes(StandardCharsets.UTF_8));
        Instant giveUp = clock.instant().plus(properties.waitForFirst());
        while (true) {
            Optional<Stored> stored = find(keyHash);
            if (stored.isPresent()) {
                return replay(stored.get(), fingerprint);
            }
            try {
                return tx.execute(status -> {
                    claim(keyHash, fingerprint);
                    ResponseEntity<?> answer = create.get();
                    if (answer.getStatusCode().is2xxSuccessful()) {
                        keep(keyHash, answer);
                    } else {
                        status.setRollbackOnly();
                    }
                    return answer;
                });
            } catch (KeyTaken taken) {
                // another request with this key committed first: its answer is read on the next turn
            } catch (KeyBusy busy) {
                if (clock.instant().isAfter(giveUp)) {
                    throw new IdempotencyProblem(HttpStatus.CONFLICT, "idempotency.key.busy");
                }
            }
        }
    }

    /** The key's row, inserted first: a request with the same key elsewhere waits here until this one ends. */
    private void claim(String keyHash, Fingerprint fingerprint) {
        try {
            jdbc.update("insert into idempotent_request (key_hash, request_hash, created_at) values (?, ?, ?)",
                    keyHash, fingerprint.hex(), clock.millis());
        } catch (DuplicateKeyException e) {
            throw new KeyTaken();
        } catch (PessimisticLockingFailureException | QueryTimeoutException e) {
            throw new KeyBusy();
        }
    }

    private void keep(String keyHash, ResponseEntity<?> answer) {
        URI location = answer.getHeaders().getLocation();
        String body;
        try {
            body = answer.getBody() == null ? null : json.writeValueAsString(answer.getBody());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the answer cannot be kept for its Idempotency-Key", e);
        }
        jdbc.update("update idempotent_request set status = ?, location = ?, body = ? where key_hash = ?",
                answer.getStatusCode().value(), location == null ? null : location.toString(), body, keyHash);
    }

    private Optional<Stored> find(String keyHash) {
        long oldest = clock.millis() - properties.retention().toMillis();
        Optional<Stored> found = jdbc.query("select request_hash, status, location, body, created_at"
                + " from idempotent_request where key_hash = ?", rs -> rs.next()
                        ? Optional.of(new Stored(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                                rs.getLong(5)))
                        : Optional.<Stored>empty(), keyHash);
        if (found.isPresent() && found.get().createdAt() < oldest) {
            // forgotten: the key is free again
            own.executeWithoutResult(status -> jdbc.update(
                    "delete from idempotent_request where key_hash = ? and created_at < ?", keyHash, oldest));
            return Optional.empty();
        }
        return found;
    }

    private ResponseEntity<?> replay(Stored stored, Fingerprint fingerprint) {
        if (!stored.requestHash().equals(fingerprint.hex())) {
            throw new IdempotencyProblem(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency.key.reused");
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(stored.status()).header(REPLAYED, "true");
        if (stored.location() != null) {
            answer.header(HttpHeaders.LOCATION, stored.location());
        }
        return stored.body() == null ? answer.build() : answer.contentType(MediaType.APPLICATION_JSON).body(stored.body());
    }

    /** Forgets the keys older than the retention, every 10 minutes or so on each node. */
    private void purgeNowAndThen() {
        long now = clock.millis();
        long last = lastPurge.get();
        if (now - last < PURGE_EVERY_MILLIS || !lastPurge.compareAndSet(last, now)) {
            return;
        }
        try {
            int purged = own.execute(status -> jdbc.update("delete from idempotent_request where created_at < ?",
                    now - properties.retention().toMillis()));
            log.debug("Idempotency keys: {} older than {} forgotten", purged, properties.retention());
        } catch (DataAccessException e) {
            log.warn("Idempotency keys: forgetting the old ones failed ({}); tried again later", e.toString());
        }
    }

    private record Stored(String requestHash, int status, String location, String body, long createdAt) {
    }

    /** Another request with the key committed while this one waited. */
    private static final class KeyTaken extends RuntimeException {
        KeyTaken() {
            super(null, null, false, false);
        }
    }

    /** Another request with the key is still under way (the database's lock wait ran out). */
    private static final class KeyBusy extends RuntimeException {
        KeyBusy() {
            super(null, null, false, false);
        }
    }
}
