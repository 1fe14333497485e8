package vn.motcua.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Component;

/**
 * A lock that one node of the installation holds at a time: a row of the table {@code cluster_lock}, locked
 * ({@code UPDATE}, row lock) by a transaction of its own on a connection of its own while the work runs. Another
 * node asking for the same lock waits until that transaction ends, committed or rolled back; a node that dies
 * while holding it loses its connection, and the database releases the lock. The work itself runs in its own
 * transactions (on other connections): the lock only says who goes first.
 *
 * <p>For the set-up every node does at start-up (the engine's schema, the catalog, the official days, identity
 * and filters): check-then-insert under this lock is race-free whatever the number of nodes starting at once,
 * and restarts in any order find everything in place. Waiting is bounded by {@code motcua.cluster.lock-wait}.
 *
 * <p>On a Galera cluster, row locks are local to the Galera node: give every Motcua node the same writer (as
 * Camunda's own locking needs anyway).
 */
@Component
@DependsOn("flywayInitializer")
public class ClusterLock {

    private static final Logger log = LoggerFactory.getLogger(ClusterLock.class);
    /** MariaDB / MySQL: lock wait timeout, deadlock. */
    private static final int MYSQL_LOCK_WAIT_TIMEOUT = 1205;
    private static final int MYSQL_DEADLOCK = 1213;
    /** H2: timeout trying to lock, deadlock. */
    private static final int H2_LOCK_TIMEOUT = 50200;
    private static final int H2_DEADLOCK = 40001;

    /** The locks the current thread holds through {@link #holding}. */
    private static final ThreadLocal<java.util.Set<String>> HELD = ThreadLocal.withInitial(java.util.HashSet::new);

    private final DataSource dataSource;
    private final ClusterProperties properties;

    ClusterLock(DataSource dataSource, ClusterProperties properties) {
        this.dataSource = dataSource;
        this.properties = properties;
    }

    /** This node's name, as it appears in the lock table and the logs. */
    public String nodeName() {
        return properties.nodeName();
    }

    /** Runs the work while this node holds the named lock. */
    public void holding(String name, Runnable work) {
        holding(name, () -> {
            work.run();
            return null;
        });
    }

    /**
     * Runs the work while this node holds the named lock; its result. A thread that holds the lock already
     * runs the work at once.
     */
    public <T> T holding(String name, Supplier<T> work) {
        if (HELD.get().contains(name)) {
            return work.get();
        }
        try (Held held = acquire(name)) {
            HELD.get().add(name);
            try {
                return work.get();
            } finally {
                HELD.get().remove(name);
            }
        }
    }

    /**
     * Takes the named lock, waiting while another node holds it (at most {@code motcua.cluster.lock-wait}).
     * Close what it returns to release it.
     */
    public Held acquire(String name) {
        Connection connection;
        try {
            // a connection of its own, outside any transaction of the caller
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw new IllegalStateException("Cluster lock '" + name + "': no database connection: " + e.getMessage(), e);
        }
        try {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(true);
            create(connection, name);
            connection.setAutoCommit(false);
            Instant started = Instant.now();
            Instant deadline = started.plus(properties.lockWait());
            boolean logged = false;
            while (true) {
                try (PreparedStatement update = connection.prepareStatement(
                        "update cluster_lock set holder = ?, acquired_at = ? where lock_name = ?")) {
                    update.setString(1, properties.nodeName());
                    update.setTimestamp(2, Timestamp.from(Instant.now()));
                    update.setString(3, name);
                    update.executeUpdate();
                    if (logged) {
                        log.info("Cluster lock '{}' taken after {} s", name,
                                java.time.Duration.between(started, Instant.now()).toSeconds());
                    }
                    return new Held(connection, name, autoCommit);
                } catch (SQLException e) {
                    connection.rollback();
                    if (!isLockWait(e)) {
                        throw e;
                    }
                    if (Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException("Cluster lock '" + name + "': another node held it for more than "
                                + properties.lockWait() + " (motcua.cluster.lock-wait)", e);
                    }
                    if (!logged) {
                        log.info("Cluster lock '{}' is held by another node; waiting", name);
                        logged = true;
                    }
                }
            }
        } catch (SQLException e) {
            release(connection);
            throw new IllegalStateException("Cluster lock '" + name + "' could not be taken: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            release(connection);
            throw e;
        }
    }

    private static void create(Connection connection, String name) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into cluster_lock (lock_name, holder, acquired_at) values (?, ?, ?)")) {
            insert.setString(1, name);
            insert.setString(2, "-");
            insert.setTimestamp(3, Timestamp.from(Instant.EPOCH));
            insert.executeUpdate();
        } catch (SQLException e) {
            String state = e.getSQLState();
            if (!(e instanceof SQLIntegrityConstraintViolationException) && (state == null || !state.startsWith("23"))) {
                throw e;
            }
            // there already, or another node is creating it right now: the update below waits for it
        }
    }

    static boolean isLockWait(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTimeoutException || t instanceof SQLTransientException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                int code = sql.getErrorCode();
                String state = sql.getSQLState();
                if (code == MYSQL_LOCK_WAIT_TIMEOUT || code == MYSQL_DEADLOCK || code == H2_LOCK_TIMEOUT
                        || code == H2_DEADLOCK || "40001".equals(state) || "HYT00".equals(state)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void release(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            log.warn("Cluster lock: closing its connection failed: {}", e.toString());
        }
    }

    /** A lock this node holds until {@link #close()}. */
    public final class Held implements AutoCloseable {

        private final Connection connection;
        private final String name;
        private final boolean autoCommit;
        private boolean closed;

        private Held(Connection connection, String name, boolean autoCommit) {
            this.connection = connection;
            this.name = name;
            this.autoCommit = autoCommit;
        }

        /** Releases the lock: the next node waiting for it goes on. */
        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                connection.commit();
                connection.setAutoCommit(autoCommit);
            } catch (SQLException e) {
                log.warn("Cluster lock '{}': releasing it failed ({}); the database releases it with the connection",
                        name, e.toString());
            } finally {
                release(connection);
            }
        }
    }
}
