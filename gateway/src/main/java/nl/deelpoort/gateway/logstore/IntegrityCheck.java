package nl.deelpoort.gateway.logstore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import nl.deelpoort.gateway.logstore.LogReader.StoredCheckpoint;
import nl.deelpoort.ledger.LedgerFormatException;
import nl.deelpoort.ledger.merkle.MerkleProofs;
import nl.deelpoort.ledger.note.Checkpoint;
import nl.deelpoort.ledger.note.NoteVerificationException;
import nl.deelpoort.ledger.note.NoteVerifier;
import nl.deelpoort.ledger.verify.ExportLine;
import nl.deelpoort.ledger.verify.LogVerificationException;
import nl.deelpoort.ledger.verify.LogVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Verifies the stored log as the offline verifier would, without trusting the stored hashes: every
 * leaf hash recomputed from the canonical bytes (which must decode and carry their seq), seq dense
 * from 0, the latest checkpoint's signature with the log's key, and the root of every checkpoint
 * ever signed recomputed from the entries. It also checks that the stored subtree hashes (what proofs
 * are made of) give the same root as the entries. Runs in the background every {@code
 * deelpoort.log.integrity-interval} (default 10 min, first after 30 s) and on request.
 */
public final class IntegrityCheck {

    private static final Logger log = LoggerFactory.getLogger(IntegrityCheck.class);
    private static final int BATCH = 4096;

    public enum Status {
        OK,
        FAILED
    }

    public record CheckpointView(long treeSize, String rootHash, Instant createdAt) {}

    /**
     * A check's verdict.
     *
     * @param treeSize how many entries were verified
     * @param checkpoint the latest signed checkpoint, null before the first
     * @param firstBadSeq the first entry found altered or missing, if the check can name one
     * @param problem what failed, for people (null when OK)
     */
    public record Report(
            Status status,
            long treeSize,
            CheckpointView checkpoint,
            Long firstBadSeq,
            String problem,
            Instant checkedAt) {}

    private final LogReader reader;
    private final TransactionTemplate snapshot;
    private final NoteVerifier verifier;
    private final Clock clock;
    private final AtomicReference<Report> last = new AtomicReference<>();

    IntegrityCheck(DataSource dataSource, LogReader reader, NoteVerifier verifier, Clock clock) {
        this.reader = reader;
        // One snapshot for checkpoints, entries and subtrees, while appends go on.
        this.snapshot = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.verifier = verifier;
        this.clock = clock;
    }

    /** 1 after a passed check, 0 after a failed one, NaN before the first: the gauge's value. */
    double lastOk() {
        Report r = last.get();
        return r == null ? Double.NaN : r.status() == Status.OK ? 1 : 0;
    }

    /** The latest report, of the background check or one on request; empty before the first has run. */
    public Optional<Report> last() {
        return Optional.ofNullable(last.get());
    }

    /** Verifies the log now; never throws (a database failure is a FAILED report). */
    public synchronized Report run() {
        Report report;
        try {
            report = snapshot.execute(status -> {
                status.setRollbackOnly(); // read only; and a failed read inside must not fail the commit
                return check();
            });
        } catch (RuntimeException e) {
            report = failed(
                    0, null, null, "the log could not be read: " + e.getClass().getSimpleName());
        }
        if (report.status() == Status.FAILED) {
            log.error("Disclosure log integrity check FAILED: {}", report.problem());
        }
        last.set(report);
        return report;
    }

    /** For the scheduler; {@link #run} never throws. */
    @Scheduled(fixedDelayString = "${deelpoort.log.integrity-interval:10m}", initialDelayString = "30s")
    void runQuietly() {
        run();
    }

    private Report check() {
        List<StoredCheckpoint> checkpoints = reader.checkpoints();
        Optional<StoredCheckpoint> latest =
                checkpoints.isEmpty() ? Optional.empty() : Optional.of(checkpoints.get(checkpoints.size() - 1));
        CheckpointView view = latest.map(cp -> new CheckpointView(
                        cp.treeSize(), Base64.getEncoder().encodeToString(cp.rootHash()), cp.createdAt()))
                .orElse(null);

        if (latest.isPresent()) {
            String problem = signatureProblem(latest.get());
            if (problem != null) {
                return failed(0, view, null, problem);
            }
        }

        LogVerifier logVerifier = new LogVerifier(
                checkpoints.stream().mapToLong(StoredCheckpoint::treeSize).toArray());
        List<ExportLine> batch = new ArrayList<>(BATCH);
        try {
            try {
                reader.entries(0, Long.MAX_VALUE, line -> {
                    batch.add(line);
                    if (batch.size() == BATCH) {
                        logVerifier.addAll(batch);
                        batch.clear();
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            logVerifier.addAll(batch);
        } catch (LogVerificationException e) {
            return failed(logVerifier.size(), view, e.seq() >= 0 ? e.seq() : null, e.getMessage());
        }
        long size = logVerifier.size();

        for (StoredCheckpoint cp : checkpoints) {
            if (cp.treeSize() > size) {
                return failed(
                        size,
                        view,
                        size,
                        "the log holds " + size + " entries but a checkpoint covers " + cp.treeSize()
                                + ": entries were removed");
            }
            if (!MessageDigest.isEqual(logVerifier.rootAt(cp.treeSize()), cp.rootHash())) {
                return failed(
                        size,
                        view,
                        null,
                        "the entries do not give the root of the checkpoint of size " + cp.treeSize()
                                + ": the log was rewritten");
            }
        }

        byte[] storedRoot = reader.fromStoredHashes(source -> MerkleProofs.rootHash(source, size));
        if (!MessageDigest.isEqual(storedRoot, logVerifier.root())) {
            return failed(
                    size,
                    view,
                    null,
                    "the stored subtree hashes do not match the entries: proofs served would not verify");
        }
        return new Report(Status.OK, size, view, null, null, clock.instant());
    }

    private String signatureProblem(StoredCheckpoint cp) {
        try {
            Checkpoint signed = Checkpoint.open(cp.signedNote(), verifier);
            if (signed.size() != cp.treeSize() || !MessageDigest.isEqual(signed.rootHash(), cp.rootHash())) {
                return "the signed checkpoint of size " + cp.treeSize() + " does not match its stored size and root";
            }
            return null;
        } catch (NoteVerificationException | LedgerFormatException e) {
            return "the latest checkpoint's signature does not verify with the log's key: " + e.getMessage();
        }
    }

    private Report failed(long size, CheckpointView view, Long firstBadSeq, String problem) {
        return new Report(Status.FAILED, size, view, firstBadSeq, problem, clock.instant());
    }
}
