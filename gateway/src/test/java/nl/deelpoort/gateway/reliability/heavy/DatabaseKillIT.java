package nl.deelpoort.gateway.reliability.heavy;

import static nl.deelpoort.gateway.reliability.heavy.Checks.count;
import static nl.deelpoort.gateway.reliability.heavy.Checks.millis;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import nl.deelpoort.gateway.reliability.heavy.Load.Outcome;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL killed (SIGKILL to the postmaster and its backends) in the middle of a pull and push load, and
 * started again on the same data directory, while the gateway (a child JVM) keeps running. Every answer
 * while the database is down must fail closed (a 503 problem detail, no data); the gateway must serve
 * again without a restart; and afterwards every answer that released data has its entry in the log, the
 * log verifies entry by entry and against every signed checkpoint. Figures in
 * {@code target/reliability/database-kill.tsv} (docs/reliability.md, "Faults with processes").
 */
class DatabaseKillIT {

    private static final int CLIENTS = 8;
    private static final Duration BEFORE = Duration.ofSeconds(8);
    private static final Duration OUTAGE = Duration.ofSeconds(8);
    private static final Duration AFTER = Duration.ofSeconds(10);

    @Test
    void theGatewayFailsClosedWhileTheDatabaseIsDownAndLosesNothing() throws Exception {
        Path dir = Path.of("target", "reliability", "database-kill");
        try (KillablePostgres pg = KillablePostgres.start(dir.resolve("pgdata"));
                GatewayProcess gateway = GatewayProcess.on("database-kill-gateway", pg.database(), dir.resolve("keys"))
                        .start()) {
            String verifierKey = Checks.verifierKey(gateway);
            long killedAt;
            long restartFrom;
            long upAt;
            try (Load load = Load.start(CLIENTS, gateway::baseUrl)) {
                GatewayProcess.sleep(BEFORE.toMillis());
                pg.kill();
                killedAt = System.nanoTime();
                load.phase("outage");
                GatewayProcess.sleep(OUTAGE.toMillis());
                restartFrom = System.nanoTime();
                pg.restart();
                upAt = System.nanoTime();
                load.phase("after");
                GatewayProcess.sleep(AFTER.toMillis());
                load.close();

                List<Outcome> all = load.outcomes();
                List<Outcome> before =
                        all.stream().filter(o -> o.endNanos() < killedAt).toList();
                List<Outcome> outage = all.stream()
                        .filter(o -> o.endNanos() >= killedAt && o.endNanos() < restartFrom)
                        .toList();
                List<Outcome> restarting = all.stream()
                        .filter(o -> o.endNanos() >= restartFrom && o.endNanos() < upAt)
                        .toList();
                List<Outcome> after =
                        all.stream().filter(o -> o.endNanos() >= upAt).toList();
                long firstDataAfter = after.stream()
                        .filter(o -> o.withData() && o.startNanos() >= upAt)
                        .mapToLong(Outcome::endNanos)
                        .min()
                        .orElse(-1);
                long readyAgain = System.nanoTime();
                gateway.awaitReady(Duration.ofSeconds(30));
                LogAudit.awaitCheckpointed(pg.database(), Duration.ofSeconds(30));
                LogAudit.Result log = LogAudit.of(pg.database(), verifierKey);
                var integrity = Checks.integrity(gateway);
                List<Outcome> noEntry = Checks.withDataButNoEntry(all, log);
                List<Outcome> notClosed = Checks.notFailedClosed(all);

                new Figures()
                        .put("clients", CLIENTS)
                        .put("answers before the kill", before.size())
                        .put("answers with data before", count(before, Outcome::withData))
                        .put("answers during the outage", outage.size())
                        .put("503 during the outage", count(outage, o -> o.status() == 503))
                        .put("answers with data during the outage", count(outage, Outcome::withData))
                        .put("answers while PostgreSQL restarted", restarting.size())
                        .put("answers after the restart", after.size())
                        .put("answers with data after", count(after, Outcome::withData))
                        .put("503 in all", count(all, o -> o.status() == 503))
                        .put("other non-2xx in all", count(all, o -> o.status() != 0 && !o.ok() && o.status() != 503))
                        .put("transport failures", count(all, o -> o.status() == 0))
                        .put(
                                "slowest outage answer ms",
                                outage.stream()
                                        .mapToLong(o -> millis(o.endNanos() - o.startNanos()))
                                        .max()
                                        .orElse(0))
                        .put("PostgreSQL restart ms", millis(upAt - restartFrom))
                        .put("first data after restart ms", firstDataAfter < 0 ? "none" : millis(firstDataAfter - upAt))
                        .put("data-bearing answers without an entry", noEntry.size())
                        .put("non-2xx not a 503 problem detail", notClosed.size())
                        .put("log entries", log.size())
                        .put("signed checkpoints", log.checkpoints().size())
                        .put("log verifies (ledger verifier)", log.verified() ? "yes" : log.problem())
                        .put("integrity check", integrity.path("status").asString())
                        .put("load average (1 min)", Checks.loadAverage())
                        .write("database-kill");

                assertThat(before).as("load before the kill").anyMatch(Outcome::withData);
                assertThat(outage).as("answers during the outage").isNotEmpty();
                assertThat(outage).as("no data while the database is down").noneMatch(Outcome::ok);
                assertThat(notClosed)
                        .as("every failure a 503 problem detail without data")
                        .isEmpty();
                assertThat(firstDataAfter)
                        .as("the gateway serves again without a restart")
                        .isPositive();
                assertThat(noEntry).as("every answer with data has its entry").isEmpty();
                assertThat(log.problem()).as("the log verifies").isNull();
                assertThat(log.checkpoints()).isNotEmpty();
                assertThat(integrity.path("status").asString()).isEqualTo("OK");
                assertThat(readyAgain).isPositive();
            }
        }
    }
}
