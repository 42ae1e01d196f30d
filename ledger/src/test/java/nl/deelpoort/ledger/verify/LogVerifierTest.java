package nl.deelpoort.ledger.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import nl.deelpoort.ledger.LedgerFormatException;
import nl.deelpoort.ledger.LogEntryCodec;
import nl.deelpoort.ledger.TestEntries;
import nl.deelpoort.ledger.merkle.InMemorySubtreeStore;
import nl.deelpoort.ledger.merkle.MerkleHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogVerifierTest {

    private static List<ExportLine> log(int n) {
        List<ExportLine> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] canonical = LogEntryCodec.encode(TestEntries.typical(i));
            lines.add(new ExportLine(i, canonical, MerkleHash.leafHash(canonical)));
        }
        return lines;
    }

    /** Salted (version 2) entries for even seqs, version 1 for odd ones; every third line redacted. */
    private static List<ExportLine> mixedLog(int n) {
        List<ExportLine> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] canonical = LogEntryCodec.encode(i % 2 == 0 ? TestEntries.typicalSalted(i) : TestEntries.typical(i));
            byte[] leaf = MerkleHash.leafHash(canonical);
            lines.add(i % 3 == 1 ? ExportLine.redacted(i, leaf) : new ExportLine(i, canonical, leaf));
        }
        return lines;
    }

    @Test
    void batchesGiveTheSameRootsAsOneByOne() {
        List<ExportLine> lines = log(300);
        InMemorySubtreeStore store = new InMemorySubtreeStore();
        lines.forEach(l -> store.append(l.leafHash()));
        LogVerifier single = new LogVerifier(0, 100, 300);
        lines.forEach(l -> single.add(l.seq(), l.canonical(), l.leafHash()));
        LogVerifier batched = new LogVerifier(0, 100, 300);
        batched.addAll(lines.subList(0, 128));
        batched.addAll(lines.subList(128, 300));
        for (long size : new long[] {0, 100, 300}) {
            assertThat(batched.rootAt(size)).isEqualTo(single.rootAt(size));
        }
        assertThat(batched.root()).isEqualTo(store.root());
        assertThat(new LogVerifier(301).rootAt(301)).isNull();
        assertThatThrownBy(() -> batched.rootAt(5)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * addAll folds aligned subtrees of up to 256 entries: batches that start and end off any power of
     * two, checkpoints inside a chunk and a mix of redacted lines must still give every root exactly as
     * one by one, and the entries before a bad one must be in the tree.
     */
    @Test
    void unalignedBatchesAndCheckpointsInsideAChunkGiveTheSameRoots() {
        List<ExportLine> lines = mixedLog(1_300);
        long[] sizes = {0, 1, 3, 255, 256, 257, 511, 700, 1_024, 1_299, 1_300};
        LogVerifier single = new LogVerifier(sizes);
        lines.forEach(single::add);
        LogVerifier batched = new LogVerifier(sizes);
        int[] cuts = {0, 5, 6, 300, 301, 777, 1_024, 1_300};
        for (int i = 0; i + 1 < cuts.length; i++) {
            batched.addAll(lines.subList(cuts[i], cuts[i + 1]));
        }
        for (long size : sizes) {
            assertThat(batched.rootAt(size)).as("root at %d", size).isEqualTo(single.rootAt(size));
        }
        assertThat(batched.root()).isEqualTo(single.root());
        assertThat(batched.fullEntries()).isEqualTo(single.fullEntries());
        assertThat(batched.redactedEntries()).isEqualTo(single.redactedEntries());

        List<ExportLine> broken = new ArrayList<>(log(600));
        broken.set(517, new ExportLine(517, broken.get(517).canonical(), new byte[32]));
        LogVerifier v = new LogVerifier(517);
        assertThatThrownBy(() -> v.addAll(broken))
                .isInstanceOfSatisfying(
                        LogVerificationException.class, e -> assertThat(e.seq()).isEqualTo(517))
                .hasMessageContaining("leaf hash does not match");
        LogVerifier expected = new LogVerifier(517);
        broken.subList(0, 517).forEach(expected::add);
        assertThat(v.size()).isEqualTo(517);
        assertThat(v.rootAt(517)).isEqualTo(expected.rootAt(517));
    }

    @Test
    void aBatchNamesItsFirstBadEntry() {
        List<ExportLine> lines = log(50);
        ExportLine late = lines.get(40);
        lines.set(40, new ExportLine(40, late.canonical(), new byte[32]));
        lines.remove(12);
        LogVerifier v = new LogVerifier();
        assertThatThrownBy(() -> v.addAll(lines))
                .isInstanceOfSatisfying(
                        LogVerificationException.class, e -> assertThat(e.seq()).isEqualTo(12))
                .hasMessageContaining("found seq 13");
    }

    @Test
    void exportLinesRoundTrip() {
        ExportLine line = log(1).get(0);
        assertThat(ExportLine.parse(line.format())).isEqualTo(line);
        assertThat(line.format()).startsWith("{\"seq\":0,\"canonical\":\"");
        assertThat(line.redacted()).isFalse();
    }

    @Test
    void aMixOfFullAndRedactedLinesGivesTheRootOfTheWholeLog() {
        List<ExportLine> lines = mixedLog(300);
        InMemorySubtreeStore store = new InMemorySubtreeStore();
        lines.forEach(l -> store.append(l.leafHash()));
        LogVerifier single = new LogVerifier(100, 300);
        lines.forEach(single::add);
        LogVerifier batched = new LogVerifier(100, 300);
        batched.addAll(lines.subList(0, 128));
        batched.addAll(lines.subList(128, 300));
        for (LogVerifier v : List.of(single, batched)) {
            assertThat(v.root()).isEqualTo(store.root());
            assertThat(v.rootAt(300)).isEqualTo(store.root());
            assertThat(v.rootAt(100)).isEqualTo(single.rootAt(100));
            assertThat(v.size()).isEqualTo(300);
            assertThat(v.redactedEntries()).isEqualTo(100);
            assertThat(v.fullEntries()).isEqualTo(200);
        }
        // The same log without redaction gives the same root: redaction does not change the tree.
        LogVerifier full = new LogVerifier();
        for (int i = 0; i < 300; i++) {
            byte[] canonical = LogEntryCodec.encode(i % 2 == 0 ? TestEntries.typicalSalted(i) : TestEntries.typical(i));
            full.add(i, canonical, MerkleHash.leafHash(canonical));
        }
        assertThat(full.root()).isEqualTo(store.root());
        assertThat(full.redactedEntries()).isZero();
        assertThat(full.fullEntries()).isEqualTo(300);
    }

    @Test
    void aRedactedLineOutOfOrderIsNamed() {
        List<ExportLine> lines = mixedLog(50);
        ExportLine redacted = lines.get(10);
        assertThat(redacted.redacted()).isTrue();
        lines.set(10, ExportLine.redacted(11, redacted.leafHash()));
        LogVerifier batched = new LogVerifier();
        assertThatThrownBy(() -> batched.addAll(lines))
                .isInstanceOfSatisfying(
                        LogVerificationException.class, e -> assertThat(e.seq()).isEqualTo(10))
                .hasMessageContaining("found redacted seq 11");
        LogVerifier single = new LogVerifier();
        assertThatThrownBy(() -> lines.forEach(single::add))
                .isInstanceOfSatisfying(
                        LogVerificationException.class, e -> assertThat(e.seq()).isEqualTo(10));
        assertThat(single.size()).isEqualTo(10);
    }

    @Test
    void aRedactedLeafHashMustBe32Bytes() {
        LogVerifier v = new LogVerifier();
        v.addRedacted(0, new byte[32]);
        assertThatThrownBy(() -> v.addRedacted(1, new byte[31]))
                .isInstanceOf(LogVerificationException.class)
                .hasMessageContaining("not 32 bytes");
        assertThatThrownBy(() -> new LogVerifier().addAll(List.of(ExportLine.redacted(0, new byte[33]))))
                .isInstanceOf(LogVerificationException.class)
                .hasMessageContaining("not 32 bytes");
    }

    @Test
    void aRedactedLeafHashThatIsWrongShowsOnlyInTheRoot() {
        List<ExportLine> lines = mixedLog(20);
        LogVerifier good = new LogVerifier(20);
        good.addAll(lines);
        byte[] forged = lines.get(4).leafHash();
        forged[0] ^= 1;
        lines.set(4, ExportLine.redacted(4, forged));
        LogVerifier bad = new LogVerifier(20);
        bad.addAll(lines);
        assertThat(bad.rootAt(20)).isNotEqualTo(good.rootAt(20));
    }

    @Test
    void redactedLinesRoundTrip() {
        byte[] leaf = new byte[32];
        leaf[31] = 7;
        ExportLine line = ExportLine.redacted(5, leaf);
        String b64 = Base64.getEncoder().encodeToString(leaf);
        assertThat(line.format()).isEqualTo("{\"seq\":5,\"leafHash\":\"" + b64 + "\",\"redacted\":true}");
        assertThat(line.redacted()).isTrue();
        assertThat(line.canonical()).isNull();
        assertThat(line.leafHash()).isEqualTo(leaf);
        assertThat(ExportLine.parse(line.format())).isEqualTo(line).hasSameHashCodeAs(line);
        assertThat(ExportLine.parse("{\"redacted\":true,\"leafHash\":\"" + b64 + "\",\"seq\":5,\"note\":\"x\"}"))
                .isEqualTo(line);
        assertThat(line).isNotEqualTo(new ExportLine(5, new byte[0], leaf));
        assertThat(line.toString()).contains("seq=5").contains("redacted");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // both forms at once, a "redacted" other than true
                "{\"seq\":5,\"canonical\":\"e30=\",\"leafHash\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\",\"redacted\":true}",
                "{\"seq\":5,\"canonical\":null,\"leafHash\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\",\"redacted\":true}",
                "{\"seq\":5,\"canonical\":\"e30=\",\"leafHash\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\",\"redacted\":false}",
                "{\"seq\":5,\"leafHash\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\",\"redacted\":false}",
                "{\"seq\":5,\"leafHash\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\",\"redacted\":\"true\"}",
                "{\"seq\":5,\"leafHash\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\",\"redacted\":1}",
                "{\"seq\":5,\"leafHash\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\",\"redacted\":null}",
                // a full line without its bytes, a redacted line without its leaf hash or seq
                "{\"seq\":5,\"leafHash\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\"}",
                "{\"seq\":5,\"redacted\":true}",
                "{\"leafHash\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\",\"redacted\":true}",
                "{\"seq\":-1,\"leafHash\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\",\"redacted\":true}",
                "{\"seq\":5,\"leafHash\":\"%%%\",\"redacted\":true}",
                "{\"seq\":5,\"leafHash\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\",\"redacted\":true,\"redacted\":true}"
            })
    void refusesMalformedExportLines(String text) {
        assertThatThrownBy(() -> ExportLine.parse(text)).isInstanceOf(LedgerFormatException.class);
    }
}
