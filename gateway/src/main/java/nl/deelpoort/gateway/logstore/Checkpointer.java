package nl.deelpoort.gateway.logstore;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import nl.deelpoort.gateway.logstore.LogReader.StoredCheckpoint;
import nl.deelpoort.ledger.merkle.MerkleProofs;
import nl.deelpoort.ledger.merkle.MerkleVerifier;
import nl.deelpoort.ledger.note.Checkpoint;
import nl.deelpoort.ledger.note.NoteSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signs checkpoints of the stored log, in the background (every {@code
 * deelpoort.log.checkpoint-interval}, default 5 s). Before signing size n it proves, from the stored
 * subtrees, that the tree of size n extends the latest signed one (a consistency proof, generated and
 * then verified as an outsider would); a tree that does not is never signed. Checkpointing takes its
 * own advisory lock, so instances sharing a log sign one after the other.
 */
final class Checkpointer {

    /** Advisory lock key for checkpointing: ASCII "deelckpt". */
    static final long CHECKPOINT_LOCK = 0x6465656c636b7074L;

    private static final Logger log = LoggerFactory.getLogger(Checkpointer.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final LogReader reader;
    private final NoteSigner signer;
    private final String origin;
    private final LogMetrics metrics;

    Checkpointer(DataSource dataSource, LogReader reader, NoteSigner signer, String origin, LogMetrics metrics) {
        this.metrics = metrics;
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.reader = reader;
        this.signer = signer;
        this.origin = origin;
    }

    /** The log refused to be checkpointed because it does not extend what was signed before. */
    static final class InconsistentLogException extends IllegalStateException {
        InconsistentLogException(String message) {
            super(message);
        }
    }

    private record Heads(byte[] root, List<byte[]> proof) {}

    /**
     * Signs a checkpoint of the current log if it grew since the latest one (or none exists yet).
     *
     * @return the latest checkpoint after this call
     * @throws InconsistentLogException if the log does not extend the latest checkpoint
     */
    StoredCheckpoint checkpointNow() {
        StoredCheckpoint latest = LogUnavailableException.onDatabaseFailure(
                "The disclosure log cannot be checkpointed.", () -> transactions.execute(status -> sign()));
        // Committed, and the log held exactly its tree size when it was signed or found current.
        metrics.checkpointed(latest);
        return latest;
    }

    private StoredCheckpoint sign() {
        jdbc.sql("SELECT pg_advisory_xact_lock(:lock)")
                .param("lock", CHECKPOINT_LOCK)
                .query()
                .listOfRows();
        long size = reader.size();
        Optional<StoredCheckpoint> latest = reader.latestCheckpoint();
        if (latest.isPresent() && latest.get().treeSize() == size) {
            return latest.get();
        }
        if (latest.isPresent() && latest.get().treeSize() > size) {
            throw new InconsistentLogException("the log holds " + size + " entries, fewer than the "
                    + latest.get().treeSize() + " of its latest checkpoint");
        }
        long m = latest.map(StoredCheckpoint::treeSize).orElse(0L);
        Heads heads = reader.fromStoredHashes(source ->
                new Heads(MerkleProofs.rootHash(source, size), MerkleProofs.consistencyProof(source, m, size)));
        if (latest.isPresent()
                && !MerkleVerifier.verifyConsistency(
                        m, size, heads.proof(), latest.get().rootHash(), heads.root())) {
            throw new InconsistentLogException(
                    "the log of size " + size + " does not extend the checkpoint of size " + m);
        }
        String note = new Checkpoint(origin, size, heads.root()).sign(signer);
        OffsetDateTime created = jdbc.sql("INSERT INTO checkpoint (tree_size, root_hash, signed_note)"
                        + " VALUES (:size, :root, :note) RETURNING created_at")
                .param("size", size)
                .param("root", heads.root())
                .param("note", note)
                .query(OffsetDateTime.class)
                .single();
        log.debug("Signed checkpoint of size {}", size);
        return new StoredCheckpoint(size, heads.root(), note, created.toInstant());
    }

    /** For the scheduler: never throws, so a bad run does not cancel the next. */
    @Scheduled(fixedDelayString = "${deelpoort.log.checkpoint-interval:5s}")
    void checkpointQuietly() {
        try {
            checkpointNow();
        } catch (InconsistentLogException e) {
            log.error("Checkpoint NOT signed: {}", e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Checkpoint not signed this time: {}", e.toString());
        }
    }
}
