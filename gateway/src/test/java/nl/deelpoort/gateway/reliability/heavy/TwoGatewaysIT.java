package nl.deelpoort.gateway.reliability.heavy;

import static nl.deelpoort.gateway.reliability.heavy.Checks.count;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import nl.deelpoort.gateway.reliability.heavy.Load.Outcome;
import nl.deelpoort.ledger.merkle.MerkleVerifier;
import nl.deelpoort.ledger.note.Checkpoint;
import nl.deelpoort.ledger.note.NoteVerifier;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Two gateway processes (each its own JVM: its own Hikari pools, sequencer and checkpointer) on one database
 * and one key folder, as two instances behind a load balancer, under pull and push load spread over both.
 * The design lets several instances append to one log: each sequencer batch takes a transaction-level
 * advisory lock and reads the log's size under it, and {@code seq} is the primary key
 * (docs/design.md, "The log, in the database"). Afterwards: one tree (seq dense from 0, no duplicate, every
 * leaf hash recomputed, every checkpoint — whichever instance signed it — a root of one sequence of
 * leaves), checkpoints served by the one instance proven consistent with those of the other through both
 * instances' consistency proofs, and every answer with data, from either, has its entry. Figures in {@code
 * target/reliability/two-gateways.tsv}.
 */
class TwoGatewaysIT {

    private static final int CLIENTS = 8;
    private static final Duration LOAD = Duration.ofSeconds(15);

    @Test
    void twoInstancesAppendToOneConsistentTree() throws Exception {
        Path dir = Path.of("target", "reliability", "two-gateways");
        try (KillablePostgres pg = KillablePostgres.start(dir.resolve("pgdata"));
                GatewayProcess a = GatewayProcess.on("two-gateways-a", pg.database(), dir.resolve("keys"));
                GatewayProcess b = GatewayProcess.on("two-gateways-b", pg.database(), dir.resolve("keys"))) {
            // One after the other: the first migrates the database and generates the dev keys both use.
            a.start();
            b.start();
            String verifierKey = Checks.verifierKey(a);
            assertThat(Checks.verifierKey(b)).isEqualTo(verifierKey);
            NoteVerifier notes = NoteVerifier.fromVerifierKey(verifierKey.strip());

            AtomicInteger turn = new AtomicInteger();
            List<Checkpoint> fromA = new ArrayList<>();
            List<Checkpoint> fromB = new ArrayList<>();
            List<Outcome> all;
            try (Load load = Load.start(CLIENTS, () -> turn.getAndIncrement() % 2 == 0 ? a.baseUrl() : b.baseUrl())) {
                long end = System.nanoTime() + LOAD.toNanos();
                while (System.nanoTime() < end) {
                    GatewayProcess.sleep(1500);
                    fromA.add(checkpoint(a, notes));
                    fromB.add(checkpoint(b, notes));
                }
                load.close();
                all = load.outcomes();
            }
            LogAudit.awaitCheckpointed(pg.database(), Duration.ofSeconds(30));
            fromA.add(checkpoint(a, notes));
            fromB.add(checkpoint(b, notes));
            LogAudit.Result log = LogAudit.of(pg.database(), verifierKey);

            // Each instance proves the other's earliest checkpoint consistent with its own latest.
            boolean aExtendsB = consistent(a, fromB.get(0), fromA.get(fromA.size() - 1));
            boolean bExtendsA = consistent(b, fromA.get(0), fromB.get(fromB.size() - 1));
            List<Outcome> noEntry = Checks.withDataButNoEntry(all, log);
            long duplicates = log.size() - log.kinds().size();

            new Figures()
                    .put("clients (half to each instance, per request)", CLIENTS)
                    .put("answers from A", count(all, o -> o.target().equals(a.baseUrl()) && o.status() != 0))
                    .put("answers with data from A", count(all, o -> o.target().equals(a.baseUrl()) && o.withData()))
                    .put("answers from B", count(all, o -> o.target().equals(b.baseUrl()) && o.status() != 0))
                    .put("answers with data from B", count(all, o -> o.target().equals(b.baseUrl()) && o.withData()))
                    .put("non-2xx answers", count(all, o -> o.status() != 0 && !o.ok()))
                    .put("transport failures", count(all, o -> o.status() == 0))
                    .put("log entries", log.size())
                    .put("duplicate seqs", duplicates)
                    .put(
                            "signed checkpoints (both instances)",
                            log.checkpoints().size())
                    .put("checkpoints read from A / B", fromA.size() + " / " + fromB.size())
                    .put("B's first checkpoint consistent with A's last (A's proof)", aExtendsB ? "verifies" : "FAILS")
                    .put("A's first checkpoint consistent with B's last (B's proof)", bExtendsA ? "verifies" : "FAILS")
                    .put("data-bearing answers without an entry", noEntry.size())
                    .put(
                            "log verifies (ledger verifier: dense seq, leaf hashes, every checkpoint)",
                            log.verified() ? "yes" : log.problem())
                    .put(
                            "integrity check A / B",
                            Checks.integrity(a).path("status").asString() + " / "
                                    + Checks.integrity(b).path("status").asString())
                    .put("load average (1 min)", Checks.loadAverage())
                    .write("two-gateways");

            assertThat(all).as("A served data").anyMatch(o -> o.target().equals(a.baseUrl()) && o.withData());
            assertThat(all).as("B served data").anyMatch(o -> o.target().equals(b.baseUrl()) && o.withData());
            assertThat(Checks.notFailedClosed(all)).isEmpty();
            assertThat(noEntry).as("every answer with data has its entry").isEmpty();
            assertThat(duplicates).isZero();
            assertThat(log.problem()).as("one tree").isNull();
            assertThat(aExtendsB).isTrue();
            assertThat(bExtendsA).isTrue();
            for (Checkpoint cp : concat(fromA, fromB)) {
                assertThat(log.checkpoints())
                        .as("served checkpoint %d is one of the log's", cp.size())
                        .anyMatch(stored ->
                                stored.size() == cp.size() && java.util.Arrays.equals(stored.root(), cp.rootHash()));
            }
            assertThat(Checks.integrity(a).path("status").asString()).isEqualTo("OK");
            assertThat(Checks.integrity(b).path("status").asString()).isEqualTo("OK");
        }
    }

    private static Checkpoint checkpoint(GatewayProcess gateway, NoteVerifier notes) {
        return Checkpoint.open(Checks.get(gateway.baseUrl() + "/api/v1/log/checkpoint", "anna.plusteam"), notes);
    }

    /** {@code gateway}'s consistency proof from {@code older} to {@code newer}, checked with the ledger's verifier. */
    private static boolean consistent(GatewayProcess gateway, Checkpoint older, Checkpoint newer) {
        if (older.size() == newer.size()) {
            return java.util.Arrays.equals(older.rootHash(), newer.rootHash());
        }
        JsonNode proof = Checks.getJson(
                gateway.baseUrl() + "/api/v1/log/consistency-proof?from=" + older.size() + "&to=" + newer.size(),
                "hanna.fg");
        List<byte[]> hashes = new ArrayList<>();
        proof.path("hashes").forEach(h -> hashes.add(Base64.getDecoder().decode(h.asString())));
        return MerkleVerifier.verifyConsistency(older.size(), newer.size(), hashes, older.rootHash(), newer.rootHash());
    }

    private static List<Checkpoint> concat(List<Checkpoint> x, List<Checkpoint> y) {
        List<Checkpoint> out = new ArrayList<>(x);
        out.addAll(y);
        return out;
    }
}
