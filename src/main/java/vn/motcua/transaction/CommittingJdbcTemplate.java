package vn.motcua.transaction;

import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The application's {@link JdbcTemplate}: a write made outside any transaction runs in a transaction of its own and
 * is committed, as it was when connections came with auto-commit.
 *
 * <p>The pool's connections come without auto-commit ({@code spring.datasource.hikari.auto-commit: false}), so that no
 * transaction switches it off and on again (two statements each). A write outside a transaction would then be rolled
 * back, without a word, when its connection goes back to the pool. Here it is not: {@code update}, {@code batchUpdate}
 * and {@code execute(String)} join the caller's transaction when there is one and start one otherwise. A read outside
 * a transaction needs none (the pool rolls its connection back). The callback forms ({@code execute(...Callback)}) are
 * left as they are: whoever writes through them opens the transaction.
 */
public class CommittingJdbcTemplate extends JdbcTemplate {

    private final ObjectProvider<PlatformTransactionManager> transactions;
    private volatile TransactionTemplate own;

    public CommittingJdbcTemplate(DataSource dataSource, ObjectProvider<PlatformTransactionManager> transactions) {
        super(dataSource);
        this.transactions = transactions;
    }

    private <T> T committed(Supplier<T> write) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return write.get();
        }
        TransactionTemplate template = own;
        if (template == null) {
            template = new TransactionTemplate(transactions.getObject());
            own = template;
        }
        return template.execute(status -> write.get());
    }

    @Override
    public void execute(String sql) {
        committed(() -> {
            super.execute(sql);
            return null;
        });
    }

    @Override
    public int update(String sql) {
        return committed(() -> super.update(sql));
    }

    @Override
    public int update(PreparedStatementCreator psc) {
        return committed(() -> super.update(psc));
    }

    @Override
    public int update(PreparedStatementCreator psc, KeyHolder generatedKeyHolder) {
        return committed(() -> super.update(psc, generatedKeyHolder));
    }

    @Override
    public int update(String sql, PreparedStatementSetter pss) {
        return committed(() -> super.update(sql, pss));
    }

    @Override
    public int update(String sql, Object[] args, int[] argTypes) {
        return committed(() -> super.update(sql, args, argTypes));
    }

    @Override
    public int update(String sql, Object... args) {
        return committed(() -> super.update(sql, args));
    }

    @Override
    public int[] batchUpdate(String... sql) {
        return committed(() -> super.batchUpdate(sql));
    }

    @Override
    public int[] batchUpdate(String sql, BatchPreparedStatementSetter pss) {
        return committed(() -> super.batchUpdate(sql, pss));
    }

    @Override
    public int[] batchUpdate(PreparedStatementCreator psc, BatchPreparedStatementSetter pss,
            KeyHolder generatedKeyHolder) {
        return committed(() -> super.batchUpdate(psc, pss, generatedKeyHolder));
    }

    @Override
    public int[] batchUpdate(String sql, List<Object[]> batchArgs) {
        return committed(() -> super.batchUpdate(sql, batchArgs));
    }

    @Override
    public int[] batchUpdate(String sql, List<Object[]> batchArgs, int[] argTypes) {
        return committed(() -> super.batchUpdate(sql, batchArgs, argTypes));
    }

    @Override
    public <T> int[][] batchUpdate(String sql, Collection<T> batchArgs, int batchSize,
            ParameterizedPreparedStatementSetter<T> pss) {
        return committed(() -> super.batchUpdate(sql, batchArgs, batchSize, pss));
    }
}
