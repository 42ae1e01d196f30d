package nl.deelpoort.gateway.filesystem;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static nl.deelpoort.gateway.support.TestBsns.freshBsn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.deelpoort.gateway.filesystem.CaseFileException.Failure;
import nl.deelpoort.gateway.filesystem.CaseFileSettings.Auth;
import nl.deelpoort.gateway.filesystem.CaseFileSettings.AuthType;
import nl.deelpoort.gateway.support.IntegrationTest;
import nl.deelpoort.gateway.support.TestServices;
import nl.deelpoort.policy.Bsn;
import nl.deelpoort.policy.OrganisationId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.JsonNode;

/**
 * The client against the real stub (and, for client credentials, the real Keycloak), each test with
 * its own client and settings. Runs with the other ITs for the services they share.
 */
class CaseFileClientIT extends IntegrationTest {

    private static final OrganisationId PORTHOS = OrganisationId.of("porthos");
    private static final String QUERY = "/api/porthos/dossiers/query";
    private final List<StubMapping> added = new ArrayList<>();

    @AfterEach
    void removeMappings() {
        added.forEach(stub()::removeStub);
    }

    @Test
    void fetchesTheDemoFileWithoutCredentials() {
        JsonNode file = client(settings(Map.of(), 2, Duration.ofSeconds(5), DataSize.ofMegabytes(1)))
                .fetch(PORTHOS, Bsn.of("999990184"), null);
        assertThat(file.path("sections").path("BSN").asString()).isEqualTo("999990184");
    }

    @Test
    void sendsAStaticBearerToken() {
        String bsn = freshBsn();
        answer(bsn, "Bearer s3cret-static", aResponse().withStatus(200).withBody(file(bsn)));
        Auth auth = new Auth(AuthType.STATIC_TOKEN, "s3cret-static", null, null, null, null);
        JsonNode got = client(settings(
                        Map.of("porthos", new CaseFileSettings.Holder(null, auth)),
                        2,
                        Duration.ofSeconds(5),
                        DataSize.ofMegabytes(1)))
                .fetch(PORTHOS, Bsn.of(bsn), null);
        assertThat(got.path("sections").path("CARE_DEPLOYED").isArray()).isTrue();
    }

    @Test
    void obtainsAndReusesAClientCredentialsTokenFromKeycloak() {
        String bsn = freshBsn();
        answer(bsn, "Bearer ey.+", aResponse().withStatus(200).withBody(file(bsn)));
        URI tokenUri = URI.create(TestServices.get().keycloak().issuer() + "/protocol/openid-connect/token");
        Auth auth = new Auth(AuthType.CLIENT_CREDENTIALS, null, tokenUri, "porthos-system", "porthos-secret", null);
        CaseFileClient client = client(settings(
                Map.of("porthos", new CaseFileSettings.Holder(null, auth)),
                2,
                Duration.ofSeconds(5),
                DataSize.ofMegabytes(1)));
        client.fetch(PORTHOS, Bsn.of(bsn), null);
        client.fetch(PORTHOS, Bsn.of(bsn), null);
        stub().verify(2, postRequestedFor(urlPathEqualTo(QUERY)).withHeader("Authorization", matching("Bearer ey.+")));
    }

    @Test
    void aWrongClientSecretIsAnAuthenticationFailure() {
        URI tokenUri = URI.create(TestServices.get().keycloak().issuer() + "/protocol/openid-connect/token");
        Auth auth = new Auth(AuthType.CLIENT_CREDENTIALS, null, tokenUri, "porthos-system", "wrong", null);
        CaseFileClient client = client(settings(
                Map.of("porthos", new CaseFileSettings.Holder(null, auth)),
                2,
                Duration.ofSeconds(5),
                DataSize.ofMegabytes(1)));
        assertThatThrownBy(() -> client.fetch(PORTHOS, Bsn.of(freshBsn()), null))
                .isInstanceOfSatisfying(
                        CaseFileException.class, e -> assertThat(e.failure()).isEqualTo(Failure.AUTHENTICATION));
    }

    @Test
    void silenceIsATimeout() {
        String bsn = freshBsn();
        answer(bsn, null, aResponse().withStatus(200).withFixedDelay(2_000).withBody(file(bsn)));
        CaseFileClient client = client(settings(Map.of(), 2, Duration.ofMillis(300), DataSize.ofMegabytes(1)));
        assertThatThrownBy(() -> client.fetch(PORTHOS, Bsn.of(bsn), null))
                .isInstanceOfSatisfying(
                        CaseFileException.class, e -> assertThat(e.failure()).isEqualTo(Failure.TIMEOUT));
    }

    @Test
    void anAnswerOverTheLimitIsABadAnswer() {
        String bsn = freshBsn();
        answer(
                bsn,
                null,
                aResponse().withStatus(200).withBody("{\"sections\":{\"CASE_NOTES\":\"" + "x".repeat(5000) + "\"}}"));
        CaseFileClient client = client(settings(Map.of(), 2, Duration.ofSeconds(5), DataSize.ofKilobytes(1)));
        assertThatThrownBy(() -> client.fetch(PORTHOS, Bsn.of(bsn), null))
                .isInstanceOfSatisfying(
                        CaseFileException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_ANSWER));
    }

    @Test
    void theCircuitOpensAfterRepeatedFailuresAndThenSparesTheHolder() {
        String bsn = freshBsn();
        answer(bsn, null, aResponse().withStatus(503).withBody("{\"message\":\"down for " + bsn + "\"}"));
        CaseFileClient client = client(settings(Map.of(), 2, Duration.ofSeconds(5), DataSize.ofMegabytes(1)));
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> client.fetch(PORTHOS, Bsn.of(bsn), null))
                    .isInstanceOfSatisfying(CaseFileException.class, e -> {
                        assertThat(e.failure()).isEqualTo(Failure.ERROR_STATUS);
                        assertThat(e.getMessage()).contains("503").doesNotContain(bsn, "down for");
                    });
        }
        assertThat(client.circuit(PORTHOS)).isEqualTo(CircuitBreaker.State.OPEN);
        assertThatThrownBy(() -> client.fetch(PORTHOS, Bsn.of(bsn), null))
                .isInstanceOfSatisfying(
                        CaseFileException.class, e -> assertThat(e.failure()).isEqualTo(Failure.CIRCUIT_OPEN));
        stub().verify(
                        2,
                        postRequestedFor(urlPathEqualTo(QUERY))
                                .withRequestBody(matchingJsonPath("$.bsn", equalTo(bsn))));
    }

    @Test
    void noDossierIsNotAFailureOfTheFileSystem() {
        String bsn = freshBsn();
        answer(
                bsn,
                null,
                aResponse().withStatus(404).withBody("{\"status\":404,\"code\":\"NO_DOSSIER\",\"message\":\"x\"}"));
        CaseFileClient client = client(settings(Map.of(), 1, Duration.ofSeconds(5), DataSize.ofMegabytes(1)));
        assertThatThrownBy(() -> client.fetch(PORTHOS, Bsn.of(bsn), null))
                .isInstanceOfSatisfying(
                        CaseFileException.class, e -> assertThat(e.failure()).isEqualTo(Failure.NO_CASE_FILE));
        assertThat(client.circuit(PORTHOS)).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aHolderTheFileSystemDoesNotKnowIsAnErrorStatus() {
        CaseFileClient client = client(settings(Map.of(), 1, Duration.ofSeconds(5), DataSize.ofMegabytes(1)));
        // The stub keeps files for plusteam and porthos only.
        assertThatThrownBy(() -> client.fetch(OrganisationId.of("gemeente-waalre"), Bsn.of(freshBsn()), null))
                .isInstanceOfSatisfying(
                        CaseFileException.class, e -> assertThat(e.failure()).isEqualTo(Failure.ERROR_STATUS));
    }

    private static CaseFileSettings settings(
            Map<String, CaseFileSettings.Holder> holders, int threshold, Duration readTimeout, DataSize max) {
        return new CaseFileSettings(
                URI.create(TestServices.get().caseFiles().baseUrl()),
                Duration.ofSeconds(2),
                readTimeout,
                4,
                max,
                threshold,
                Duration.ofMinutes(5),
                holders);
    }

    private static CaseFileClient client(CaseFileSettings settings) {
        return new CaseFileClient(settings, Clock.systemUTC());
    }

    private void answer(String bsn, String authorization, ResponseDefinitionBuilder response) {
        var mapping =
                post(urlPathEqualTo(QUERY)).atPriority(1).withRequestBody(matchingJsonPath("$.bsn", equalTo(bsn)));
        if (authorization != null) {
            mapping = mapping.withHeader("Authorization", matching(authorization));
        }
        added.add(stub().stubFor(mapping.willReturn(response.withHeader("Content-Type", "application/json"))));
    }

    private static String file(String bsn) {
        return "{\"holder\":\"porthos\",\"bsn\":\"" + bsn + "\",\"sections\":{\"BSN\":\"" + bsn
                + "\",\"CARE_DEPLOYED\":[]}}";
    }

    private static WireMockServer stub() {
        return TestServices.get().caseFiles().server();
    }
}
