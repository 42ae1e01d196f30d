package nl.deelpoort.gateway.filesystem;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static nl.deelpoort.gateway.support.TestBsns.freshBsn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.deelpoort.gateway.filesystem.CaseFileException.Failure;
import nl.deelpoort.gateway.support.Api;
import nl.deelpoort.gateway.support.IntegrationTest;
import nl.deelpoort.gateway.support.TestServices;
import nl.deelpoort.policy.Bsn;
import nl.deelpoort.policy.OrganisationId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The application's own client, its calls and its guards as the operator sees them: scraped from
 * {@code /actuator/prometheus} before and after a call that succeeds and one that fails.
 */
class CaseFileMetricsIT extends IntegrationTest {

    private static final OrganisationId PLUSTEAM = OrganisationId.of("plusteam");
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    @Autowired
    CaseFileClient caseFiles;

    @Test
    void callsAreCountedByHolderAndOutcomeAndTheGuardsAreExported() {
        Map<String, String> success = Map.of("holder", "plusteam", "outcome", "success");
        Map<String, String> errorStatus = Map.of("holder", "plusteam", "outcome", "error_status");
        Map<String, String> breaker = Map.of("name", "casefile-plusteam");
        String before = scrape();

        caseFiles.fetch(PLUSTEAM, Bsn.of(freshBsn()), null);
        String failing = freshBsn();
        StubMapping fault = TestServices.get()
                .caseFiles()
                .server()
                .stubFor(post(urlPathEqualTo("/api/plusteam/dossiers/query"))
                        .atPriority(1)
                        .withRequestBody(matchingJsonPath("$.bsn", equalTo(failing)))
                        .willReturn(aResponse().withStatus(500)));
        try {
            assertThatThrownBy(() -> caseFiles.fetch(PLUSTEAM, Bsn.of(failing), null))
                    .isInstanceOfSatisfying(
                            CaseFileException.class,
                            e -> assertThat(e.failure()).isEqualTo(Failure.ERROR_STATUS));
        } finally {
            TestServices.get().caseFiles().server().removeStub(fault);
            // Ends on a good call, so that no later test inherits a failure towards an open circuit.
            caseFiles.fetch(PLUSTEAM, Bsn.of(freshBsn()), null);
        }
        String after = scrape();

        assertThat(value(after, "deelpoort_casefile_calls_seconds_count", success)
                        - value(before, "deelpoort_casefile_calls_seconds_count", success))
                .isEqualTo(2);
        assertThat(value(after, "deelpoort_casefile_calls_seconds_count", errorStatus)
                        - value(before, "deelpoort_casefile_calls_seconds_count", errorStatus))
                .isEqualTo(1);
        assertThat(value(after, "deelpoort_casefile_calls_seconds_sum", success))
                .isGreaterThan(value(before, "deelpoort_casefile_calls_seconds_sum", success));
        assertThat(value(after, "resilience4j_circuitbreaker_calls_seconds_count", with(breaker, "kind", "failed"))
                        - value(
                                before,
                                "resilience4j_circuitbreaker_calls_seconds_count",
                                with(breaker, "kind", "failed")))
                .isEqualTo(1);
        assertThat(value(after, "resilience4j_circuitbreaker_state", with(breaker, "state", "closed")))
                .isEqualTo(1);
        assertThat(value(after, "resilience4j_circuitbreaker_state", with(breaker, "state", "open")))
                .isEqualTo(0);
        assertThat(value(after, "resilience4j_bulkhead_max_allowed_concurrent_calls", breaker))
                .isEqualTo(32);
        assertThat(value(after, "resilience4j_bulkhead_available_concurrent_calls", breaker))
                .isEqualTo(32);
        // Nothing of a subject in any meter.
        assertThat(after).doesNotContain(failing);
    }

    private String scrape() {
        Api.Response r = api().get("/actuator/prometheus", null);
        assertThat(r.status()).isEqualTo(200);
        return r.body();
    }

    private static Map<String, String> with(Map<String, String> tags, String key, String value) {
        Map<String, String> all = new TreeMap<>(tags);
        all.put(key, value);
        return all;
    }

    /** The value of the one sample of {@code name} whose labels include {@code tags}; 0 when there is none yet. */
    private static double value(String exposition, String name, Map<String, String> tags) {
        double[] found = Arrays.stream(exposition.split("\n"))
                .map(SAMPLE::matcher)
                .filter(Matcher::matches)
                .filter(m ->
                        m.group(1).equals(name) && labels(m.group(2)).entrySet().containsAll(tags.entrySet()))
                .mapToDouble(m -> Double.parseDouble(m.group(3)))
                .toArray();
        assertThat(found.length).as(name + tags).isLessThanOrEqualTo(1);
        return found.length == 0 ? 0 : found[0];
    }

    private static Map<String, String> labels(String text) {
        Map<String, String> labels = new TreeMap<>();
        if (text != null) {
            Matcher m = LABEL.matcher(text);
            while (m.find()) {
                labels.put(m.group(1), m.group(2));
            }
        }
        return labels;
    }
}
