package nl.deelpoort.gateway.logstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import nl.deelpoort.gateway.support.IntegrationTest;
import nl.deelpoort.ledger.EntryKind;
import nl.deelpoort.ledger.LogEntry;
import nl.deelpoort.ledger.LogEntryCodec;
import nl.deelpoort.ledger.merkle.CompactTree;
import nl.deelpoort.ledger.merkle.MerkleHash;
import nl.deelpoort.ledger.merkle.MerkleVerifier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.datasource.AbstractDataSource;

class LogSequencerIT extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    DisclosureLog log;

    @Autowired
    LogReader reader;

    @Test
    void twoSequencersOnOneDatabaseBuildOneConsistentTree() throws Exception {
        int writers = 8;
        int perWriter = 60;
        String run = UUID.randomUUID().toString();
        List<Long> seqs = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(2 * writers);
        // b's clock is an hour behind a's: registration times must still never go back along the seqs.
        try (LogSequencer a = sequencer(dataSource);
                LogSequencer b = sequencer(
                        dataSource, Clock.offset(Clock.systemUTC(), Duration.ofHours(-1)), new SimpleMeterRegistry())) {
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int w = 0; w < 2 * writers; w++) {
                LogSequencer s = w % 2 == 0 ? a : b;
                int writer = w;
                results.add(pool.submit(() -> {
                    List<Long> mine = new ArrayList<>();
                    for (int i = 0; i < perWriter; i++) {
                        LogEntry e = LogEntry.builder(EntryKind.EVALUATION)
                                .purpose("SIGNAL")
                                .attributes(Map.of("run", run, "writer", Integer.toString(writer)))
                                .build();
                        mine.add(s.submit(e).get(30, TimeUnit.SECONDS));
                    }
                    return mine;
                }));
            }
            for (Future<List<Long>> f : results) {
                seqs.addAll(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(seqs).hasSize(2 * writers * perWriter);
        assertThat(new HashSet<>(seqs)).as("no seq handed out twice").hasSize(seqs.size());

        // Recompute the whole tree from the entries' canonical bytes and compare with the root that
        // the stored subtrees give: both sequencers extended one and the same tree.
        long size = reader.size();
        CompactTree recomputed = new CompactTree();
        Set<Long> runEntries = new HashSet<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT seq, canonical, leaf_hash FROM log_entry WHERE seq < ? ORDER BY seq")) {
            ps.setLong(1, size);
            try (ResultSet rs = ps.executeQuery()) {
                long expected = 0;
                Instant previousTime = Instant.MIN;
                while (rs.next()) {
                    assertThat(rs.getLong(1)).as("no gap").isEqualTo(expected++);
                    byte[] canonical = rs.getBytes(2);
                    assertThat(rs.getBytes(3)).isEqualTo(MerkleHash.leafHash(canonical));
                    LogEntry e = LogEntryCodec.decode(canonical);
                    assertThat(e.seq()).isEqualTo(rs.getLong(1));
                    assertThat(e.registeredAt())
                            .as("registered at %s, after seq %d at %s", e.registeredAt(), e.seq() - 1, previousTime)
                            .isAfterOrEqualTo(previousTime);
                    previousTime = e.registeredAt();
                    if (run.equals(e.attributes().get("run"))) {
                        runEntries.add(e.seq());
                    }
                    recomputed.add(rs.getBytes(3));
                }
                assertThat(expected).isEqualTo(size);
            }
        }
        assertThat(runEntries).containsExactlyInAnyOrderElementsOf(seqs);
        assertThat(registrationTimesGoingBack()).isZero();
        assertThat(reader.rootHash(size)).isEqualTo(recomputed.root());
        for (long seq : List.of(seqs.get(0), seqs.get(seqs.size() / 2), seqs.get(seqs.size() - 1))) {
            LogReader.InclusionProof p = reader.inclusionProof(seq, size);
            assertThat(MerkleVerifier.verifyInclusion(seq, size, p.leafHash(), p.hashes(), recomputed.root()))
                    .isTrue();
        }
    }

    @Test
    void withoutADatabaseTheCallerGetsAnExceptionNotASeq() {
        DataSource down = new AbstractDataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                throw new SQLException("connection refused");
            }

            @Override
            public Connection getConnection(String username, String password) throws SQLException {
                return getConnection();
            }
        };
        try (LogSequencer s = sequencer(down)) {
            CompletableFuture<Long> seq = s.submit(probe("down"));
            assertThatThrownBy(() -> seq.get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(LogUnavailableException.class);
            DisclosureLog broken = new DisclosureLog(s, Duration.ofSeconds(10));
            assertThatThrownBy(() -> broken.append(probe("down"))).isInstanceOf(LogUnavailableException.class);
        }
    }

    @Test
    void aFailureAfterTheInsertsWritesNothing() throws Exception {
        // The batch's statements all run (lock, entries and subtrees); its COMMIT fails, as when the WAL
        // cannot be flushed: nothing of it may be in the log, and its caller gets no seq.
        long sizeBefore = reader.size();
        String marker = UUID.randomUUID().toString();
        try (LogSequencer s = sequencer(failingOnCommit(dataSource))) {
            CompletableFuture<Long> seq = s.submit(probe(marker));
            assertThatThrownBy(() -> seq.get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(LogUnavailableException.class);
        }
        assertThat(reader.size()).isEqualTo(sizeBefore);
        assertThat(entriesMentioning(marker)).isZero();
        // The log goes on from where it was, with the next seq.
        assertThat(log.append(probe("after"))).isEqualTo(sizeBefore);
    }

    @Test
    void aSequencerAloneWritesEachBatchAfterItsFirstInOneRoundTrip() throws Exception {
        try (LogSequencer s = sequencer(dataSource)) {
            long first = s.submit(probe("steps")).get(10, TimeUnit.SECONDS);
            long second = s.submit(probe("one trip")).get(10, TimeUnit.SECONDS);
            long third = s.submit(probe("one trip again")).get(10, TimeUnit.SECONDS);
            assertThat(List.of(second, third)).containsExactly(first + 1, first + 2);
            assertThat(s.paths()).isEqualTo(new LogSequencer.Paths(2, 0, 1));
            assertThat(registeredAt(third)).isAfterOrEqualTo(registeredAt(first));
        }
    }

    @Test
    void aSequencerThatFindsTheLogMovedOnWritesNothingThenTakesTheSteps() throws Exception {
        try (LogSequencer a = sequencer(dataSource);
                LogSequencer b = sequencer(dataSource)) {
            long first = a.submit(probe("a, steps")).get(10, TimeUnit.SECONDS);
            assertThat(a.submit(probe("a, one trip")).get(10, TimeUnit.SECONDS)).isEqualTo(first + 1);
            assertThat(b.submit(probe("b")).get(10, TimeUnit.SECONDS)).isEqualTo(first + 2);
            // a's one trip finds b's entry at the end: it writes nothing and takes the steps, for this
            // batch and the next STEPS_AFTER_MISS ones, its tree caught up from b's leaf (not restored).
            assertThat(a.submit(probe("a, missed")).get(10, TimeUnit.SECONDS)).isEqualTo(first + 3);
            assertThat(a.paths()).isEqualTo(new LogSequencer.Paths(1, 1, 1));
            for (int i = 0; i < LogSequencer.STEPS_AFTER_MISS; i++) {
                a.submit(probe("a, steps after the miss")).get(10, TimeUnit.SECONDS);
            }
            assertThat(a.paths()).isEqualTo(new LogSequencer.Paths(1, 1, 1));
            a.submit(probe("a, one trip again")).get(10, TimeUnit.SECONDS);
            assertThat(a.paths()).isEqualTo(new LogSequencer.Paths(2, 1, 1));
        }
        assertThat(registrationTimesGoingBack()).isZero();
        assertStoredRootIsTheLeaves();
    }

    @Test
    void aSequencerFarBehindRestoresItsTreeAndOneJustBehindCatchesUp() throws Exception {
        try (LogSequencer a = sequencer(dataSource);
                LogSequencer b = sequencer(dataSource)) {
            long first = a.submit(probe("a")).get(10, TimeUnit.SECONDS);
            List<CompletableFuture<Long>> many = new ArrayList<>();
            for (int i = 0; i <= LogSequencer.CATCH_UP_LIMIT; i++) {
                many.add(b.submit(probe("b, " + i)));
                if (many.size() == 500) { // the test sequencer's queue holds 1,000
                    CompletableFuture.allOf(many.toArray(CompletableFuture[]::new))
                            .get(60, TimeUnit.SECONDS);
                    many.clear();
                }
            }
            CompletableFuture.allOf(many.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            // a is CATCH_UP_LIMIT + 1 entries behind: its one trip misses, and its tree is restored from
            // the stored subtree hashes rather than caught up from that many leaves.
            long behind = first + 1 + LogSequencer.CATCH_UP_LIMIT + 1;
            assertThat(a.submit(probe("a, far behind")).get(10, TimeUnit.SECONDS))
                    .isEqualTo(behind);
            assertThat(a.paths()).isEqualTo(new LogSequencer.Paths(0, 1, 2));
            // b is one entry behind: its one trip misses and its tree is caught up from that entry's leaf.
            long restoredBefore = b.paths().restored();
            assertThat(b.submit(probe("b, just behind")).get(10, TimeUnit.SECONDS))
                    .isEqualTo(behind + 1);
            assertThat(b.paths().missedEnd()).isOne();
            assertThat(b.paths().restored()).isEqualTo(restoredBefore);
        }
        assertThat(registrationTimesGoingBack()).isZero();
        assertStoredRootIsTheLeaves();
    }

    /** The root from the stored subtree hashes is the one of the stored leaves, recomputed one by one. */
    private void assertStoredRootIsTheLeaves() throws SQLException {
        long size = reader.size();
        CompactTree recomputed = new CompactTree();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT leaf_hash FROM log_entry WHERE seq < ? ORDER BY seq")) {
            ps.setLong(1, size);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    recomputed.add(rs.getBytes(1));
                }
            }
        }
        assertThat(reader.rootHash(size)).isEqualTo(recomputed.root());
    }

    @Test
    void aBatchWrittenInOneRoundTripThatFailsLeavesNothingAndReleasesTheLock() throws Exception {
        // The one-trip batch is two statements in one execute; a third one that fails after both stands
        // for anything failing before the commit: the implicit transaction must take the entries and
        // subtrees with it, and the append lock must be free for the next batch.
        assertAFailedOneTripBatchLeavesNothing(failingAfterOneTripInserts(dataSource));
    }

    /**
     * Through {@code failing}, a sequencer's second batch (its first in one trip) fails after its inserts:
     * its caller gets no seq, nothing of it is in the log, and the next batches take the seq it did not.
     */
    private void assertAFailedOneTripBatchLeavesNothing(DataSource failing) throws Exception {
        String marker = UUID.randomUUID().toString();
        try (LogSequencer s = sequencer(failing)) {
            long first = s.submit(probe("before")).get(10, TimeUnit.SECONDS);
            CompletableFuture<Long> failed = s.submit(probe(marker));
            assertThatThrownBy(() -> failed.get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(LogUnavailableException.class);
            assertThat(entriesMentioning(marker)).isZero();
            assertThat(reader.size()).isEqualTo(first + 1);
            // The next batch takes the steps (the tree is rebuilt) and gets the seq the failed one did not.
            assertThat(s.submit(probe("after")).get(10, TimeUnit.SECONDS)).isEqualTo(first + 1);
            assertThat(log.append(probe("main sequencer after"))).isEqualTo(first + 2);
        }
    }

    @Test
    void aPoolWithoutAutoCommitGetsItsOneTripBatchesCommittedAndAFailedOneRolledBack() throws Exception {
        // The one-trip batch relies on auto-commit for its implicit transaction; on a pool configured
        // without it the sequencer commits the batch itself (entries visible to another connection) and
        // rolls a failed one back (nothing of it left, the lock free for the next batch).
        try (LogSequencer s = sequencer(withoutAutoCommit(dataSource))) {
            long first = s.submit(probe("steps")).get(10, TimeUnit.SECONDS);
            String marker = UUID.randomUUID().toString();
            assertThat(s.submit(probe(marker)).get(10, TimeUnit.SECONDS)).isEqualTo(first + 1);
            assertThat(s.paths()).isEqualTo(new LogSequencer.Paths(1, 0, 1));
            assertThat(entriesMentioning(marker)).isOne();
            assertThat(log.append(probe("main sequencer"))).isEqualTo(first + 2);
        }
        assertAFailedOneTripBatchLeavesNothing(failingAfterOneTripInserts(withoutAutoCommit(dataSource)));
    }

    @Test
    void everyAppendIsTimedFromSubmitToCommitAndEveryBatchMeasured() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        int entries = 40;
        List<CompletableFuture<Long>> seqs = new ArrayList<>();
        try (LogSequencer s = sequencer(dataSource, meters)) {
            for (int i = 0; i < entries; i++) {
                seqs.add(s.submit(probe("metered")));
            }
            long last = 0;
            for (CompletableFuture<Long> seq : seqs) {
                last = Math.max(last, seq.get(10, TimeUnit.SECONDS));
            }
            Timer committed = meters.get("deelpoort.log.append")
                    .tag("outcome", "committed")
                    .timer();
            assertThat(committed.count()).isEqualTo(entries);
            assertThat(committed.totalTime(TimeUnit.NANOSECONDS)).isPositive();
            assertThat(meters.get("deelpoort.log.append")
                            .tag("outcome", "failed")
                            .timer()
                            .count())
                    .isZero();
            var batches = meters.get("deelpoort.log.batch.size").summary();
            assertThat(batches.totalAmount()).isEqualTo(entries);
            assertThat(batches.count()).isBetween(1L, (long) entries);
            assertThat(meters.get("deelpoort.log.size").gauge().value()).isGreaterThanOrEqualTo(last + 1);
            assertThat(new LogSequencerHealth(s, Duration.ofSeconds(10))
                            .health()
                            .getStatus())
                    .isEqualTo(Status.UP);
        }
    }

    @Test
    void aSequencerThatCannotCommitIsNotReadyAndAStoppedOneNeither() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        DataSource down = new AbstractDataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                throw new SQLException("connection refused");
            }

            @Override
            public Connection getConnection(String username, String password) throws SQLException {
                return getConnection();
            }
        };
        LogSequencer s = sequencer(down, meters);
        LogSequencerHealth health = new LogSequencerHealth(s, Duration.ofSeconds(10));
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        CompletableFuture<Long> seq = s.submit(probe("down"));
        assertThatThrownBy(() -> seq.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.health().getDetails()).containsEntry("problem", "last batch not committed");
        assertThat(meters.get("deelpoort.log.append")
                        .tag("outcome", "failed")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(meters.get("deelpoort.log.batch.size").summary().count()).isEqualTo(1);
        // Once the failure is older than the window the sequencer gets its chance again: readiness does
        // not wait for traffic to prove that the database is back.
        Thread.sleep(500);
        assertThat(new LogSequencerHealth(s, Duration.ofMillis(400)).health().getStatus())
                .isEqualTo(Status.UP);
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        s.close();
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.health().getDetails()).containsEntry("problem", "stopped");
    }

    @Test
    void aSequencerStuckInAWriteIsNotReady() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        DataSource hanging = new AbstractDataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new SQLException("gave up");
            }

            @Override
            public Connection getConnection(String username, String password) throws SQLException {
                return getConnection();
            }
        };
        try (LogSequencer s = sequencer(hanging)) {
            LogSequencerHealth health = new LogSequencerHealth(s, Duration.ofMillis(300));
            CompletableFuture<Long> seq = s.submit(probe("hangs"));
            Thread.sleep(1_000);
            assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.health().getDetails()).containsEntry("problem", "stalled");
            release.countDown();
            assertThatThrownBy(() -> seq.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        }
    }

    @Test
    void registrationTimeNeverGoesBackWhenTheClockDoes() throws Exception {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        SettableClock clock = new SettableClock(start);
        try (LogSequencer s = sequencer(dataSource, clock, new SimpleMeterRegistry())) {
            long first = s.submit(probe("clock")).get(10, TimeUnit.SECONDS);
            Instant firstAt = registeredAt(first);
            assertThat(firstAt).isAfterOrEqualTo(start);

            clock.set(start.minus(Duration.ofDays(1)));
            long second = s.submit(probe("clock went back")).get(10, TimeUnit.SECONDS);
            assertThat(second).isGreaterThan(first);
            assertThat(registeredAt(second)).as("not a day back").isEqualTo(firstAt);

            clock.set(start.plusMillis(5));
            long third = s.submit(probe("clock forward")).get(10, TimeUnit.SECONDS);
            assertThat(registeredAt(third)).isAfter(firstAt);
        }
        // Another sequencer on the same database (another gateway instance) whose clock is behind
        // continues from the log's last time, not from its own clock.
        Instant last = registeredAt(reader.size() - 1);
        try (LogSequencer other =
                sequencer(dataSource, new SettableClock(start.minus(Duration.ofHours(1))), new SimpleMeterRegistry())) {
            long seq = other.submit(probe("other instance")).get(10, TimeUnit.SECONDS);
            assertThat(registeredAt(seq)).isEqualTo(last);
        }
        assertThat(registrationTimesGoingBack()).isZero();
    }

    /** registered_at of an entry, from its canonical bytes; asserts that the column says the same. */
    private Instant registeredAt(long seq) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT canonical, registered_at FROM log_entry WHERE seq = ?")) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                Instant at = LogEntryCodec.decode(rs.getBytes(1)).registeredAt();
                assertThat(rs.getObject(2, OffsetDateTime.class).toInstant()).isEqualTo(at);
                return at;
            }
        }
    }

    /** Entries of the whole log registered before the entry with the seq before theirs. */
    private long registrationTimesGoingBack() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM (SELECT registered_at"
                        + " < lag(registered_at) OVER (ORDER BY seq) AS back FROM log_entry) t WHERE back")) {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** A clock the test sets, backwards too. */
    private static final class SettableClock extends Clock {
        private volatile Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    private long entriesMentioning(String marker) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT count(*) FROM log_entry WHERE position(convert_to(?, 'UTF8') IN canonical) > 0")) {
            ps.setString(1, marker);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static LogEntry probe(String marker) {
        return LogEntry.builder(EntryKind.EVALUATION)
                .attributes(Map.of("probe", marker))
                .build();
    }

    private static LogSequencer sequencer(DataSource ds) {
        return sequencer(ds, new SimpleMeterRegistry());
    }

    private static LogSequencer sequencer(DataSource ds, MeterRegistry meters) {
        return sequencer(ds, Clock.systemUTC(), meters);
    }

    private static LogSequencer sequencer(DataSource ds, Clock clock, MeterRegistry meters) {
        return new LogSequencer(ds, 64, Duration.ZERO, 1000, clock, new LogMetrics(meters, Clock.systemUTC()));
    }

    /** The real database, except that the one-round-trip batch fails after its inserts, before its commit. */
    private static DataSource failingAfterOneTripInserts(DataSource real) {
        return intercepted(real, (method, args) -> {
            if (method.equals("prepareStatement") && args[0] instanceof String sql && sql.contains("at_end")) {
                Object[] changed = args.clone();
                changed[0] = sql + "; SELECT 1 / 0";
                return changed;
            }
            return args;
        });
    }

    /** The real database, except that a commit fails (and the transaction is left to roll back). */
    private static DataSource failingOnCommit(DataSource real) {
        return intercepted(real, (method, args) -> {
            if (method.equals("commit")) {
                throw new SQLException("could not flush the WAL: disk full");
            }
            return args;
        });
    }

    /** The real database, its connections handed out with auto-commit off (as a pool may be configured). */
    private static DataSource withoutAutoCommit(DataSource real) {
        return new AbstractDataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                Connection c = real.getConnection();
                c.setAutoCommit(false);
                return c;
            }

            @Override
            public Connection getConnection(String username, String password) throws SQLException {
                return getConnection();
            }
        };
    }

    /** What a call on a connection passes through first: the arguments to go on with, or an exception. */
    private interface Interceptor {
        Object[] before(String method, Object[] args) throws SQLException;
    }

    /** The real database, every call on its connections passed through {@code interceptor} first. */
    private static DataSource intercepted(DataSource real, Interceptor interceptor) {
        return new AbstractDataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                Connection c = real.getConnection();
                return (Connection) Proxy.newProxyInstance(
                        Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, m, args) -> {
                            Object[] passed = interceptor.before(m.getName(), args);
                            try {
                                return m.invoke(c, passed);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }

            @Override
            public Connection getConnection(String username, String password) throws SQLException {
                return getConnection();
            }
        };
    }

    // Requests may hold a connection of the main pool (and a lock) while they wait for their entry to be
    // committed. With every main connection held that way, the sequencer must still commit: it has a pool
    // of its own.
    @Test
    void anAppendCommitsWhileEveryConnectionOfTheMainPoolIsHeld() throws Exception {
        HikariDataSource main = dataSource.unwrap(HikariDataSource.class);
        String marker = UUID.randomUUID().toString();
        List<Connection> held = new ArrayList<>();
        long seq;
        try {
            while (held.size() < main.getMaximumPoolSize()) {
                held.add(main.getConnection());
            }
            assertThat(main.getHikariPoolMXBean().getActiveConnections()).isEqualTo(main.getMaximumPoolSize());
            seq = log.append(LogEntry.builder(EntryKind.EVALUATION).attributes(Map.of("probe", marker)));
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
        LogReader.StoredEntry stored = reader.entry(seq).orElseThrow();
        assertThat(LogEntryCodec.decode(stored.canonical()).attributes()).containsEntry("probe", marker);
    }
}
