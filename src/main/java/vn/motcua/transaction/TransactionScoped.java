package vn.motcua.transaction;

import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * State a component keeps for the current transaction only (what it is to write just before the commit, what it
 * already looked up), as a synchronisation registered with the transaction: it goes with the transaction, and a
 * nested transaction ({@code REQUIRES_NEW}) gets its own, since the synchronisations of the outer one are set aside
 * while it runs.
 */
public interface TransactionScoped extends TransactionSynchronization {

    /** The component whose state this is (one state per component and transaction). */
    Object owner();

    /**
     * The current transaction's state of this type for {@code owner}, created and registered with the transaction on
     * the first call; null outside a transaction.
     */
    static <T extends TransactionScoped> T of(Class<T> type, Object owner, Supplier<T> create) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        for (TransactionSynchronization registered : TransactionSynchronizationManager.getSynchronizations()) {
            if (type.isInstance(registered) && type.cast(registered).owner() == owner) {
                return type.cast(registered);
            }
        }
        T created = create.get();
        TransactionSynchronizationManager.registerSynchronization(created);
        return created;
    }
}
