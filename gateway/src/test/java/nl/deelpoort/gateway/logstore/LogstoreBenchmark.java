package nl.deelpoort.gateway.logstore;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import nl.deelpoort.devkit.EmbeddedDatabase;
import nl.deelpoort.gateway.support.BenchDatabase;
import nl.deelpoort.ledger.EntryKind;
import nl.deelpoort.ledger.LogEntry;
import nl.deelpoort.ledger.LogEntryCodec;
import nl.deelpoort.ledger.Pseudonyms;
import nl.deelpoort.ledger.merkle.MerkleHash;
import nl.deelpoort.ledger.merkle.MerkleVerifier;

/**
 * Figures for docs/benchmarks/logstore.md; a plain main, never run by {@code verify}. Starts its own
 * embedded PostgreSQL (devkit), migrates it as the gateway does, and measures as the app role:
 *
 * <ol>
 *   <li>append throughput with 16 concurrent writers through the sequencer, against the same writers
 *       doing plain single-row INSERTs (autocommit) into a table with the same columns and indexes;
 *   <li>inclusion-proof latency (proof and root from stored subtrees) on a log of 1,000,000 entries,
 *       loaded through the sequencer itself;
 *   <li>storage bytes per entry.
 * </ol>
 *
 * Arguments (all optional): {@code seconds=10 writers=16 entries=1000000 samples=20000}.
 */
public final class LogstoreBenchmark {

    public static void main(String[] args) throws Exception {
        Map<String, String> a = BenchDatabase.arguments(args);
        int seconds = Integer.parseInt(a.getOrDefault("seconds", "10"));
        int writers = Integer.parseInt(a.getOrDefault("writers", "16"));
        long entries = Long.parseLong(a.getOrDefault("entries", "1000000"));
        int samples = Integer.parseInt(a.getOrDefault("samples", "20000"));
        int batch = Integer.parseInt(a.getOrDefault("batch", "16"));

        try (EmbeddedDatabase db = BenchDatabase.migrated()) {
            createPlainTable(db);
            try (HikariDataSource app = BenchDatabase.appPool(db, writers + 4)) {
                System.out.printf("PostgreSQL %s, %d cores, %d writers%n", version(app), cores(), writers);
                throughput(app, writers, seconds, batch);
                if (entries > 0) {
                    load(app, entries);
                    proofLatency(app, samples);
                    storage(app);
                }
            }
        }
    }

    // ---------------------------------------------------------------- 1. throughput

    /**
     * Four ways of writing the same rows, side by side. "bulk" is the baseline of issue 15: each of the
     * writers inserts {@code batch} rows at a time into {@code bench_plain} (log_entry's columns and
     * indexes, an identity seq, no sequencer, no Merkle tree) in one transaction, the rows' canonical
     * bytes and leaf hashes computed by the writer; once as one multi-row {@code INSERT … SELECT FROM
     * unnest(arrays)} and once as a binary COPY, the faster of the two being the baseline. The sequencer
     * is run with the writers each submitting {@code batch} entries and waiting for all of them (the
     * same rows in the same amounts), and with each writer waiting for every entry (how the gateway
     * uses it: one entry per pull).
     */
    private static void throughput(HikariDataSource app, int writers, int seconds, int batch) throws Exception {
        double plain = run("plain INSERT", writers, seconds, 1, () -> insertPlain(app));
        double bulkInsert = run("bulk INSERT", writers, seconds, batch, () -> BenchRows.insert(app, batch));
        double bulkCopy = run("bulk COPY", writers, seconds, batch, () -> BenchRows.copy(app, batch));
        double bulk = Math.max(bulkInsert, bulkCopy);
        double seq;
        try (Sequencer s = new Sequencer(app)) {
            seq = run("sequencer", writers, seconds, 1, () -> {
                s.sequencer.submit(typical()).get();
            });
            s.close();
            s.printPhases("sequencer, 1 entry per writer");
        }
        double seqBatched;
        try (Sequencer s = new Sequencer(app)) {
            seqBatched = run("sequencer bulk", writers, seconds, batch, () -> {
                CompletableFuture<?>[] all = new CompletableFuture<?>[batch];
                for (int i = 0; i < batch; i++) {
                    all[i] = s.sequencer.submit(typical());
                }
                CompletableFuture.allOf(all).get();
            });
            s.close();
            s.printPhases("sequencer bulk, " + batch + " entries per writer");
        }
        double two = twoSequencers(app, writers, seconds);
        System.out.printf("ratio sequencer / plain INSERT (1 entry per writer): %.2f%n", seq / plain);
        System.out.printf(
                "ratio two sequencers / one (1 entry per writer; two gateway instances on one database): %.2f%n",
                two / seq);
        System.out.printf(
                "ratio sequencer bulk / bulk baseline (%s, %d rows per writer): %.2f%n",
                bulkCopy >= bulkInsert ? "COPY" : "INSERT", batch, seqBatched / bulk);
        System.out.printf("ratio sequencer (1 entry per writer) / bulk baseline: %.2f%n", seq / bulk);
    }

    /**
     * Two gateway instances on one database: the writers split over two sequencers, one entry each. Every
     * batch of one that follows a batch of the other finds the log moved on: a one-trip batch then writes
     * nothing and the sequencer takes the steps for its next batches. Prints how each sequencer's batches
     * went; returns entries/s.
     */
    private static double twoSequencers(HikariDataSource app, int writers, int seconds) throws Exception {
        try (Sequencer a = new Sequencer(app);
                Sequencer b = new Sequencer(app)) {
            AtomicInteger next = new AtomicInteger();
            ThreadLocal<LogSequencer> mine =
                    ThreadLocal.withInitial(() -> (next.getAndIncrement() % 2 == 0 ? a : b).sequencer);
            double perSecond = run(
                    "two sequencers",
                    writers,
                    seconds,
                    1,
                    () -> mine.get().submit(typical()).get());
            for (Sequencer s : List.of(a, b)) {
                s.close();
                LogSequencer.Paths paths = s.sequencer.paths();
                s.printPhases(String.format(
                        "one of two sequencers (%d batches in one trip, %d found the log moved on, %d trees"
                                + " restored)",
                        paths.oneTrip(), paths.missedEnd(), paths.restored()));
            }
            return perSecond;
        }
    }

    /** A sequencer as the gateway configures it (batches up to 512, no linger), with its own meters. */
    private static final class Sequencer implements AutoCloseable {
        final SimpleMeterRegistry meters = new SimpleMeterRegistry();
        final LogSequencer sequencer;

        Sequencer(HikariDataSource app) {
            sequencer = new LogSequencer(
                    app, 512, Duration.ZERO, 10_000, Clock.systemUTC(), new LogMetrics(meters, Clock.systemUTC()));
        }

        /** Where the writer's time went, per batch and per entry (after close: the writer has stopped). */
        void printPhases(String what) {
            var batches = meters.get("deelpoort.log.batch.size").summary();
            long count = batches.count();
            double entries = batches.totalAmount();
            Map<String, Long> phases = sequencer.phases();
            long writer = phases.entrySet().stream()
                    .filter(e -> !e.getKey().equals("prepare"))
                    .mapToLong(Map.Entry::getValue)
                    .sum();
            System.out.printf(
                    "phases of %s: %d batches, %.1f entries per batch; writer busy %.0f us per batch%n",
                    what, count, entries / count, writer / 1e3 / count);
            phases.forEach((name, nanos) -> System.out.printf(
                    "  %-16s %9.1f us/batch %7.2f us/entry %5.1f %%%s%n",
                    name,
                    nanos / 1e3 / count,
                    nanos / 1e3 / entries,
                    100.0 * nanos / writer,
                    name.equals("prepare") ? " (callers' threads, off the lock; % of the writer's time)" : ""));
        }

        @Override
        public void close() {
            sequencer.close();
        }
    }

    private interface Op {
        void run() throws Exception;
    }

    private static double run(String name, int writers, int seconds, int perOp, Op op) throws Exception {
        LongAdder done = new LongAdder();
        long warmupEnd = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        List<Thread> threads = new ArrayList<>();
        long end = warmupEnd + Duration.ofSeconds(seconds).toNanos();
        for (int w = 0; w < writers; w++) {
            Thread t = new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        op.run();
                        if (System.nanoTime() > warmupEnd) {
                            done.add(perOp);
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        long count = done.sum();
        double perSecond = count / (double) seconds;
        System.out.printf(
                "%-14s %8.0f entries/s (%d in %d s, %d writers, %d per op)%n",
                name, perSecond, count, seconds, writers, perOp);
        return perSecond;
    }

    private static void insertPlain(HikariDataSource app) throws SQLException {
        LogEntry e = typical().sequenced(0, java.time.Instant.now());
        byte[] canonical = LogEntryCodec.encode(e);
        byte[] leaf = MerkleHash.leafHash(canonical);
        try (Connection c = app.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("INSERT INTO bench_plain (canonical, leaf_hash, registered_at,"
                                + " kind, decision, purpose, legal_basis, flow, requesting_organisation, holder, recipient,"
                                + " subject_pseudonym, consent_id, override_id, measure_id, confidential, retention_until)"
                                + " VALUES (?, ?, now(), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int i = 1;
            ps.setBytes(i++, canonical);
            ps.setBytes(i++, leaf);
            ps.setString(i++, e.kind().name());
            ps.setString(i++, e.decision());
            ps.setString(i++, e.purpose());
            ps.setString(i++, e.legalBasis());
            ps.setString(i++, e.flow());
            ps.setString(i++, e.requestingOrganisation());
            ps.setString(i++, e.holder());
            ps.setString(i++, e.recipient());
            ps.setString(i++, e.subjectPseudonym());
            ps.setString(i++, e.consentId());
            ps.setString(i++, e.overrideId());
            ps.setString(i++, e.measureId());
            ps.setBoolean(i++, e.confidential());
            ps.setObject(i, e.retentionUntil());
            ps.executeUpdate();
        }
    }

    /** log_entry's columns and indexes, with an identity seq: what a log without a sequencer would be. */
    private static void createPlainTable(EmbeddedDatabase db) throws SQLException {
        try (Connection c = java.sql.DriverManager.getConnection(
                        db.jdbcUrl() + "?currentSchema=deelpoort",
                        EmbeddedDatabase.OWNER,
                        EmbeddedDatabase.OWNER_PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE bench_plain (LIKE log_entry INCLUDING ALL)");
            s.execute("ALTER TABLE bench_plain ALTER COLUMN seq ADD GENERATED ALWAYS AS IDENTITY");
            s.execute("GRANT SELECT, INSERT ON bench_plain TO " + EmbeddedDatabase.APP);
        }
    }

    // ---------------------------------------------------------------- 2. proofs on a large log

    private static void load(HikariDataSource app, long target) throws Exception {
        long start = System.nanoTime();
        long have = new LogReader(app).size();
        try (LogSequencer sequencer =
                new LogSequencer(app, 4096, Duration.ZERO, 100_000, Clock.systemUTC(), metrics())) {
            List<CompletableFuture<Long>> window = new ArrayList<>();
            for (long i = have; i < target; i++) {
                window.add(sequencer.submit(typical()));
                if (window.size() == 50_000) {
                    CompletableFuture.allOf(window.toArray(new CompletableFuture[0]))
                            .get();
                    window.clear();
                }
            }
            CompletableFuture.allOf(window.toArray(new CompletableFuture[0])).get();
        }
        double s = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "loaded %d entries through the sequencer (batches up to 4096) in %.1f s: %.0f entries/s%n",
                target - have, s, (target - have) / s);
        try (Connection c = app.getConnection();
                Statement st = c.createStatement()) {
            st.execute("ANALYZE log_entry");
            st.execute("ANALYZE log_subtree");
        } catch (SQLException e) {
            // The app role may not analyse tables it does not own; autovacuum will.
        }
    }

    private static void proofLatency(HikariDataSource app, int samples) {
        LogReader reader = new LogReader(app);
        long size = reader.size();
        byte[] root = reader.rootHash(size);
        int warmup = Math.max(1000, samples / 10);
        long[] nanos = new long[samples];
        for (int i = -warmup; i < samples; i++) {
            long seq = ThreadLocalRandom.current().nextLong(size);
            long t0 = System.nanoTime();
            LogReader.InclusionProof p = reader.inclusionProof(seq, size);
            long t = System.nanoTime() - t0;
            if (i >= 0) {
                nanos[i] = t;
            }
            if (i % 1000 == 0 && !MerkleVerifier.verifyInclusion(seq, size, p.leafHash(), p.hashes(), root)) {
                throw new IllegalStateException("proof does not verify: " + seq);
            }
        }
        Arrays.sort(nanos);
        System.out.printf(
                "inclusion proof + root, log of %d entries, %d samples: p50 %.3f ms, p99 %.3f ms, max %.3f ms%n",
                size, samples, nanos[samples / 2] / 1e6, nanos[(int) (samples * 0.99)] / 1e6, nanos[samples - 1] / 1e6);
    }

    // ---------------------------------------------------------------- 3. storage

    private static void storage(HikariDataSource app) throws SQLException {
        try (Connection c = app.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT (SELECT count(*) FROM log_entry),"
                                + " pg_total_relation_size('log_entry'), pg_relation_size('log_entry'),"
                                + " pg_total_relation_size('log_subtree'), (SELECT avg(octet_length(canonical)) FROM log_entry)")) {
            rs.next();
            long n = rs.getLong(1);
            System.out.printf(
                    "storage: %d entries; log_entry %.0f B/entry (heap+toast %.0f, indexes %.0f), log_subtree %.0f B/entry,"
                            + " total %.0f B/entry; canonical bytes avg %.0f%n",
                    n,
                    rs.getLong(2) / (double) n,
                    rs.getLong(3) / (double) n,
                    (rs.getLong(2) - rs.getLong(3)) / (double) n,
                    rs.getLong(4) / (double) n,
                    (rs.getLong(2) + rs.getLong(4)) / (double) n,
                    rs.getDouble(5));
        }
    }

    // ---------------------------------------------------------------- helpers

    private static final String[] ORGS = {
        "plusteam", "gemeente-waalre", "gemeente-geldrop-mierlo", "porthos", "gi-intervence"
    };

    /** An entry shaped like the ledger's typical test entry, with a fresh subject pseudonym. */
    static LogEntry typical() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        byte[] secret = new byte[32];
        r.nextBytes(secret);
        return LogEntry.builder(EntryKind.DISCLOSURE)
                .traceId("4bf92f3577b34da6a3ce929d0e0e4736")
                .spanId("00f067aa0ba902b7")
                .decision("PARTIAL")
                .reasonCodes(List.of("CATEGORY_NOT_IN_FLOW"))
                .purpose("ESCALATION")
                .legalBasis("CONSENT")
                .flow("F1")
                .agreement("convenant-plusteam-2026")
                .policyVersion("sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
                .requestingOrganisation(ORGS[r.nextInt(ORGS.length)])
                .actingRole("ADVISOR")
                .user("3f1c2b9e-7a4d-4e8b-9c1a-2d5e6f7a8b9c")
                .client("plusteam-system")
                .holder(ORGS[r.nextInt(ORGS.length)])
                .holderRole("MUNICIPAL_ACCESS")
                .recipient(ORGS[r.nextInt(ORGS.length)])
                .recipientRole("ADVISOR")
                .subjectPseudonym(Pseudonyms.pseudonym(secret))
                .categoriesRequested(List.of("BSN", "PERSONALIA", "CASE_NOTES", "HEALTH"))
                .categoriesReleased(List.of("BSN", "PERSONALIA", "CASE_NOTES"))
                .consentId("c-2026-0042")
                .retentionUntil(LocalDate.of(2041, 11, 22))
                .build();
    }

    private static String version(HikariDataSource app) throws SQLException {
        try (Connection c = app.getConnection()) {
            return c.getMetaData().getDatabaseProductVersion();
        }
    }

    private static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    private LogstoreBenchmark() {}

    /** Meters as the gateway registers them, so the benchmark measures the sequencer with its metrics. */
    private static LogMetrics metrics() {
        return new LogMetrics(new SimpleMeterRegistry(), Clock.systemUTC());
    }
}
