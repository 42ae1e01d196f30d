package nl.deelpoort.gateway.logstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import nl.deelpoort.ledger.LogEntry;
import nl.deelpoort.ledger.LogEntryCodec;
import nl.deelpoort.ledger.merkle.CompactTree;
import nl.deelpoort.ledger.merkle.MerkleHash;
import nl.deelpoort.ledger.merkle.Subtree;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one serial point of the log: gives entries their seq and commits them with their Merkle
 * subtrees. Callers queue an entry and get a future that completes with the seq only after the
 * transaction holding it has committed; if that transaction fails, every entry of the batch fails
 * and nothing of it is in the log (fail closed).
 *
 * <p>A single writer thread drains the queue into batches. Each batch is one transaction that takes
 * a transaction-level advisory lock first, so several gateway instances (each with its own
 * sequencer) append to one log in turn; under the lock the current size is read from the database
 * and the in-memory frontier is rebuilt from stored subtrees when another instance appended since.
 * The primary key on seq turns any fork into an error rather than a second history.
 */
final class LogSequencer implements AutoCloseable {

    /** Advisory lock key of the log's append lock: the ASCII bytes of "deelpoor" (any constant will do). */
    static final long APPEND_LOCK = 0x646565_6c706f6f72L;

    private static final Logger log = LoggerFactory.getLogger(LogSequencer.class);

    /** Source of each entry's salt (LogEntry#newSalt): keeps redacted leaf hashes from confirming guesses. */
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private static final String INSERT_ENTRIES = """
            INSERT INTO log_entry (seq, canonical, leaf_hash, registered_at, kind, decision, purpose, legal_basis,
                                   flow, requesting_organisation, holder, recipient, subject_pseudonym, consent_id,
                                   override_id, measure_id, confidential, retention_until)
            SELECT u.seq, u.canonical, u.leaf_hash, ?, u.kind, u.decision, u.purpose, u.legal_basis, u.flow,
                   u.requesting_organisation, u.holder, u.recipient, u.subject_pseudonym, u.consent_id,
                   u.override_id, u.measure_id, u.confidential, u.retention_until::date
              FROM unnest(?::bigint[], ?::bytea[], ?::bytea[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                          ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[],
                          ?::text[])
                AS u(seq, canonical, leaf_hash, kind, decision, purpose, legal_basis, flow, requesting_organisation,
                     holder, recipient, subject_pseudonym, consent_id, override_id, measure_id, confidential,
                     retention_until)
            """;

    private static final String INSERT_SUBTREES =
            "INSERT INTO log_subtree (level, idx, hash) SELECT * FROM unnest(?::smallint[], ?::bigint[], ?::bytea[])";

    private final DataSource dataSource;
    private final int batchSize;
    private final long lingerNanos;
    private final Clock clock;
    private final BlockingQueue<Pending> queue;
    private final Thread writer;
    private volatile boolean closed;

    /** The frontier as of the last commit of this sequencer; null when it must be rebuilt. Writer thread only. */
    private CompactTree tree;

    private record Pending(LogEntry entry, CompletableFuture<Long> seq) {}

    LogSequencer(DataSource dataSource, int batchSize, Duration linger, int queueCapacity, Clock clock) {
        this.dataSource = dataSource;
        this.batchSize = batchSize;
        this.lingerNanos = linger.toNanos();
        this.clock = clock;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.writer = new Thread(this::run, "log-sequencer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /**
     * Queues an entry; its seq and registeredAt are replaced by the sequencer's. The future completes
     * with the seq once committed, or exceptionally with a {@link LogUnavailableException}.
     */
    CompletableFuture<Long> submit(LogEntry entry) {
        Pending p = new Pending(entry, new CompletableFuture<>());
        if (closed) {
            p.seq.completeExceptionally(new LogUnavailableException("The log sequencer is stopped."));
            return p.seq;
        }
        if (!queue.offer(p)) {
            p.seq.completeExceptionally(new LogUnavailableException("The log sequencer is overloaded."));
            return p.seq;
        }
        // close() may have drained the queue between the check and the offer.
        if (closed && queue.remove(p)) {
            p.seq.completeExceptionally(new LogUnavailableException("The log sequencer is stopped."));
        }
        return p.seq;
    }

    /** Stops taking entries, writes what is queued, and stops the writer. */
    @Override
    public void close() {
        closed = true;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(p -> p.seq.completeExceptionally(new LogUnavailableException("The log sequencer is stopped.")));
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(batchSize);
        while (!closed || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, batchSize - 1);
                if (lingerNanos > 0) {
                    linger(batch);
                }
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                batch.forEach(p -> p.seq.completeExceptionally(new LogUnavailableException("Interrupted.")));
                return;
            } catch (RuntimeException | Error e) {
                // write() completes every future itself; this is a last resort so no caller hangs.
                log.error("Log sequencer batch failed unexpectedly", e);
                batch.forEach(p -> p.seq.completeExceptionally(new LogUnavailableException("Log write failed.", e)));
            } finally {
                batch.clear();
            }
        }
    }

    private void linger(List<Pending> batch) throws InterruptedException {
        long deadline = System.nanoTime() + lingerNanos;
        while (batch.size() < batchSize) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            Pending next = queue.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            batch.add(next);
            queue.drainTo(batch, batchSize - batch.size());
        }
    }

    private void write(List<Pending> batch) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<Pending> accepted = new ArrayList<>(batch.size());
        List<LogEntry> entries = new ArrayList<>(batch.size());
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (Statement s = c.createStatement()) {
                    s.execute("SELECT pg_advisory_xact_lock(" + APPEND_LOCK + ")");
                }
                long size = currentSize(c);
                if (tree == null || tree.size() != size) {
                    tree = StoredHashes.compute(c, source -> CompactTree.restore(size, source));
                }
                Rows rows = new Rows(batch.size());
                for (Pending p : batch) {
                    LogEntry e;
                    byte[] canonical;
                    try {
                        e = p.entry.sequenced(size + accepted.size(), now, LogEntry.newSalt(RANDOM));
                        canonical = LogEntryCodec.encode(e);
                    } catch (RuntimeException bad) {
                        // One malformed entry must not sink the others of the batch.
                        p.seq.completeExceptionally(bad);
                        continue;
                    }
                    byte[] leaf = MerkleHash.leafHash(canonical);
                    rows.add(e, canonical, leaf);
                    for (Subtree st : tree.append(leaf)) {
                        if (st.level() > 0) {
                            rows.subtree(st);
                        }
                    }
                    accepted.add(p);
                    entries.add(e);
                }
                if (!accepted.isEmpty()) {
                    rows.insert(c, now);
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                tree = null;
                rollback(c);
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            tree = null;
            log.warn(
                    "Log batch of {} entries not committed: {}",
                    batch.size(),
                    e.getClass().getName());
            LogUnavailableException failure =
                    new LogUnavailableException("The disclosure log could not commit the entry.", e);
            for (Pending p : batch) {
                p.seq.completeExceptionally(failure);
            }
            return;
        }
        for (int i = 0; i < accepted.size(); i++) {
            accepted.get(i).seq.complete(entries.get(i).seq());
        }
    }

    static long currentSize(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT coalesce(max(seq) + 1, 0) FROM log_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // The connection is broken; closing it discards the transaction anyway.
        }
    }

    /** The columns of one batch, sent as arrays: one INSERT per table, however large the batch. */
    private static final class Rows {
        private final List<Long> seq;
        private final List<byte[]> canonical;
        private final List<byte[]> leaf;
        private final List<String> kind = new ArrayList<>();
        private final List<String> decision = new ArrayList<>();
        private final List<String> purpose = new ArrayList<>();
        private final List<String> legalBasis = new ArrayList<>();
        private final List<String> flow = new ArrayList<>();
        private final List<String> requesting = new ArrayList<>();
        private final List<String> holder = new ArrayList<>();
        private final List<String> recipient = new ArrayList<>();
        private final List<String> subject = new ArrayList<>();
        private final List<String> consent = new ArrayList<>();
        private final List<String> override = new ArrayList<>();
        private final List<String> measure = new ArrayList<>();
        private final List<Boolean> confidential = new ArrayList<>();
        private final List<String> retention = new ArrayList<>();
        private final List<Short> subtreeLevel = new ArrayList<>();
        private final List<Long> subtreeIndex = new ArrayList<>();
        private final List<byte[]> subtreeHash = new ArrayList<>();

        Rows(int n) {
            seq = new ArrayList<>(n);
            canonical = new ArrayList<>(n);
            leaf = new ArrayList<>(n);
        }

        void add(LogEntry e, byte[] bytes, byte[] leafHash) {
            seq.add(e.seq());
            canonical.add(bytes);
            leaf.add(leafHash);
            kind.add(e.kind().name());
            decision.add(e.decision());
            purpose.add(e.purpose());
            legalBasis.add(e.legalBasis());
            flow.add(e.flow());
            requesting.add(e.requestingOrganisation());
            holder.add(e.holder());
            recipient.add(e.recipient());
            subject.add(e.subjectPseudonym());
            consent.add(e.consentId());
            override.add(e.overrideId());
            measure.add(e.measureId());
            confidential.add(e.confidential());
            retention.add(e.retentionUntil() == null ? null : e.retentionUntil().toString());
        }

        void subtree(Subtree st) {
            subtreeLevel.add((short) st.level());
            subtreeIndex.add(st.index());
            subtreeHash.add(st.hash());
        }

        void insert(Connection c, Instant registeredAt) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(INSERT_ENTRIES)) {
                int i = 1;
                ps.setObject(i++, OffsetDateTime.ofInstant(registeredAt, ZoneOffset.UTC));
                ps.setArray(i++, c.createArrayOf("bigint", seq.toArray()));
                ps.setArray(i++, c.createArrayOf("bytea", canonical.toArray(new byte[0][])));
                ps.setArray(i++, c.createArrayOf("bytea", leaf.toArray(new byte[0][])));
                for (List<String> column : List.of(
                        kind,
                        decision,
                        purpose,
                        legalBasis,
                        flow,
                        requesting,
                        holder,
                        recipient,
                        subject,
                        consent,
                        override,
                        measure)) {
                    ps.setArray(i++, c.createArrayOf("text", column.toArray()));
                }
                ps.setArray(i++, c.createArrayOf("boolean", confidential.toArray()));
                ps.setArray(i, c.createArrayOf("text", retention.toArray()));
                ps.executeUpdate();
            }
            if (!subtreeLevel.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(INSERT_SUBTREES)) {
                    ps.setArray(1, c.createArrayOf("smallint", subtreeLevel.toArray()));
                    ps.setArray(2, c.createArrayOf("bigint", subtreeIndex.toArray()));
                    ps.setArray(3, c.createArrayOf("bytea", subtreeHash.toArray(new byte[0][])));
                    ps.executeUpdate();
                }
            }
        }
    }
}
