package nl.deelpoort.gateway.logstore;

import static java.util.stream.Collectors.joining;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import nl.deelpoort.ledger.EntryField;
import nl.deelpoort.ledger.LogEntry;
import nl.deelpoort.ledger.LogEntryCodec;
import nl.deelpoort.ledger.merkle.CompactTree;
import nl.deelpoort.ledger.merkle.MerkleHash;
import nl.deelpoort.ledger.merkle.Subtree;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one serial point of the log: gives entries their seq and commits them with their Merkle
 * subtrees. Callers queue an entry and get a future that completes with the seq only after the
 * transaction holding it has committed; if that transaction fails, every entry of the batch fails
 * and nothing of it is in the log (fail closed).
 *
 * <p>A single writer thread drains the queue into batches, on a connection pool of its own: a caller
 * that holds a connection of the main pool while it waits for its entry cannot starve the sequencer.
 * Each batch is one transaction that takes a transaction-level advisory lock first, so several gateway
 * instances (each with its own sequencer) append to one log in turn; under the lock the current size
 * is read from the database and the in-memory frontier is rebuilt from stored subtrees when another
 * instance appended since. The primary key on seq turns any fork into an error rather than a second
 * history. The indexed columns next to the canonical bytes are the {@link EntryField}s that name a
 * column.
 */
final class LogSequencer implements AutoCloseable {

    /** Advisory lock key of the log's append lock: the ASCII bytes of "deelpoor" (any constant will do). */
    static final long APPEND_LOCK = 0x646565_6c706f6f72L;

    private static final Logger log = LoggerFactory.getLogger(LogSequencer.class);

    /** Source of each entry's salt (LogEntry#newSalt): keeps redacted leaf hashes from confirming guesses. */
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The entry fields that {@code log_entry} keeps a column of, for audit searches. */
    private static final List<EntryField> COLUMNS =
            Arrays.stream(EntryField.values()).filter(f -> f.column() != null).toList();

    /** One INSERT per batch: every column sent as one array. */
    private static final String INSERT_ENTRIES = "INSERT INTO log_entry (canonical, leaf_hash, "
            + COLUMNS.stream().map(EntryField::column).collect(joining(", "))
            + ") SELECT * FROM unnest(:canonical::bytea[], :leaf_hash::bytea[], "
            + COLUMNS.stream()
                    .map(f -> ":" + f.column() + "::" + sqlType(f) + "[]")
                    .collect(joining(", "))
            + ")";

    private static final String INSERT_SUBTREES = "INSERT INTO log_subtree (level, idx, hash)"
            + " SELECT * FROM unnest(:level::smallint[], :idx::bigint[], :hash::bytea[])";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final LogReader reader;
    private final int batchSize;
    private final long lingerNanos;
    private final Clock clock;
    private final BlockingQueue<Pending> queue;
    private final Thread writer;
    private final LogMetrics metrics;
    private volatile boolean closed;

    /** When the writer last came round its loop (System.nanoTime), for {@link #state}. */
    private volatile long heartbeat = System.nanoTime();

    /** When the latest batch that failed to commit failed, if it failed after the latest commit; else 0. */
    private volatile long failedAt;

    /** The frontier as of the last commit of this sequencer; null when it must be rebuilt. Writer thread only. */
    private CompactTree tree;

    private record Pending(LogEntry entry, CompletableFuture<Long> seq, long submitted) {}

    /** A sequencer writing through {@code dataSource}: its own pool, so that appends never wait for the main one. */
    LogSequencer(
            DataSource dataSource, int batchSize, Duration linger, int queueCapacity, Clock clock, LogMetrics metrics) {
        this.metrics = metrics;
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.reader = new LogReader(dataSource);
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
        Pending p = new Pending(entry, new CompletableFuture<>(), System.nanoTime());
        if (closed) {
            failed(p, new LogUnavailableException("The log sequencer is stopped."));
            return p.seq;
        }
        if (!queue.offer(p)) {
            failed(p, new LogUnavailableException("The log sequencer is overloaded."));
            return p.seq;
        }
        // close() may have drained the queue between the check and the offer.
        if (closed && queue.remove(p)) {
            failed(p, new LogUnavailableException("The log sequencer is stopped."));
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
        left.forEach(p -> failed(p, new LogUnavailableException("The log sequencer is stopped.")));
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(batchSize);
        while (!closed || !queue.isEmpty()) {
            heartbeat = System.nanoTime();
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
                batch.forEach(p -> failed(p, new LogUnavailableException("Interrupted.")));
                return;
            } catch (RuntimeException | Error e) {
                // write() completes every future itself; this is a last resort so no caller hangs.
                log.error("Log sequencer batch failed unexpectedly", e);
                failedAt = System.nanoTime();
                batch.forEach(p -> failed(p, new LogUnavailableException("Log write failed.", e)));
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
        metrics.batch(batch.size());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<Pending> accepted = new ArrayList<>(batch.size());
        List<Long> seqs = new ArrayList<>(batch.size());
        try {
            transactions.executeWithoutResult(status -> {
                jdbc.sql("SELECT pg_advisory_xact_lock(:lock)")
                        .param("lock", APPEND_LOCK)
                        .query()
                        .listOfRows();
                long size = reader.size();
                if (tree == null || tree.size() != size) {
                    tree = reader.fromStoredHashes(source -> CompactTree.restore(size, source));
                }
                Rows rows = new Rows();
                for (Pending p : batch) {
                    LogEntry e;
                    byte[] canonical;
                    try {
                        e = p.entry.sequenced(size + accepted.size(), now, LogEntry.newSalt(RANDOM));
                        canonical = LogEntryCodec.encode(e);
                    } catch (RuntimeException bad) {
                        // One malformed entry must not sink the others of the batch.
                        failed(p, bad);
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
                    seqs.add(e.seq());
                }
                if (!accepted.isEmpty()) {
                    rows.insert(jdbc);
                }
            });
        } catch (RuntimeException e) {
            tree = null;
            log.warn(
                    "Log batch of {} entries not committed: {}",
                    batch.size(),
                    e.getClass().getName());
            failedAt = System.nanoTime();
            LogUnavailableException failure =
                    new LogUnavailableException("The disclosure log could not commit the entry.", e);
            for (Pending p : batch) {
                failed(p, failure);
            }
            return;
        }
        failedAt = 0;
        if (!accepted.isEmpty()) {
            metrics.logSize(seqs.get(seqs.size() - 1) + 1);
        }
        long committedAt = System.nanoTime();
        for (int i = 0; i < accepted.size(); i++) {
            Pending p = accepted.get(i);
            metrics.appended(committedAt - p.submitted);
            p.seq.complete(seqs.get(i));
        }
    }

    /**
     * The meter first, then the caller: whoever sees the failure (a test, a scrape right after a 503)
     * sees it counted. As on the committed path.
     */
    private void failed(Pending p, RuntimeException failure) {
        if (!p.seq.isDone()) {
            metrics.appendFailed(System.nanoTime() - p.submitted);
            p.seq.completeExceptionally(failure);
        }
    }

    /** What the readiness check reads ({@link LogSequencerHealth}). */
    State state() {
        long now = System.nanoTime();
        long failed = failedAt;
        return new State(
                !closed && writer.isAlive(),
                queue.size(),
                Duration.ofNanos(now - heartbeat),
                failed == 0 ? null : Duration.ofNanos(now - failed));
    }

    /**
     * @param sinceFailure how long ago the latest batch failed, null if a commit followed it
     */
    record State(boolean running, int queued, Duration sinceHeartbeat, Duration sinceFailure) {

        /** Why the sequencer cannot be counted on now, if it cannot. */
        Optional<String> problem(Duration window) {
            if (!running) {
                return Optional.of("stopped");
            }
            if (sinceHeartbeat.compareTo(window) > 0) {
                return Optional.of("stalled");
            }
            if (sinceFailure != null && sinceFailure.compareTo(window) <= 0) {
                return Optional.of("last batch not committed");
            }
            return Optional.empty();
        }
    }

    /** The SQL type of a field's column. */
    private static String sqlType(EntryField f) {
        return switch (f.type()) {
            case TEXT, KIND -> "text";
            case BOOLEAN -> "boolean";
            case INTEGER -> "bigint";
            case TIME -> "timestamptz";
            case DATE -> "date";
            case TEXT_LIST, TEXT_MAP -> throw new IllegalStateException("no column type for " + f);
        };
    }

    /** One batch, sent as arrays: one INSERT per table, however large the batch. */
    private static final class Rows {
        private final List<LogEntry> entries = new ArrayList<>();
        private final List<byte[]> canonical = new ArrayList<>();
        private final List<byte[]> leaf = new ArrayList<>();
        private final List<Short> subtreeLevel = new ArrayList<>();
        private final List<Long> subtreeIndex = new ArrayList<>();
        private final List<byte[]> subtreeHash = new ArrayList<>();

        void add(LogEntry e, byte[] bytes, byte[] leafHash) {
            entries.add(e);
            canonical.add(bytes);
            leaf.add(leafHash);
        }

        void subtree(Subtree st) {
            subtreeLevel.add((short) st.level());
            subtreeIndex.add(st.index());
            subtreeHash.add(st.hash());
        }

        void insert(JdbcClient jdbc) {
            JdbcClient.StatementSpec insert = jdbc.sql(INSERT_ENTRIES)
                    .param("canonical", new SqlArrayValue("bytea", (Object[]) canonical.toArray(new byte[0][])))
                    .param("leaf_hash", new SqlArrayValue("bytea", (Object[]) leaf.toArray(new byte[0][])));
            for (EntryField f : COLUMNS) {
                insert.param(
                        f.column(),
                        new SqlArrayValue(
                                sqlType(f), entries.stream().map(f::json).toArray()));
            }
            insert.update();
            if (!subtreeLevel.isEmpty()) {
                jdbc.sql(INSERT_SUBTREES)
                        .param("level", new SqlArrayValue("smallint", subtreeLevel.toArray()))
                        .param("idx", new SqlArrayValue("bigint", subtreeIndex.toArray()))
                        .param("hash", new SqlArrayValue("bytea", (Object[]) subtreeHash.toArray(new byte[0][])))
                        .update();
            }
        }
    }
}
