package nl.deelpoort.gateway.exchange;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static nl.deelpoort.gateway.exchange.ExchangeFixtures.DISCLOSURES;
import static nl.deelpoort.gateway.exchange.ExchangeFixtures.STUB_PLUSTEAM;
import static nl.deelpoort.gateway.exchange.ExchangeFixtures.entry;
import static nl.deelpoort.gateway.exchange.ExchangeFixtures.freshBsn;
import static nl.deelpoort.gateway.exchange.ExchangeFixtures.latest;
import static nl.deelpoort.gateway.exchange.ExchangeFixtures.names;
import static nl.deelpoort.gateway.exchange.ExchangeFixtures.ok;
import static nl.deelpoort.gateway.exchange.ExchangeFixtures.pull;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import nl.deelpoort.gateway.filesystem.CaseFileClient;
import nl.deelpoort.gateway.support.Api;
import nl.deelpoort.gateway.support.IntegrationTest;
import nl.deelpoort.gateway.support.TestServices;
import nl.deelpoort.ledger.EntryKind;
import nl.deelpoort.ledger.LogEntry;
import nl.deelpoort.policy.Bsn;
import nl.deelpoort.policy.OrganisationId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A pull against a file system that misbehaves: extra, unknown and oddly nested sections (released
 * from an allow-list, so none of them reach the caller), error statuses whose bodies hold personal
 * data, nonsense, silence. Also the trace context. Fault mappings match one fresh BSN each, so they
 * cannot disturb other tests, and are removed afterwards.
 */
class PullIT extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    CaseFileClient caseFiles;

    private final List<StubMapping> added = new ArrayList<>();

    /**
     * Removes the faults, then lets one good answer through, as production would, so that the
     * faults of several tests in a row never add up to an open circuit for the tests that follow.
     */
    @AfterEach
    void removeMappings() {
        added.forEach(stub()::removeStub);
        added.clear();
        caseFiles.fetch(OrganisationId.of("plusteam"), Bsn.of(freshBsn()), null);
    }

    @Test
    void onlyReleasedSectionsReachTheCallerWhateverTheFileSystemAdds() {
        String bsn = freshBsn();
        answer(
                bsn,
                aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                {"holder":"plusteam","bsn":"%s","retrievedAt":"2026-11-22T10:00:00Z",
                 "HEALTH":{"diagnosis":"TOP-LEVEL-HEALTH"},
                 "meta":{"sections":{"SAFETY":{"signal":"META-SAFETY"}}},
                 "sections":{
                   "BSN":"%s",
                   "CARE_DEPLOYED":[{"care":"ambulante begeleiding","SAFETY":{"signal":"NESTED-SAFETY"},
                                     "sections":{"HEALTH":"NESTED-HEALTH"}}],
                   "SUPPORT_PLAN":{"goals":["WITHHELD-PLAN"]},
                   "SHOE_SIZE":44,
                   "care_deployed":"LOWER-CASE-TWIN",
                   "JUSTICE":{"case":"JUSTICE-DATA"}
                 }}
                """.formatted(bsn, bsn)));
        Api.Response r = api().post(
                        DISCLOSURES,
                        tokens().user("bram.cmd-gm"),
                        Api.json(pull(bsn, "ACCOUNTABILITY", "MUNICIPAL_ACCESS", "plusteam", "BSN", "CARE_DEPLOYED")));
        JsonNode d = ok(r, 200);
        assertThat(names(d.path("data"))).containsExactlyInAnyOrder("BSN", "CARE_DEPLOYED");
        assertThat(d.path("data").path("CARE_DEPLOYED").get(0).path("care").asString())
                .isEqualTo("ambulante begeleiding");
        assertThat(r.body())
                .doesNotContain(
                        "TOP-LEVEL-HEALTH",
                        "META-SAFETY",
                        "NESTED-SAFETY",
                        "NESTED-HEALTH",
                        "WITHHELD-PLAN",
                        "SHOE_SIZE",
                        "LOWER-CASE-TWIN",
                        "JUSTICE-DATA",
                        "retrievedAt");
    }

    @Test
    void aFileOfAnotherSubjectIsNotPassedOn() {
        String bsn = freshBsn();
        String other = freshBsn();
        answer(
                bsn,
                aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                {"holder":"plusteam","bsn":"%s","sections":{"BSN":"%s","CARE_DEPLOYED":[]}}
                """.formatted(other, other)));
        Api.Response r = pullAccountability(bsn);
        assertThat(r.status()).isEqualTo(502);
        assertThat(r.body()).doesNotContain(other);
    }

    @Test
    void anErrorStatusIs502WithoutTheFileSystemsBodyAndTheFailureIsLogged() {
        String bsn = freshBsn();
        answer(bsn, aResponse().withStatus(500).withBody("{\"message\":\"dossier of " + bsn + " Jansen is locked\"}"));
        Api.Response r = pullAccountability(bsn);
        JsonNode problem = ok(r, 502);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(problem.path("type").asString()).isEqualTo("urn:deelpoort:problem:case-file-system-failed");
        assertThat(problem.has("data")).isFalse();
        assertThat(r.body()).doesNotContain(bsn, "Jansen", "locked");

        long disclosure = problem.path("disclosureId").asLong();
        assertThat(r.header("X-Disclosure-Id")).isEqualTo(Long.toString(disclosure));
        assertThat(entry(dataSource, disclosure).kind()).isEqualTo(EntryKind.DISCLOSURE);
        LogEntry failed = latest(dataSource, "DELIVERY_FAILED", 1).get(0);
        assertThat(failed.referenceId()).isEqualTo(Long.toString(disclosure));
        assertThat(failed.categoriesReleased()).isEmpty();
        assertThat(failed.attributes()).containsEntry("failure", "ERROR_STATUS");
    }

    @Test
    void somethingOtherThanACaseFileIs502() {
        String bsn = freshBsn();
        answer(bsn, aResponse().withStatus(200).withBody("<html>maintenance</html>"));
        assertThat(pullAccountability(bsn).status()).isEqualTo(502);
        String bsn2 = freshBsn();
        answer(bsn2, aResponse().withStatus(200).withBody("{\"sections\":[\"BSN\"]}"));
        assertThat(pullAccountability(bsn2).status()).isEqualTo(502);
    }

    @Test
    void silenceBeyondTheReadTimeoutIs504() {
        String bsn = freshBsn();
        answer(bsn, aResponse().withStatus(200).withFixedDelay(11_000).withBody("{}"));
        Api.Response r = pullAccountability(bsn);
        JsonNode problem = ok(r, 504);
        assertThat(problem.path("type").asString()).isEqualTo("urn:deelpoort:problem:case-file-system-timeout");
        assertThat(latest(dataSource, "DELIVERY_FAILED", 1).get(0).attributes()).containsEntry("failure", "TIMEOUT");
    }

    @Test
    void theFileSystemIsAskedOnceWithTheBsnInTheBodyAndTheTraceContext() {
        String bsn = freshBsn();
        String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
        HttpResponse<String> r =
                ExchangeFixtures.send(ExchangeFixtures.post(port, DISCLOSURES, tokens().user("bram.cmd-gm"))
                        .header("traceparent", "00-" + trace + "-00f067aa0ba902b7-01")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                Api.json(pull(bsn, "ACCOUNTABILITY", "MUNICIPAL_ACCESS", "plusteam", "BSN"))))
                        .build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        String traceparent = r.headers().firstValue("traceparent").orElseThrow();
        assertThat(traceparent).startsWith("00-" + trace + "-").endsWith("-01");
        String span = traceparent.substring(36, 52);
        long seq = Long.parseLong(r.headers().firstValue("X-Disclosure-Id").orElseThrow());
        LogEntry logged = entry(dataSource, seq);
        assertThat(logged.traceId()).isEqualTo(trace);
        assertThat(logged.spanId()).isEqualTo(span);
        stub().verify(
                        1,
                        postRequestedFor(urlPathEqualTo(STUB_PLUSTEAM))
                                .withRequestBody(matchingJsonPath("$.bsn", equalTo(bsn)))
                                .withHeader("traceparent", equalTo(traceparent)));
    }

    @Test
    void aMalformedTraceparentStartsANewTrace() {
        HttpResponse<String> r =
                ExchangeFixtures.send(ExchangeFixtures.post(port, DISCLOSURES, tokens().user("bram.cmd-gm"))
                        .header("traceparent", "00-NOT-A-TRACE")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                Api.json(pull(freshBsn(), "ACCOUNTABILITY", "MUNICIPAL_ACCESS", "plusteam", "BSN"))))
                        .build());
        assertThat(r.statusCode()).isEqualTo(200);
        String traceparent = r.headers().firstValue("traceparent").orElseThrow();
        assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]").doesNotContain("NOT");
        LogEntry logged = entry(
                dataSource,
                Long.parseLong(r.headers().firstValue("X-Disclosure-Id").orElseThrow()));
        assertThat(logged.traceId()).isEqualTo(traceparent.substring(3, 35));
    }

    @Test
    void aPullNeedsASubjectAndTheCallerAsRecipient() {
        Map<String, Object> noSubject = pull(freshBsn(), "ACCOUNTABILITY", "MUNICIPAL_ACCESS", "plusteam", "BSN");
        noSubject.remove("subject");
        JsonNode p = ok(api().post(DISCLOSURES, tokens().user("bram.cmd-gm"), Api.json(noSubject)), 422);
        assertThat(p.path("invalidFields").get(0).path("field").asString()).isEqualTo("subject");

        Map<String, Object> forSomeoneElse = pull(freshBsn(), "ACCOUNTABILITY", "MUNICIPAL_ACCESS", "plusteam", "BSN");
        forSomeoneElse.put("recipient", "gemeente-waalre");
        JsonNode q = ok(api().post(DISCLOSURES, tokens().user("bram.cmd-gm"), Api.json(forSomeoneElse)), 422);
        assertThat(q.path("invalidFields").get(0).path("field").asString()).isEqualTo("recipient");
    }

    @Test
    void nullsEmptyStringsAndWrongTypesInAPullAreEachNamedAndTheFileSystemIsNotAsked() {
        String bsn = freshBsn();
        String body = "{\"subject\": {\"bsn\": \"" + bsn + "\"}, \"purpose\": \"\", \"actingRole\": null,"
                + " \"holder\": null, \"categories\": [\"BSN\", null, 999993653, \"\"]}";
        Api.Response r = api().post(DISCLOSURES, tokens().user("bram.cmd-gm"), body);
        JsonNode p = ok(r, 422);
        assertThat(p.path("type").asString()).isEqualTo("urn:deelpoort:problem:invalid-request");
        List<String> fields = new ArrayList<>();
        p.path("invalidFields").forEach(f -> fields.add(f.path("field").asString()));
        assertThat(fields)
                .containsExactlyInAnyOrder(
                        "purpose", "actingRole", "holder", "categories[1]", "categories[2]", "categories[3]");
        assertThat(r.body()).doesNotContain(bsn).doesNotContain("999993653");
        stub().verify(
                        0,
                        postRequestedFor(urlPathEqualTo(STUB_PLUSTEAM))
                                .withRequestBody(matchingJsonPath("$.bsn", equalTo(bsn))));
    }

    private Api.Response pullAccountability(String bsn) {
        return api().post(
                        DISCLOSURES,
                        tokens().user("bram.cmd-gm"),
                        Api.json(pull(bsn, "ACCOUNTABILITY", "MUNICIPAL_ACCESS", "plusteam", "BSN", "CARE_DEPLOYED")));
    }

    private void answer(String bsn, ResponseDefinitionBuilder response) {
        added.add(stub().stubFor(post(urlPathEqualTo(STUB_PLUSTEAM))
                .atPriority(1)
                .withRequestBody(matchingJsonPath("$.bsn", equalTo(bsn)))
                .willReturn(response)));
    }

    private static WireMockServer stub() {
        return TestServices.get().caseFiles().server();
    }
}
