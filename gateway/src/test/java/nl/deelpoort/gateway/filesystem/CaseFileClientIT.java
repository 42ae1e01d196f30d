package nl.deelpoort.gateway.filesystem;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
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
import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import nl.deelpoort.gateway.filesystem.CaseFileException.Failure;
import nl.deelpoort.gateway.filesystem.CaseFileSettings.Auth;
import nl.deelpoort.gateway.filesystem.CaseFileSettings.AuthType;
import nl.deelpoort.gateway.resilience.CallGuards;
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
    private static final Duration OPEN_FOR = Duration.ofMinutes(5);
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
        var sent = stub().findAll(postRequestedFor(urlPathEqualTo(QUERY))
                .withRequestBody(matchingJsonPath("$.bsn", equalTo(bsn)))
                .withHeader("Authorization", matching("Bearer ey.+")));
        assertThat(sent).hasSize(2);
        // Keycloak issues a new token (new jti, iat) on every request: the same header twice means reused.
        assertThat(sent.get(1).getHeader("Authorization")).isEqualTo(sent.get(0).getHeader("Authorization"));
    }

    @Test
    void anUnreachableTokenEndpointIsAnAuthenticationFailureThatNamesNoSecret() {
        Auth auth = new Auth(
                AuthType.CLIENT_CREDENTIALS,
                null,
                URI.create("http://127.0.0.1:1/token"),
                "porthos-system",
                "s3cr3t-x",
                null);
        CaseFileClient client = client(settings(
                Map.of("porthos", new CaseFileSettings.Holder(null, auth)),
                2,
                Duration.ofSeconds(5),
                DataSize.ofMegabytes(1)));
        String bsn = freshBsn();
        assertThatThrownBy(() -> client.fetch(PORTHOS, Bsn.of(bsn), null))
                .isInstanceOfSatisfying(CaseFileException.class, e -> {
                    assertThat(e.failure()).isEqualTo(Failure.AUTHENTICATION);
                    assertThat(e).hasNoCause();
                    assertThat(e.getMessage()).contains("porthos").doesNotContain("s3cr3t-x", bsn);
                });
        stub().verify(
                        0,
                        postRequestedFor(urlPathEqualTo(QUERY))
                                .withRequestBody(matchingJsonPath("$.bsn", equalTo(bsn))));
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
                .isInstanceOfSatisfying(CaseFileException.class, e -> {
                    assertThat(e.failure()).isEqualTo(Failure.AUTHENTICATION);
                    // Keycloak's OAuth2 error code, nothing else of its answer, and never the secret.
                    assertThat(e.getMessage()).contains("unauthorized_client").doesNotContain("wrong");
                });
    }

    @Test
    void aTokenEndpointAnsweringSomethingElseIsAnAuthenticationFailureNamingTheStatus() {
        String path = "/oauth/token-down-" + freshBsn();
        added.add(stub().stubFor(post(urlPathEqualTo(path))
                .willReturn(aResponse().withStatus(503).withBody("<html>maintenance, secret=abc</html>"))));
        URI tokenUri = URI.create(TestServices.get().caseFiles().baseUrl() + path);
        Auth auth = new Auth(AuthType.CLIENT_CREDENTIALS, null, tokenUri, "porthos-system", "porthos-secret", null);
        CaseFileClient client = client(settings(
                Map.of("porthos", new CaseFileSettings.Holder(null, auth)),
                2,
                Duration.ofSeconds(5),
                DataSize.ofMegabytes(1)));
        assertThatThrownBy(() -> client.fetch(PORTHOS, Bsn.of(freshBsn()), null))
                .isInstanceOfSatisfying(CaseFileException.class, e -> {
                    assertThat(e.failure()).isEqualTo(Failure.AUTHENTICATION);
                    assertThat(e.getMessage()).contains("http_status_503").doesNotContain("maintenance", "secret");
                });
        stub().verify(
                        1,
                        postRequestedFor(urlPathEqualTo(path))
                                .withHeader("Authorization", matching("Basic .+"))
                                .withRequestBody(containing("grant_type=client_credentials")));
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
        assertThat(client.circuit(PORTHOS)).isEqualTo(State.OPEN);
        assertThatThrownBy(() -> client.fetch(PORTHOS, Bsn.of(bsn), null))
                .isInstanceOfSatisfying(
                        CaseFileException.class, e -> assertThat(e.failure()).isEqualTo(Failure.CIRCUIT_OPEN));
        stub().verify(
                        2,
                        postRequestedFor(urlPathEqualTo(QUERY))
                                .withRequestBody(matchingJsonPath("$.bsn", equalTo(bsn))));
    }

    @Test
    void afterOpenForOneTrialIsLetThroughAndItsOutcomeClosesOrReopensTheCircuit() {
        String failing = freshBsn();
        answer(failing, null, aResponse().withStatus(500));
        MutableClock clock = new MutableClock();
        CaseFileClient client = client(settings(Map.of(), 2, Duration.ofSeconds(5), DataSize.ofMegabytes(1)), clock);
        failTwice(client, failing);
        assertThat(client.circuit(PORTHOS)).isEqualTo(State.OPEN);

        clock.advance(OPEN_FOR.minusSeconds(1));
        assertFailure(client, freshBsn(), Failure.CIRCUIT_OPEN);
        clock.advance(Duration.ofSeconds(2));
        assertFailure(client, failing, Failure.ERROR_STATUS);
        assertThat(client.circuit(PORTHOS)).as("a failed trial reopens it").isEqualTo(State.OPEN);
        assertFailure(client, freshBsn(), Failure.CIRCUIT_OPEN);

        clock.advance(OPEN_FOR.plusSeconds(1));
        String good = freshBsn();
        assertThat(client.fetch(PORTHOS, Bsn.of(good), null)
                        .path("sections")
                        .path("BSN")
                        .asString())
                .isEqualTo(good);
        assertThat(client.circuit(PORTHOS)).as("a good trial closes it").isEqualTo(State.CLOSED);
        assertThat(client.fetch(PORTHOS, Bsn.of(freshBsn()), null)
                        .path("sections")
                        .isObject())
                .isTrue();
        stub().verify(
                        3,
                        postRequestedFor(urlPathEqualTo(QUERY))
                                .withRequestBody(matchingJsonPath("$.bsn", equalTo(failing))));
    }

    @Test
    void withEveryConnectionTakenTheNextCallIsRefusedAtOnceWithoutCallingTheHolder() throws Exception {
        String slow = freshBsn();
        answer(slow, null, aResponse().withStatus(200).withFixedDelay(1_500).withBody(file(slow)));
        CaseFileClient client = client(settings(Map.of(), 2, Duration.ofSeconds(5), DataSize.ofMegabytes(1), 1));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<JsonNode> first = pool.submit(() -> client.fetch(PORTHOS, Bsn.of(slow), null));
            await(() -> stub().findAll(postRequestedFor(urlPathEqualTo(QUERY))
                                    .withRequestBody(matchingJsonPath("$.bsn", equalTo(slow))))
                            .size()
                    == 1);
            String second = freshBsn();
            assertFailure(client, second, Failure.BUSY);
            assertThat(first)
                    .as("refused while the first call was still in flight")
                    .isNotDone();
            stub().verify(
                            0,
                            postRequestedFor(urlPathEqualTo(QUERY))
                                    .withRequestBody(matchingJsonPath("$.bsn", equalTo(second))));
            assertThat(first.get(10, TimeUnit.SECONDS).path("bsn").asString()).isEqualTo(slow);
            assertThat(client.circuit(PORTHOS))
                    .as("a refusal says nothing about the holder")
                    .isEqualTo(State.CLOSED);
            String third = freshBsn();
            assertThat(client.fetch(PORTHOS, Bsn.of(third), null)
                            .path("sections")
                            .path("BSN")
                            .asString())
                    .as("the slot is free again")
                    .isEqualTo(third);
        } finally {
            pool.shutdownNow();
        }
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
        assertThat(client.circuit(PORTHOS)).isEqualTo(State.CLOSED);
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
        return settings(holders, threshold, readTimeout, max, 4);
    }

    private static CaseFileSettings settings(
            Map<String, CaseFileSettings.Holder> holders,
            int threshold,
            Duration readTimeout,
            DataSize max,
            int maxConnections) {
        return new CaseFileSettings(
                URI.create(TestServices.get().caseFiles().baseUrl()),
                Duration.ofSeconds(2),
                readTimeout,
                maxConnections,
                Duration.ZERO,
                max,
                threshold,
                OPEN_FOR,
                holders);
    }

    /** A client of its own, with guards of its own (the application's are bound to the app's meters). */
    private static CaseFileClient client(CaseFileSettings settings) {
        return client(settings, Clock.systemUTC());
    }

    private static CaseFileClient client(CaseFileSettings settings, Clock clock) {
        return new CaseFileClient(settings, clock, new CallGuards(clock), new SimpleMeterRegistry());
    }

    private static void failTwice(CaseFileClient client, String bsn) {
        assertFailure(client, bsn, Failure.ERROR_STATUS);
        assertFailure(client, bsn, Failure.ERROR_STATUS);
    }

    private static void assertFailure(CaseFileClient client, String bsn, Failure failure) {
        assertThatThrownBy(() -> client.fetch(PORTHOS, Bsn.of(bsn), null))
                .isInstanceOfSatisfying(
                        CaseFileException.class, e -> assertThat(e.failure()).isEqualTo(failure));
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s").isLessThan(deadline);
            Thread.sleep(20);
        }
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

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-22T10:00:00Z");

        synchronized void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public synchronized Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
