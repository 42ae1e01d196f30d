package nl.deelpoort.casefile.stub;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CaseFileStubTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static CaseFileStub stub;

    @BeforeAll
    static void start() {
        stub = CaseFileStub.start(0);
    }

    @AfterAll
    static void stop() {
        stub.stop();
    }

    @Test
    void servesOnAFreePortAndReportsItsBaseUrl() {
        assertThat(stub.port()).isPositive().isNotEqualTo(CaseFileStub.DEFAULT_PORT);
        assertThat(stub.baseUrl()).isEqualTo("http://localhost:" + stub.port());
        assertThat(stub.server().isRunning()).isTrue();
    }

    @Test
    void demoResidentJanHasHisHandWrittenDossier() throws Exception {
        HttpResponse<String> response = query("plusteam", "{\"bsn\":\"999993653\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        Map<String, Object> dossier = json(response);
        assertThat(dossier).containsEntry("holder", "plusteam").containsEntry("bsn", "999993653");
        assertThat(Instant.parse((String) dossier.get("retrievedAt")))
                .isBefore(Instant.now().plusSeconds(5));
        Map<String, Object> sections = map(dossier.get("sections"));
        assertThat(sections).containsEntry("BSN", "999993653");
        assertThat(map(sections.get("PERSONALIA")))
                .containsEntry("givenNames", "Jan Willem")
                .containsEntry("surname", "Verhoeven");
        assertThat(sections).doesNotContainKeys("SAFETY", "JUSTICE", "CLOSURE");
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
        "plusteam, 999993653, Verhoeven, HEALTH",
        "plusteam, 999990019, Bakker, CLOSURE",
        "plusteam, 999990032, de Wit, HEALTH",
        "plusteam, 999990068, El Amrani, SAFETY",
        "plusteam, 999990123, van den Heuvel, CARE_DEPLOYED",
        "porthos, 999990159, Koster, JUSTICE",
        "porthos, 999990184, Verburg-de Kam, CARE_DEPLOYED"
    })
    void everyDemoDossierIsServedForItsHolderAndBsn(String holder, String bsn, String surname, String section)
            throws Exception {
        HttpResponse<String> response = query(holder, "{\"bsn\":\"" + bsn + "\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> dossier = json(response);
        assertThat(dossier).containsEntry("holder", holder).containsEntry("bsn", bsn);
        Map<String, Object> sections = map(dossier.get("sections"));
        assertThat(sections.keySet()).isSubsetOf(Categories.ALL).contains(section);
        assertThat(sections).containsEntry("BSN", bsn);
        assertThat(map(sections.get("PERSONALIA"))).containsEntry("surname", surname);
    }

    @Test
    void theMotherWithTwoChildrenListsBothChildrenAndTheFathersAuthority() throws Exception {
        Map<String, Object> household =
                map(map(json(query("plusteam", "{\"bsn\":\"999990019\"}")).get("sections"))
                        .get("HOUSEHOLD"));

        assertThat(list(household.get("members")))
                .extracting(member -> map(member).get("birthDate"))
                .containsExactly("1986-02-11", "2012-05-01", "2019-03-14");
        assertThat(list(household.get("authorityOutsideHousehold"))).hasSize(1);
    }

    @Test
    void theOtsCaseHasCareDeployedOnTheOrderOfTheGi() throws Exception {
        Map<String, Object> sections =
                map(json(query("plusteam", "{\"bsn\":\"999990123\"}")).get("sections"));

        assertThat(list(sections.get("CARE_DEPLOYED")))
                .extracting(item -> map(item).get("orderedBy"))
                .contains("GI");
        assertThat(map(sections.get("ASSESSMENT"))).containsEntry("kader", "dwang");
        assertThat(map(map(sections.get("HOUSEHOLD")).get("measure"))).containsEntry("type", "OTS");
    }

    @Test
    void aDemoBsnAtTheOtherHolderGetsThatHoldersSyntheticDossier() throws Exception {
        Map<String, Object> dossier = json(query("porthos", "{\"bsn\":\"999993653\"}"));

        assertThat(dossier).containsEntry("holder", "porthos");
        assertThat(map(map(dossier.get("sections")).get("PERSONALIA"))).doesNotContainEntry("surname", "Verhoeven");
    }

    @Test
    void syntheticDossierIsTheSameEveryTime() throws Exception {
        Map<String, Object> first = json(query("plusteam", "{\"bsn\":\"999990202\"}"));
        Map<String, Object> second = json(query("plusteam", "{\"bsn\":\"999990202\"}"));

        assertThat(first).containsEntry("holder", "plusteam").containsEntry("bsn", "999990202");
        // Only the moment of retrieval may differ between two answers.
        assertThat(withoutRetrievedAt(second)).isEqualTo(withoutRetrievedAt(first));
        assertThat(Instant.parse((String) first.get("retrievedAt"))).isNotNull();
    }

    @Test
    void twoSyntheticBsnsGetDifferentDossiers() throws Exception {
        Map<String, Object> one =
                map(json(query("plusteam", "{\"bsn\":\"999990202\"}")).get("sections"));
        Map<String, Object> other =
                map(json(query("plusteam", "{\"bsn\":\"999990214\"}")).get("sections"));

        assertThat(one.get("PERSONALIA")).isNotEqualTo(other.get("PERSONALIA"));
        assertThat(one).containsEntry("BSN", "999990202");
        assertThat(other).containsEntry("BSN", "999990214");
    }

    @ParameterizedTest
    @ValueSource(strings = {"999990226", "999990238", "999990251", "999990263", "999990275", "999990287"})
    void syntheticSectionsAreKeyedByKnownCategories(String bsn) throws Exception {
        for (String holder : CaseFileStub.HOLDERS) {
            HttpResponse<String> response = query(holder, "{\"bsn\":\"" + bsn + "\"}");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(map(json(response).get("sections")).keySet())
                    .isSubsetOf(Categories.ALL)
                    .contains("BSN", "PERSONALIA", "HOUSEHOLD", "ASSESSMENT");
        }
    }

    @Test
    void unknownHolderIsNotFoundAndTheBsnIsNotEchoed() throws Exception {
        HttpResponse<String> response = query("gemeente-waalre", "{\"bsn\":\"999993653\"}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response)).containsEntry("code", "UNKNOWN_HOLDER");
        assertThat(response.body()).doesNotContain("999993653");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"bsn\":\"999993654\"}",
                "{\"bsn\":\"123456789\"}",
                "{\"bsn\":\"000000000\"}",
                "{\"bsn\":\"99999365\"}",
                "{\"bsn\":\"9999936530\"}",
                "{\"bsn\":\"99999365a\"}",
                "{\"bsn\":999993653}",
                "{\"bsn\":null}",
                "{\"subject\":\"999993653\"}",
                "{}"
            })
    void bodyWithoutAValidBsnIsNotFoundAndNotEchoed(String body) throws Exception {
        HttpResponse<String> response = query("plusteam", body);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response)).containsEntry("code", "NO_DOSSIER");
        assertThat(response.body()).doesNotContain("99999365", "12345678");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"bsn\":", "bsn=999993653", "", "[\"999993653\"]", "\"999993653\""})
    void malformedBodyIsABadRequest(String body) throws Exception {
        HttpResponse<String> response = query("plusteam", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response)).containsEntry("code", "MALFORMED_REQUEST");
        assertThat(response.body()).doesNotContain("999993653");
    }

    @Test
    void anyOtherRequestGetsASmallNotFoundWithoutTheRequestBody() throws Exception {
        HttpResponse<String> wrongPath =
                send(HttpRequest.newBuilder(URI.create(stub.baseUrl() + "/api/plusteam/dossiers"))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"bsn\":\"999993653\"}"))
                        .build());
        HttpResponse<String> wrongMethod =
                send(HttpRequest.newBuilder(URI.create(stub.baseUrl() + "/api/plusteam/dossiers/query"))
                        .GET()
                        .build());

        assertThat(wrongPath.statusCode()).isEqualTo(404);
        assertThat(wrongPath.body()).doesNotContain("999993653");
        assertThat(json(wrongPath)).containsEntry("code", "NOT_FOUND");
        assertThat(wrongMethod.statusCode()).isEqualTo(404);
    }

    @Test
    void testsCanInjectAServerErrorForOneSubject() throws Exception {
        StubMapping fault = stub.server()
                .stubFor(post(urlPathEqualTo("/api/plusteam/dossiers/query"))
                        .atPriority(1)
                        .withRequestBody(matchingJsonPath("$.bsn", equalTo("999993653")))
                        .willReturn(serverError()));
        try {
            assertThat(query("plusteam", "{\"bsn\":\"999993653\"}").statusCode())
                    .isEqualTo(500);
            assertThat(query("plusteam", "{\"bsn\":\"999990019\"}").statusCode())
                    .isEqualTo(200);
        } finally {
            stub.server().removeStub(fault);
        }
        assertThat(query("plusteam", "{\"bsn\":\"999993653\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void testsCanInjectADelayThatTripsAClientTimeout() throws Exception {
        StubMapping slow = stub.server()
                .stubFor(post(urlPathEqualTo("/api/porthos/dossiers/query"))
                        .atPriority(1)
                        .withRequestBody(matchingJsonPath("$.bsn", equalTo("999990299")))
                        .willReturn(aResponse().withStatus(200).withFixedDelay(2_000)));
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(stub.baseUrl() + "/api/porthos/dossiers/query"))
                    .timeout(Duration.ofMillis(300))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"bsn\":\"999990299\"}"))
                    .build();
            assertThatThrownBy(() -> HTTP.send(request, HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(HttpTimeoutException.class);
        } finally {
            stub.server().removeStub(slow);
        }
    }

    @Test
    void aSecondStubStartsOnItsOwnPortAndStopsCleanly() throws Exception {
        int port;
        try (CaseFileStub other = CaseFileStub.start(0)) {
            port = other.port();
            assertThat(port).isNotEqualTo(stub.port());
            assertThat(send(HttpRequest.newBuilder(URI.create(other.baseUrl() + "/api/plusteam/dossiers/query"))
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"bsn\":\"999993653\"}"))
                                    .build())
                            .statusCode())
                    .isEqualTo(200);
        }
        HttpRequest afterStop = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                .timeout(Duration.ofSeconds(2))
                .build();
        assertThatThrownBy(() -> HTTP.send(afterStop, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
    }

    @Test
    void startRejectsAnImpossiblePort() {
        assertThatThrownBy(() -> CaseFileStub.start(70_000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parsesThePortArgument() {
        assertThat(CaseFileStub.parsePort(new String[0])).isEqualTo(8280);
        assertThat(CaseFileStub.parsePort(new String[] {"--port", "9000"})).isEqualTo(9000);
        assertThat(CaseFileStub.parsePort(new String[] {"--port=0"})).isZero();
        assertThatThrownBy(() -> CaseFileStub.parsePort(new String[] {"--port"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CaseFileStub.parsePort(new String[] {"--port", "x"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CaseFileStub.parsePort(new String[] {"--verbose"}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static HttpResponse<String> query(String holder, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(stub.baseUrl() + "/api/" + holder + "/dossiers/query"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(HttpResponse<String> response) {
        return Json.read(response.body(), Map.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Object>) value;
    }

    private static Map<String, Object> withoutRetrievedAt(Map<String, Object> dossier) {
        Map<String, Object> copy = new HashMap<>(dossier);
        copy.remove("retrievedAt");
        return copy;
    }
}
