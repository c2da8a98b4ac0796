package dev.doppel.storage;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Deletes blobs only once the transaction that deleted their rows has committed: a rollback must leave the
 * user with rows whose bytes are still there, never rows pointing at nothing.
 */
@ApplicationScoped
public class BlobDeletions {

    @Inject
    BlobStore blobs;

    @Inject
    TransactionSynchronizationRegistry transactions;

    public void afterCommit(String... keys) {
        List<String> toDelete = present(keys);
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            toDelete.forEach(blobs::deleteQuietly);
            return;
        }
        deleteWhenDone(toDelete, true);
    }

    /** Deletes blobs written for rows of the running transaction if it does not commit (nothing left behind). */
    public void onRollback(String... keys) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            return;
        }
        deleteWhenDone(present(keys), false);
    }

    /** Keys may be null (a video deleted before its thumbnail was made); List.of would refuse them. */
    private static List<String> present(String... keys) {
        return java.util.Arrays.stream(keys).filter(java.util.Objects::nonNull).toList();
    }

    /** Deletes {@code keys} once the running transaction ends: if it committed ({@code committed}) or if not. */
    private void deleteWhenDone(List<String> keys, boolean committed) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if ((status == Status.STATUS_COMMITTED) == committed) {
                    keys.forEach(blobs::deleteQuietly);
                }
            }
        });
    }
}
