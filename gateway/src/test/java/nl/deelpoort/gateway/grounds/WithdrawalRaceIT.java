package nl.deelpoort.gateway.grounds;

import static nl.deelpoort.gateway.grounds.GroundsFixtures.EVALUATE;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.bornYearsAgo;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.decisionCodes;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.escalationConsent;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.escalationQuestion;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.freshBsn;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.giver;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import nl.deelpoort.gateway.support.Api;
import nl.deelpoort.gateway.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A withdrawal takes effect for every decision after it commits (docs/domain.md, "Legal grounds the
 * gateway keeps"). Evaluations run continuously from several threads while the consent is withdrawn;
 * every evaluation sent after the withdrawal answered must refuse on CONSENT_WITHDRAWN. Evaluations
 * in flight during the withdrawal may go either way.
 */
class WithdrawalRaceIT extends IntegrationTest {

    private static final int THREADS = 6;

    record Outcome(long sentNanos, String decision, List<String> codes) {}

    @Test
    void onceTheWithdrawalHasAnsweredNoEvaluationPermitsOnTheConsent() throws Exception {
        String token = tokens().user("carla.cmd-waalre");
        String bsn = freshBsn();
        String id = ok(
                        api().post(
                                        "/api/v1/consents",
                                        token,
                                        Api.json(escalationConsent(bsn, bornYearsAgo(30), List.of(giver("SUBJECT"))))),
                        201)
                .path("id")
                .asString();
        String question = Api.json(escalationQuestion(bsn));

        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger permits = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> workers = new java.util.ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                workers.add(pool.submit(() -> {
                    Api client = api();
                    while (!stop.get()) {
                        long sent = System.nanoTime();
                        JsonNode d = ok(client.post(EVALUATE, token, question), 200);
                        String decision = d.path("decision").asString();
                        if (decision.equals("PERMIT")) {
                            permits.incrementAndGet();
                        }
                        outcomes.add(new Outcome(sent, decision, decisionCodes(d)));
                    }
                    return null;
                }));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (permits.get() < THREADS * 3 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(permits.get())
                    .as("evaluations permit while the consent stands")
                    .isGreaterThanOrEqualTo(THREADS * 3);

            Api.Response withdrawal = api().post(
                            "/api/v1/consents/" + id + "/withdrawal",
                            token,
                            Api.json(Map.of("reason", "ingetrokken tijdens de test", "withdrawnBy", giver("SUBJECT"))));
            long answered = System.nanoTime();
            assertThat(withdrawal.status()).as(withdrawal.body()).isEqualTo(200);

            while (countSentAfter(outcomes, answered) < THREADS * 5 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            stop.set(true);
            for (Future<?> worker : workers) {
                worker.get();
            }

            List<Outcome> after =
                    outcomes.stream().filter(o -> o.sentNanos() > answered).toList();
            assertThat(after).hasSizeGreaterThanOrEqualTo(THREADS * 5);
            assertThat(after).allSatisfy(o -> {
                assertThat(o.decision()).isEqualTo("DENY");
                assertThat(o.codes()).contains("CONSENT_WITHDRAWN");
            });
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
    }

    private static long countSentAfter(ConcurrentLinkedQueue<Outcome> outcomes, long nanos) {
        return outcomes.stream().filter(o -> o.sentNanos() > nanos).count();
    }
}
