package nl.deelpoort.gateway.logstore;

import static java.util.stream.Collectors.joining;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import nl.deelpoort.ledger.EntryField;
import nl.deelpoort.ledger.LogEntry;
import nl.deelpoort.ledger.merkle.CompactTree;
import nl.deelpoort.ledger.merkle.Subtree;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
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
 * instances (each with its own sequencer) append to one log in turn; under the lock, in the same round
 * trip, the writer reads the entries appended since its own last one and adds their leaf hashes to its
 * in-memory frontier (rebuilding the frontier from stored subtrees only when it has none, or is more
 * than {@link #CATCH_UP_LIMIT} entries behind), and takes into the batch what queued while it waited
 * for the lock. While the log ends where this sequencer's last batch left it, a batch costs
 * one round trip: lock, a check of that end under the lock, the inserts and the commit in one implicit
 * transaction ({@link #appendAtKnownEnd}); when another instance appended since, the check writes
 * nothing and the batch takes the steps above, as do the next {@link #STEPS_AFTER_MISS} batches. The
 * primary key on seq turns any fork into an error rather than a second history. The indexed columns
 * next to the canonical bytes are the {@link EntryField}s that name a column.
 *
 * <p>Whatever does not depend on the entry's place in the log is done on the caller's thread in {@link
 * #submit}, before the lock ({@link PreparedEntry}: salt, canonical encoding, the leaf hash up to
 * registeredAt, the search columns); under the lock the writer only fills in seq and registeredAt,
 * finishes the leaf hashes, extends the tree and inserts.
 *
 * <p><b>Registration time is monotone in seq</b>, across every sequencer on the database: under the
 * lock, with the size, the writer reads {@code registered_at} of the last entry (or, in one round trip,
 * knows it: the last entry is its own), and a batch is registered at {@code max(now, that)}
 * (milliseconds, UTC; one time per batch). So for {@code s < t}, {@code registered_at(s) <=
 * registered_at(t)} (not strictly: one batch, or a clock that went back, shares a millisecond), and
 * the entries registered in a period {@code [from, to)} are exactly the seqs {@code [first seq with registered_at >= from, first seq with registered_at >= to)}. (Entries
 * written before this guarantee existed may break it, if a clock went back then.)
 */
final class LogSequencer implements AutoCloseable {

    /** Advisory lock key of the log's append lock: the ASCII bytes of "deelpoor" (any constant will do). */
    static final long APPEND_LOCK = 0x646565_6c706f6f72L;

    private static final Logger log = LoggerFactory.getLogger(LogSequencer.class);

    /** Source of each entry's salt (LogEntry#newSalt): keeps redacted leaf hashes from confirming guesses. */
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The entry fields that {@code log_entry} keeps a column of, apart from seq and registered_at. */
    private static final List<EntryField> COLUMNS = PreparedEntry.COLUMNS;

    /**
     * One INSERT per batch: every column sent as one array, apart from registered_at, which is one time
     * for the whole batch.
     */
    private static final String INSERT_ENTRIES = "INSERT INTO log_entry (seq, registered_at, canonical, leaf_hash, "
            + COLUMNS.stream().map(EntryField::column).collect(joining(", "))
            + ") SELECT u.seq, :registered_at::timestamptz, u.canonical, u.leaf_hash, "
            + COLUMNS.stream().map(f -> "u." + f.column()).collect(joining(", "))
            + " FROM unnest(:seq::bigint[], :canonical::bytea[], :leaf_hash::bytea[], "
            + COLUMNS.stream()
                    .map(f -> ":" + f.column() + "::" + sqlType(f) + "[]")
                    .collect(joining(", "))
            + ") AS u(seq, canonical, leaf_hash, "
            + COLUMNS.stream().map(EntryField::column).collect(joining(", "))
            + ")";

    /** The append lock, held until the transaction ends. */
    private static final String LOCK = "SELECT pg_advisory_xact_lock(" + APPEND_LOCK + ")";

    /**
     * The advisory lock, then the size of the log and the registration time of its last entry: two
     * statements in one round trip. In READ COMMITTED each statement takes its own snapshot, so the
     * second one sees every batch committed before the lock was granted.
     */
    private static final String LOCK_AND_LAST_ENTRY =
            LOCK + "; SELECT seq, registered_at FROM log_entry ORDER BY seq DESC LIMIT 1";

    /**
     * The advisory lock, then this sequencer's last entry and those appended after it (by other
     * instances), up to {@code :limit} rows: from their leaf hashes the sequencer brings its tree up to
     * the log's end in the same round trip, instead of restoring it from the stored subtree hashes.
     */
    private static final String LOCK_AND_ENTRIES_SINCE =
            LOCK + "; SELECT seq, registered_at, leaf_hash FROM log_entry WHERE seq >= :from ORDER BY seq LIMIT :limit";

    /** The subtree hashes of a batch, from their arrays. */
    private static final String INSERT_SUBTREES = "INSERT INTO log_subtree (level, idx, hash)"
            + " SELECT * FROM unnest(:level::smallint[], :idx::bigint[], :hash::bytea[])";

    /** The entries and their subtree hashes in one statement, one round trip. */
    private static final String INSERT = "WITH entries AS (" + INSERT_ENTRIES + ") " + INSERT_SUBTREES;

    /**
     * A batch at the end this sequencer left the log at, in one round trip ({@link #appendAtKnownEnd}):
     * the append lock, then, in a statement of its own (so that its snapshot sees every batch committed
     * before the lock was granted), the entries and their subtree hashes, inserted only if the log's
     * last seq is still {@code :expected_last}; the count of entries written answers. Sent as one
     * prepared statement in auto-commit, the two statements are one implicit transaction that commits
     * at the protocol's Sync, before the answer comes back (LogSequencerIT checks both).
     */
    private static final String APPEND_AT_KNOWN_END = LOCK + ";"
            + " WITH at_end AS (SELECT 1 WHERE coalesce((SELECT seq FROM log_entry ORDER BY seq DESC LIMIT 1), -1)"
            + " = :expected_last),"
            + " entries AS (" + INSERT_ENTRIES + " WHERE EXISTS (SELECT 1 FROM at_end) RETURNING 1),"
            + " subtrees AS (" + INSERT_SUBTREES + " WHERE EXISTS (SELECT 1 FROM at_end) RETURNING 1)"
            + " SELECT count(*) FROM entries"; // a WITH that writes runs to completion, read or not

    private final NamedParameterJdbcTemplate named;
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

    /** When the last batch of {@link #tree} was registered; set with it. Writer thread only. */
    private Instant treeRegisteredAt;

    /** Batches written in one round trip, and those that found another sequencer had appended. */
    private final LongAdder oneTrip = new LongAdder();

    private final LongAdder missedEnd = new LongAdder();

    private final LongAdder restored = new LongAdder();

    /**
     * After a batch found another sequencer had appended, the next batches take the steps without
     * trying one trip first ({@link #STEPS_AFTER_MISS}): with several instances appending at once, a
     * try that misses is a round trip for nothing. Writer thread only.
     */
    private int stepsLeft;

    static final int STEPS_AFTER_MISS = 16;

    /**
     * At most this many entries of other sequencers are caught up from their leaf hashes; further behind,
     * the tree is restored from the stored subtree hashes (log₂ size rows, however far).
     */
    static final int CATCH_UP_LIMIT = 4096;

    /** What {@link #appendAtKnownEnd} returns when the log had moved on: no seq, nothing written. */
    private static final long MISSED = -1;

    /** Where the writer's time went, per step of a batch (nanoseconds); see {@link Phase}. */
    private final long[] phaseNanos = new long[Phase.values().length];

    /** Time spent in {@link #submit} preparing entries on the callers' threads, off the lock. */
    private final LongAdder prepareNanos = new LongAdder();

    private record Pending(PreparedEntry entry, CompletableFuture<Long> seq, long submitted) {}

    /** The steps of a batch, for {@link #phases} (benchmarks; the meters time appends as a whole). */
    enum Phase {
        /** BEGIN, the advisory lock and the read of the last entry: waiting for other sequencers too. */
        LOCK,
        /** Rebuilding the frontier from stored subtrees after another sequencer appended. */
        RESTORE,
        /** Writing seq and registeredAt into the prepared bytes and finishing the leaf hashes. */
        LEAVES,
        /** Extending the Merkle frontier: the subtree hashes that depend on the position. */
        SUBTREES,
        /**
         * Binding the arrays and executing the one INSERT of the entries and their subtree hashes; in a
         * batch written in one round trip ({@link #appendAtKnownEnd}) also the lock and the commit.
         */
        INSERT,
        /** COMMIT, i.e. the WAL flush (synchronous_commit on), of a batch written in steps. */
        COMMIT,
        /** Completing the callers' futures and the meters. */
        COMPLETE
    }

    /** A sequencer writing through {@code dataSource}: its own pool, so that appends never wait for the main one. */
    LogSequencer(
            DataSource dataSource, int batchSize, Duration linger, int queueCapacity, Clock clock, LogMetrics metrics) {
        this.metrics = metrics;
        this.named = new NamedParameterJdbcTemplate(dataSource);
        DataSourceTransactionManager manager = new DataSourceTransactionManager(dataSource);
        // A commit that fails must leave nothing: without this, restoring auto-commit on the connection
        // afterwards would commit the batch whose callers were just told it failed.
        manager.setRollbackOnCommitFailure(true);
        this.transactions = new TransactionTemplate(manager);
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
        long submitted = System.nanoTime();
        PreparedEntry prepared;
        try {
            prepared = PreparedEntry.of(entry, LogEntry.newSalt(RANDOM));
        } catch (RuntimeException bad) {
            // A malformed entry fails on its own, before it could sink a batch.
            CompletableFuture<Long> refused = new CompletableFuture<>();
            failed(new Pending(null, refused, submitted), bad);
            return refused;
        }
        Pending p = new Pending(prepared, new CompletableFuture<>(), submitted);
        prepareNanos.add(System.nanoTime() - submitted);
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
        long[] t = {System.nanoTime()};
        Instant[] registered = new Instant[1];
        long first;
        try {
            first = oneTripDue() ? appendAtKnownEnd(batch, registered, t) : MISSED;
            if (first == MISSED) {
                first = appendInSteps(batch, registered, t);
            }
            treeRegisteredAt = registered[0];
        } catch (RuntimeException e) {
            metrics.batch(batch.size());
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
        metrics.batch(batch.size());
        metrics.logSize(first + batch.size());
        long committedAt = System.nanoTime();
        for (int i = 0; i < batch.size(); i++) {
            Pending p = batch.get(i);
            metrics.appended(committedAt - p.submitted);
            p.seq.complete(first + i);
        }
        phase(Phase.COMPLETE, t[0]);
    }

    /** Whether this batch tries one round trip: the tree is known and no miss asked for steps lately. */
    private boolean oneTripDue() {
        if (stepsLeft > 0) {
            stepsLeft--;
            return false;
        }
        return tree != null;
    }

    /**
     * The batch in steps, in one transaction: lock and read the log's end (with what other sequencers
     * appended since this one's last batch, to bring the tree up to it), take into the batch what was
     * queued while the lock was held by another sequencer, restore the tree from the stored subtree
     * hashes if it could not be brought up to the end, insert, commit. Returns the batch's first seq.
     */
    private long appendInSteps(List<Pending> batch, Instant[] registered, long[] t) {
        Long first = transactions.execute(status -> {
            Last caughtUp = tree != null && tree.size() > 0 ? lockAndCatchUp() : null;
            if (caughtUp == null) {
                tree = null; // restored below from the stored subtree hashes
            }
            Optional<Last> last = caughtUp != null ? Optional.of(caughtUp) : lockAndReadLast();
            // Sequencers of several instances take turns on the lock, a commit each turn: what queued
            // here during the other's turn goes into this one. Otherwise a batch held only the callers
            // that queued before that turn, about half of them (logstore.md, session 10).
            queue.drainTo(batch, batchSize - batch.size());
            long size = last.map(l -> l.seq + 1).orElse(0L);
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            registered[0] = last.map(l -> l.registeredAt).filter(now::isBefore).orElse(now);
            t[0] = phase(Phase.LOCK, t[0]);
            if (tree == null || tree.size() != size) {
                tree = reader.fromStoredHashes(source -> CompactTree.restore(size, source));
                restored.increment();
                t[0] = phase(Phase.RESTORE, t[0]);
            }
            rows(batch, size, registered[0], t).insert(registered[0], t);
            return size;
        });
        t[0] = phase(Phase.COMMIT, t[0]);
        return Objects.requireNonNull(first);
    }

    /**
     * The batch's rows at seqs {@code size…}, registered at {@code registeredAt}: the leaf hashes, and
     * the subtree hashes that {@link #tree} (of {@code size} leaves) gains with them.
     */
    private Rows rows(List<Pending> batch, long size, Instant registeredAt, long[] t) {
        byte[] time = PreparedEntry.time(registeredAt);
        Rows rows = new Rows(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            long seq = size + i;
            PreparedEntry e = batch.get(i).entry;
            byte[] canonical = e.canonical(seq, time);
            rows.add(seq, e, canonical, e.leafHash(canonical));
        }
        t[0] = phase(Phase.LEAVES, t[0]);
        for (byte[] leaf : rows.leaf) {
            for (Subtree st : tree.append(leaf)) {
                if (st.level() > 0) {
                    rows.subtree(st);
                }
            }
        }
        t[0] = phase(Phase.SUBTREES, t[0]);
        return rows;
    }

    /**
     * Writes the batch where this sequencer's last commit left the log, in one round trip: lock, check,
     * insert and commit ({@link #APPEND_AT_KNOWN_END}). The lock and the commit no longer cost a round
     * trip each; what the batch rests on is the same, since the check reads the log's end under the lock
     * as the two-step path does. Registration time stays monotone: the log's last entry is this
     * sequencer's, registered at {@link #treeRegisteredAt}. Returns the batch's first seq, or {@link
     * #MISSED} having written nothing when another sequencer appended since (the steps then bring the
     * tree up to the log's end).
     */
    private long appendAtKnownEnd(List<Pending> batch, Instant[] registered, long[] t) {
        long size = tree.size();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        registered[0] = now.isBefore(treeRegisteredAt) ? treeRegisteredAt : now;
        CompactTree before = tree.copy(); // rows() appends the batch's leaves to the tree
        Rows rows = rows(batch, size, registered[0], t);
        long written = rows.appendAtEnd(size - 1, registered[0], t);
        if (written == batch.size()) {
            oneTrip.increment();
            return size;
        }
        if (written != 0) {
            throw new IllegalStateException("a batch of " + batch.size() + " wrote " + written + " entries");
        }
        missedEnd.increment();
        stepsLeft = STEPS_AFTER_MISS;
        tree = before; // the log up to where this sequencer left it: the steps catch it up
        return MISSED;
    }

    private record Last(long seq, Instant registeredAt) {}

    /**
     * Takes the append lock and brings {@link #tree} up to the log's end from the leaf hashes of the
     * entries other sequencers appended since; returns the log's last entry, or null, the tree untouched,
     * when this sequencer's last entry is not there (the log is not what the tree was built from) or more
     * than {@link #CATCH_UP_LIMIT} entries follow it. On the transaction's connection.
     */
    private Last lockAndCatchUp() {
        long from = tree.size() - 1;
        Map<String, Object> p = new HashMap<>();
        p.put("from", from);
        p.put("limit", CATCH_UP_LIMIT + 2);
        List<byte[]> leaves = new ArrayList<>();
        Last last = named.execute(
                LOCK_AND_ENTRIES_SINCE,
                p,
                ps -> afterLock(ps, rs -> {
                    Last end = null;
                    while (rs.next()) {
                        long seq = rs.getLong(1);
                        if (seq != from + leaves.size()) {
                            return null; // not this sequencer's last entry first, or a gap: restore
                        }
                        leaves.add(rs.getBytes(3));
                        end = new Last(
                                seq, rs.getObject(2, OffsetDateTime.class).toInstant());
                    }
                    return end;
                }));
        if (last == null || leaves.size() > CATCH_UP_LIMIT + 1) {
            return null;
        }
        for (byte[] leaf : leaves.subList(1, leaves.size())) {
            tree.add(leaf);
        }
        return last;
    }

    /** Takes the append lock and reads the last entry, on the transaction's connection. */
    private Optional<Last> lockAndReadLast() {
        return named.execute(
                LOCK_AND_LAST_ENTRY,
                Map.of(),
                ps -> afterLock(
                        ps,
                        rs -> rs.next()
                                ? Optional.of(new Last(
                                        rs.getLong(1),
                                        rs.getObject(2, OffsetDateTime.class).toInstant()))
                                : Optional.empty()));
    }

    /**
     * Runs {@code ps}, a statement that takes the append lock and then reads (the lock statement answers
     * first), and gives the read's rows to {@code read}.
     */
    private static <T> T afterLock(PreparedStatement ps, ResultSetExtractor<T> read) throws SQLException {
        ps.execute();
        if (!ps.getMoreResults()) {
            throw new IllegalStateException("no answer after the append lock");
        }
        try (ResultSet rs = ps.getResultSet()) {
            return read.extractData(rs);
        }
    }

    /** Adds the time since {@code since} to {@code phase}; returns now. Writer thread only. */
    private long phase(Phase phase, long since) {
        long now = System.nanoTime();
        phaseNanos[phase.ordinal()] += now - since;
        return now;
    }

    /**
     * The writer's time per {@link Phase} so far, and the callers' time preparing entries ({@code
     * prepare}), in nanoseconds. Exact once {@link #close} has returned; for benchmarks.
     */
    Map<String, Long> phases() {
        Map<String, Long> m = new java.util.LinkedHashMap<>();
        m.put("prepare", prepareNanos.sum());
        for (Phase p : Phase.values()) {
            m.put(p.name().toLowerCase(java.util.Locale.ROOT), phaseNanos[p.ordinal()]);
        }
        return m;
    }

    /**
     * How the batches went: written in one round trip; tried so and found the log moved on; trees
     * restored from the stored subtree hashes (the first batch's, and when a sequencer was too far behind
     * or failed) rather than caught up from the entries appended since.
     */
    record Paths(long oneTrip, long missedEnd, long restored) {}

    /** For tests and benchmarks. */
    Paths paths() {
        return new Paths(oneTrip.sum(), missedEnd.sum(), restored.sum());
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

    /** The SQL type of a field's column (also the benchmark's bulk rows, {@code BenchRows}). */
    static String sqlType(EntryField f) {
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
    private final class Rows {
        private final int size;
        private final Long[] seq;
        private final PreparedEntry[] entries;
        private final byte[][] canonical;
        private final byte[][] leaf;
        private int n;
        private final List<Short> subtreeLevel = new ArrayList<>();
        private final List<Long> subtreeIndex = new ArrayList<>();
        private final List<byte[]> subtreeHash = new ArrayList<>();

        Rows(int size) {
            this.size = size;
            this.seq = new Long[size];
            this.entries = new PreparedEntry[size];
            this.canonical = new byte[size][];
            this.leaf = new byte[size][];
        }

        void add(long s, PreparedEntry e, byte[] bytes, byte[] leafHash) {
            seq[n] = s;
            entries[n] = e;
            canonical[n] = bytes;
            leaf[n] = leafHash;
            n++;
        }

        void subtree(Subtree st) {
            subtreeLevel.add((short) st.level());
            subtreeIndex.add(st.index());
            subtreeHash.add(st.hash());
        }

        /** The INSERT's parameters, by name. */
        Map<String, Object> parameters(Instant registeredAt) {
            Map<String, Object> p = new HashMap<>();
            p.put("registered_at", PreparedEntry.TIME.format(registeredAt));
            p.put("seq", new SqlArrayValue("bigint", (Object[]) seq));
            p.put("canonical", new SqlArrayValue("bytea", (Object[]) canonical));
            p.put("leaf_hash", new SqlArrayValue("bytea", (Object[]) leaf));
            for (int c = 0; c < COLUMNS.size(); c++) {
                Object[] values = new Object[size];
                for (int i = 0; i < size; i++) {
                    values[i] = entries[i].column(c);
                }
                EntryField f = COLUMNS.get(c);
                p.put(f.column(), new SqlArrayValue(sqlType(f), values));
            }
            p.put("level", new SqlArrayValue("smallint", subtreeLevel.toArray()));
            p.put("idx", new SqlArrayValue("bigint", subtreeIndex.toArray()));
            p.put("hash", new SqlArrayValue("bytea", (Object[]) subtreeHash.toArray(new byte[0][])));
            return p;
        }

        void insert(Instant registeredAt, long[] t) {
            named.update(INSERT, parameters(registeredAt));
            t[0] = phase(Phase.INSERT, t[0]);
        }

        /**
         * {@link #APPEND_AT_KNOWN_END}: the entries written, all of them, or none when the log's last seq
         * is no longer {@code expectedLast}.
         */
        long appendAtEnd(long expectedLast, Instant registeredAt, long[] t) {
            Map<String, Object> p = parameters(registeredAt);
            p.put("expected_last", expectedLast);
            long written = named.execute(APPEND_AT_KNOWN_END, p, ps -> {
                // Auto-commit (Hikari's default) makes the two statements one implicit transaction; a pool
                // configured without it gets the same transaction committed here.
                Connection c = ps.getConnection();
                boolean autoCommit = c.getAutoCommit();
                try {
                    long entriesWritten = afterLock(ps, rs -> {
                        rs.next();
                        return rs.getLong(1);
                    });
                    if (!autoCommit) {
                        c.commit(); // also when nothing was written: it releases the lock
                    }
                    return entriesWritten;
                } catch (SQLException | RuntimeException e) {
                    if (!autoCommit) {
                        rollbackQuietly(c, e);
                    }
                    throw e;
                }
            });
            t[0] = phase(Phase.INSERT, t[0]);
            return written;
        }
    }

    /** Rolls back what a failed batch left on {@code c}; a failure to do so is added to {@code cause}. */
    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
