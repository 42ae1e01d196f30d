package nl.deelpoort.ledger.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import nl.deelpoort.ledger.LogEntryCodec;
import nl.deelpoort.ledger.TestEntries;
import nl.deelpoort.ledger.merkle.InMemorySubtreeStore;
import nl.deelpoort.ledger.merkle.MerkleHash;
import org.junit.jupiter.api.Test;

class LogVerifierTest {

    private static List<ExportLine> log(int n) {
        List<ExportLine> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] canonical = LogEntryCodec.encode(TestEntries.typical(i));
            lines.add(new ExportLine(i, canonical, MerkleHash.leafHash(canonical)));
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
    }
}
