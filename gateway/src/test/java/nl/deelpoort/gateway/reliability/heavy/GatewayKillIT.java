package nl.deelpoort.gateway.reliability.heavy;

import static nl.deelpoort.gateway.reliability.heavy.Checks.count;
import static nl.deelpoort.gateway.reliability.heavy.Checks.millis;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import nl.deelpoort.gateway.reliability.heavy.Load.Outcome;
import nl.deelpoort.ledger.merkle.MerkleVerifier;
import nl.deelpoort.ledger.note.Checkpoint;
import nl.deelpoort.ledger.note.NoteVerifier;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The gateway (a child JVM) killed with SIGKILL in the middle of a pull and push load, then started again
 * on the same database, port and keys while the load goes on. Afterwards the log verifies entry by entry
 * and against every signed checkpoint (no gap: seq dense from 0; no fork: every checkpoint a root of one
 * sequence of leaves); the checkpoint signed after the restart is proven consistent with the last one
 * signed before the kill by the gateway's own consistency proof ({@code GET /api/v1/log/consistency-proof})
 * checked with the ledger's verifier; every answer with data received before the kill has its entry.
 * Figures in {@code target/reliability/gateway-kill.tsv}.
 */
class GatewayKillIT {

    private static final int CLIENTS = 8;
    private static final Duration BEFORE = Duration.ofSeconds(8);
    private static final Duration AFTER = Duration.ofSeconds(8);

    @Test
    void aKilledGatewayRestartsOnTheSameLogWithoutGapOrFork() throws Exception {
        Path dir = Path.of("target", "reliability", "gateway-kill");
        try (KillablePostgres pg = KillablePostgres.start(dir.resolve("pgdata"));
                GatewayProcess gateway =
                        GatewayProcess.on("gateway-kill-gateway", pg.database(), dir.resolve("keys"))) {
            gateway.start();
            String verifierKey = Checks.verifierKey(gateway);
            NoteVerifier notes = NoteVerifier.fromVerifierKey(verifierKey.strip());
            long killedAt;
            long upAt;
            LogAudit.Result atKill;
            try (Load load = Load.start(CLIENTS, gateway::baseUrl)) {
                GatewayProcess.sleep(BEFORE.toMillis());
                gateway.kill();
                killedAt = System.nanoTime();
                load.phase("down");
                atKill = LogAudit.of(pg.database(), verifierKey);
                gateway.start();
                upAt = System.nanoTime();
                load.phase("after");
                GatewayProcess.sleep(AFTER.toMillis());
                load.close();

                List<Outcome> all = load.outcomes();
                List<Outcome> before =
                        all.stream().filter(o -> o.endNanos() < killedAt).toList();
                List<Outcome> down = all.stream()
                        .filter(o -> o.endNanos() >= killedAt && o.endNanos() < upAt)
                        .toList();
                List<Outcome> after =
                        all.stream().filter(o -> o.endNanos() >= upAt).toList();

                LogAudit.awaitCheckpointed(pg.database(), Duration.ofSeconds(30));
                LogAudit.Result log = LogAudit.of(pg.database(), verifierKey);
                // The last checkpoint signed before the kill, and the one the restarted gateway signs now.
                LogAudit.StoredCheckpoint lastBefore =
                        atKill.checkpoints().get(atKill.checkpoints().size() - 1);
                Checkpoint now = Checkpoint.open(
                        Checks.get(gateway.baseUrl() + "/api/v1/log/checkpoint", "anna.plusteam"), notes);
                JsonNode proof = Checks.getJson(
                        gateway.baseUrl() + "/api/v1/log/consistency-proof?from=" + lastBefore.size() + "&to="
                                + now.size(),
                        "hanna.fg");
                List<byte[]> hashes = new ArrayList<>();
                proof.path("hashes").forEach(h -> hashes.add(Base64.getDecoder().decode(h.asString())));
                boolean consistent = MerkleVerifier.verifyConsistency(
                        lastBefore.size(), now.size(), hashes, lastBefore.root(), now.rootHash());
                List<Outcome> beforeWithoutEntry = Checks.withDataButNoEntry(before, atKill);
                List<Outcome> noEntry = Checks.withDataButNoEntry(all, log);
                var integrity = Checks.integrity(gateway);

                new Figures()
                        .put("clients", CLIENTS)
                        .put("answers before the kill", before.size())
                        .put("answers with data before the kill", count(before, Outcome::withData))
                        .put("log entries at the kill", atKill.size())
                        .put("last checkpoint before the kill (tree size)", lastBefore.size())
                        .put("requests failed while down (no answer)", count(down, o -> o.status() == 0))
                        .put("answers while down", count(down, o -> o.status() != 0))
                        .put("restart to ready ms", millis(upAt - killedAt))
                        .put("answers after the restart", after.size())
                        .put("answers with data after", count(after, Outcome::withData))
                        .put(
                                "non-2xx not a 503 problem detail",
                                Checks.notFailedClosed(all).size())
                        .put(
                                "data-bearing answers before the kill without an entry at the kill",
                                beforeWithoutEntry.size())
                        .put("data-bearing answers without an entry", noEntry.size())
                        .put("log entries", log.size())
                        .put("signed checkpoints", log.checkpoints().size())
                        .put("checkpoint after the restart (tree size)", now.size())
                        .put("consistency proof last-before-kill to after-restart", consistent ? "verifies" : "FAILS")
                        .put(
                                "log verifies (ledger verifier: dense seq, leaf hashes, every checkpoint)",
                                log.verified() ? "yes" : log.problem())
                        .put("integrity check", integrity.path("status").asString())
                        .put("load average (1 min)", Checks.loadAverage())
                        .write("gateway-kill");

                assertThat(before).as("load before the kill").anyMatch(Outcome::withData);
                assertThat(after).as("load after the restart").anyMatch(Outcome::withData);
                assertThat(atKill.problem())
                        .as("the log as the kill left it verifies")
                        .isNull();
                assertThat(beforeWithoutEntry)
                        .as("answers with data before the kill have their entry")
                        .isEmpty();
                assertThat(noEntry).as("every answer with data has its entry").isEmpty();
                assertThat(log.problem()).as("the log verifies").isNull();
                assertThat(log.size()).isGreaterThan(atKill.size());
                assertThat(now.size()).isGreaterThan(lastBefore.size());
                assertThat(consistent)
                        .as("the new checkpoint extends the last one signed before the kill")
                        .isTrue();
                assertThat(Checks.notFailedClosed(all)).isEmpty();
                assertThat(integrity.path("status").asString()).isEqualTo("OK");
            }
        }
    }
}
