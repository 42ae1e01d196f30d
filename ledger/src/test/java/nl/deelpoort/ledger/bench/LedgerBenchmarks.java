package nl.deelpoort.ledger.bench;

import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.deelpoort.ledger.LogEntry;
import nl.deelpoort.ledger.LogEntryCodec;
import nl.deelpoort.ledger.TestEntries;
import nl.deelpoort.ledger.merkle.InMemorySubtreeStore;
import nl.deelpoort.ledger.merkle.MerkleHash;
import nl.deelpoort.ledger.merkle.MerkleProofs;
import nl.deelpoort.ledger.verify.ExportLine;
import nl.deelpoort.ledger.verify.LogVerifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * JMH benchmarks of the ledger; run as described in docs/benchmarks/ledger.md, never by {@code
 * verify}. Throughput benchmarks are per operation; the export benchmarks verify the whole export per
 * operation, so entries/s = entries / (seconds per operation).
 */
public class LedgerBenchmarks {

    /** One typical entry. */
    @State(Scope.Thread)
    public static class OneEntry {
        LogEntry entry;
        byte[] canonical;

        @Setup
        public void setUp() {
            entry = TestEntries.typical(123_456);
            canonical = LogEntryCodec.encode(entry);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public byte[] encodeTypicalEntry(OneEntry s) {
        return LogEntryCodec.encode(s.entry);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public LogEntry decodeTypicalEntry(OneEntry s) {
        return LogEntryCodec.decode(s.canonical);
    }

    /** The verifier's check of the canonical form and seq, in place on the bytes (no entry made). */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public boolean validateTypicalEntry(OneEntry s) {
        return LogEntryCodec.isCanonicalEntry(s.canonical, 123_456);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public byte[] leafHashTypicalEntry(OneEntry s) {
        return MerkleHash.leafHash(s.canonical);
    }

    /** An export of generated entries, held in memory as the verifier would read them. */
    @State(Scope.Benchmark)
    public static class Export {
        @Param("1000000")
        int entries;

        byte[][] canonical;
        byte[][] leafHashes;
        List<ExportLine> lines;
        byte[] root;

        @Setup
        public void setUp() {
            canonical = new byte[entries][];
            leafHashes = new byte[entries][];
            for (int i = 0; i < entries; i++) {
                canonical[i] = LogEntryCodec.encode(TestEntries.typical(i));
                leafHashes[i] = MerkleHash.leafHash(canonical[i]);
            }
            lines = new java.util.ArrayList<>(entries);
            for (int i = 0; i < entries; i++) {
                lines.add(new ExportLine(i, canonical[i], leafHashes[i]));
            }
            LogVerifier v = new LogVerifier();
            for (int i = 0; i < entries; i++) {
                v.add(i, canonical[i], leafHashes[i]);
            }
            root = v.root();
        }
    }

    /** The offline verifier's path: batches of 4096 checked on all cores, the tree built in order. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public boolean verifyExport(Export s) {
        LogVerifier v = new LogVerifier(s.entries);
        for (int from = 0; from < s.entries; from += 4096) {
            v.addAll(s.lines.subList(from, Math.min(s.entries, from + 4096)));
        }
        return MessageDigest.isEqual(v.rootAt(s.entries), s.root);
    }

    /** The same checks on one thread: leaf hash, strict decode, seq, tree; then the root. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public boolean verifyExportOneThread(Export s) {
        LogVerifier v = new LogVerifier(s.entries);
        for (int i = 0; i < s.entries; i++) {
            v.add(i, s.canonical[i], s.leafHashes[i]);
        }
        return MessageDigest.isEqual(v.rootAt(s.entries), s.root);
    }

    /** The baseline: plain SHA-256 over the same canonical bytes, nothing else. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public void sha256Baseline(Export s, Blackhole bh) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (int i = 0; i < s.entries; i++) {
            bh.consume(md.digest(s.canonical[i]));
        }
    }

    /** A store of the subtrees of a large tree, as the gateway keeps them. */
    @State(Scope.Benchmark)
    public static class Store {
        @Param("1000000")
        int leaves;

        InMemorySubtreeStore store;
        long next;

        @Setup
        public void setUp() {
            store = new InMemorySubtreeStore();
            for (int i = 0; i < leaves; i++) {
                store.append(
                        MerkleHash.leafHash(Integer.toString(i).getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
            }
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public List<byte[]> inclusionProof(Store s) {
        // A different leaf each time, in a tree whose size is not a power of two.
        s.next = (s.next + 7_919) % s.leaves;
        return MerkleProofs.inclusionProof(s.store, s.next, s.leaves);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public List<byte[]> consistencyProof(Store s) {
        s.next = (s.next + 7_919) % s.leaves;
        return MerkleProofs.consistencyProof(s.store, s.next + 1, s.leaves);
    }
}
