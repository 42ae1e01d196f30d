package nl.deelpoort.casefile.stub;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stand-in for the BRP API Personen (Haal Centraal, RvIG): {@code POST <base>/personen} with the query type {@code
 * RaadpleegMetBurgerservicenummer}, answering for the fictional {@link Households} (several children of different
 * ages, a parent without authority, a guardian, a guardian institution, a 17-year-old, undetermined authority).
 *
 * <p>Its base URL mirrors the API's ({@code /haalcentraal/api/brp}); like the real API it wants an API key in the
 * {@value #API_KEY_HEADER} header and answers 401 without one. Tests may add fault mappings through {@link #server()}
 * at priority 1. What it answers is validated against the published OpenAPI document of the API in this module's
 * tests. Like the case file stub it logs no BSN ({@link QuietNotifier}).
 */
public final class PopulationRegisterStub implements AutoCloseable {

    /** The port of the local stack. */
    public static final int DEFAULT_PORT = 8281;

    /** The path under which the API is served, as at RvIG. */
    public static final String BASE_PATH = "/haalcentraal/api/brp";

    /** The header that carries the API key, as the BRP API wants it. */
    public static final String API_KEY_HEADER = "X-API-KEY";

    /** The stand-in's API key: a development value, documented, accepted by nothing else. */
    public static final String DEV_API_KEY = "deelpoort-dev-brp-key";

    private static final Logger LOG = LoggerFactory.getLogger(PopulationRegisterStub.class);

    private final WireMockServer server;

    private PopulationRegisterStub(WireMockServer server) {
        this.server = server;
    }

    /** Starts the stand-in on {@code port}, or on a free port when it is 0. */
    public static PopulationRegisterStub start(int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
        WireMockServer server = new WireMockServer(options()
                .port(port)
                .extensions(new PersonenTransformer(Clock.systemUTC()))
                .notifier(new QuietNotifier())
                .stubRequestLoggingDisabled(true)
                .maxRequestJournalEntries(1000));
        try {
            server.start();
        } catch (RuntimeException e) {
            throw new IllegalStateException("population register stub could not start on port " + port, e);
        }
        server.stubFor(any(anyUrl()).atPriority(100).willReturn(aResponse().withStatus(404)));
        server.stubFor(
                post(urlPathEqualTo(BASE_PATH + "/personen"))
                        .atPriority(20)
                        .willReturn(
                                aResponse()
                                        .withStatus(401)
                                        .withHeader("Content-Type", "application/problem+json")
                                        .withBody(
                                                "{\"type\":\"https://datatracker.ietf.org/doc/html/rfc7235#section-3.1\","
                                                        + "\"title\":\"Niet correct geauthenticeerd.\",\"status\":401,\"code\":\"authentication\"}")));
        server.stubFor(post(urlPathEqualTo(BASE_PATH + "/personen"))
                .atPriority(10)
                .withHeader(API_KEY_HEADER, com.github.tomakehurst.wiremock.client.WireMock.equalTo(DEV_API_KEY))
                .willReturn(aResponse().withTransformers(PersonenTransformer.NAME)));
        return new PopulationRegisterStub(server);
    }

    /** {@code http://localhost:<port>/haalcentraal/api/brp}: the base URL the gateway is configured with. */
    public String baseUrl() {
        return "http://localhost:" + server.port() + BASE_PATH;
    }

    public WireMockServer server() {
        return server;
    }

    public void stop() {
        if (server.isRunning()) {
            server.stop();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Runs the stand-in until the JVM is stopped. Arguments: {@code [--port N]}, default {@value #DEFAULT_PORT}. */
    public static void main(String[] args) throws InterruptedException {
        int port;
        try {
            port = args.length == 0 ? DEFAULT_PORT : CaseFileStub.parsePort(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        PopulationRegisterStub stub = start(port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            stub.stop();
                            stopped.countDown();
                        },
                        "brp-stub-shutdown"));
        LOG.info("Population register (BRP) stub listening on {}", stub.baseUrl());
        stopped.await();
    }
}
