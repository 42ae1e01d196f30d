package nl.deelpoort.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.deelpoort.gateway.support.Api;
import nl.deelpoort.gateway.support.IntegrationTest;
import nl.deelpoort.gateway.support.TestBsns;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;

/**
 * What operators see (docs/observability.md): the domain metrics at {@code /actuator/prometheus} move
 * with the traffic, and readiness, unlike liveness, depends on the database and the log sequencer,
 * with no details shown to the anonymous callers the probes are.
 */
class ObservabilityIT extends IntegrationTest {

    private static final Pattern SAMPLE = Pattern.compile("^([a-z_]+)(\\{[^}]*})? ([0-9.eE+-]+|NaN)$");

    @Autowired
    HealthEndpointGroups groups;

    @Autowired
    HealthContributorRegistry contributors;

    @Test
    void decisionsAndAppendsMoveTheirMetrics() {
        Map<String, Double> before = scrape();
        String token = tokens().user("bram.cmd-gm");
        // Two refusals (no ground for health data) and a permit (the BSN is always shared).
        for (int i = 0; i < 2; i++) {
            Api.Response r = api().post("/api/v1/disclosures", token, Api.json(pull(TestBsns.freshBsn(), "HEALTH")));
            assertThat(r.status()).as(r.body()).isEqualTo(403);
        }
        Api.Response ok = api().post("/api/v1/disclosures", token, Api.json(pull(TestBsns.freshBsn(), "BSN")));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        Map<String, Double> after = scrape();

        assertThat(delta(before, after, "deelpoort_decisions_total", "outcome=\"PERMIT\""))
                .isEqualTo(1);
        assertThat(delta(before, after, "deelpoort_decisions_total", "outcome=\"DENY\""))
                .isEqualTo(2);
        assertThat(delta(before, after, "deelpoort_decision_reasons_total", "outcome=\"DENY\""))
                .isGreaterThanOrEqualTo(2);
        assertThat(after.keySet())
                .anyMatch(k -> k.startsWith("deelpoort_decisions_total{")
                        && k.contains("flow=\"")
                        && !k.contains("bsn")
                        && !k.contains("subject"));
        // Every decision is logged before anything is released or refused.
        assertThat(delta(before, after, "deelpoort_log_append_seconds_count", "outcome=\"committed\""))
                .isGreaterThanOrEqualTo(3);
        assertThat(delta(before, after, "deelpoort_log_batch_size_entries_sum", ""))
                .isGreaterThanOrEqualTo(3);
        assertThat(after.get("deelpoort_log_size_entries")).isGreaterThanOrEqualTo(3);
        assertThat(after.keySet()).anyMatch(k -> k.startsWith("deelpoort_log_append_seconds_bucket{"));
        assertThat(after).containsKeys("deelpoort_log_checkpoint_age_seconds", "deelpoort_log_checkpoint_size_entries");
    }

    @Test
    void readinessHoldsTheDatabaseAndTheLogSequencerLivenessOnlyTheProcess() {
        assertThat(groups.get("readiness").isMember("db")).isTrue();
        assertThat(groups.get("readiness").isMember("logSequencer")).isTrue();
        assertThat(groups.get("readiness").isMember("readinessState")).isTrue();
        assertThat(groups.get("liveness").isMember("db")).isFalse();
        assertThat(groups.get("liveness").isMember("logSequencer")).isFalse();
        assertThat(((HealthIndicator) contributors.getContributor("logSequencer"))
                        .health()
                        .getStatus())
                .isEqualTo(Status.UP);

        Api.Response ready = api().get("/actuator/health/readiness", null);
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().propertyNames()).as(ready.body()).containsExactly("status");
        assertThat(ready.json().path("status").asString()).isEqualTo("UP");
        Api.Response live = api().get("/actuator/health/liveness", null);
        assertThat(live.status()).isEqualTo(200);
        assertThat(live.json().propertyNames()).as(live.body()).containsExactly("status");
        assertThat(api().get("/actuator/health/readiness/logSequencer", null).status())
                .isEqualTo(404);
    }

    private static Map<String, Object> pull(String bsn, String category) {
        return Map.of(
                "subject", Map.of("bsn", bsn),
                "purpose", "ACCOUNTABILITY",
                "actingRole", "MUNICIPAL_ACCESS",
                "holder", "plusteam",
                "categories", java.util.List.of(category));
    }

    /** Sum of the samples of {@code name} whose labels contain {@code label}, after minus before. */
    private static double delta(Map<String, Double> before, Map<String, Double> after, String name, String label) {
        return sum(after, name, label) - sum(before, name, label);
    }

    private static double sum(Map<String, Double> samples, String name, String label) {
        return samples.entrySet().stream()
                .filter(e -> e.getKey().equals(name) || e.getKey().startsWith(name + "{"))
                .filter(e -> e.getKey().contains(label))
                .mapToDouble(Map.Entry::getValue)
                .sum();
    }

    private Map<String, Double> scrape() {
        Api.Response r = api().get("/actuator/prometheus", null);
        assertThat(r.status()).isEqualTo(200);
        Map<String, Double> samples = new java.util.HashMap<>();
        r.body().lines().filter(l -> !l.startsWith("#")).forEach(l -> {
            Matcher m = SAMPLE.matcher(l);
            if (m.matches()) {
                samples.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)), Double.parseDouble(m.group(3)));
            }
        });
        return samples;
    }
}
