package nl.deelpoort.casefile.stub;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The case file system stub: a WireMock server with the demo dossiers and the synthetic catch-all.
 *
 * <p>Start it on port 0 in tests and read {@link #baseUrl()}; the local stack runs {@link #main(String[])} on 8280. Both
 * load the same mappings from the classpath, so what a test sees is what the demo shows. Tests may add their own
 * mappings through {@link #server()} (delays, 500s, dropped connections). Demo dossiers are mapped at priority 1, the
 * synthetic catch-all at 10 and the not-found fallback at 100; WireMock prefers the lower number and, at equal
 * priority, the newest mapping, so a test mapping at priority 1 overrides everything.
 */
public final class CaseFileStub implements AutoCloseable {

    /** The port of the local stack, fixed in the API contract. */
    public static final int DEFAULT_PORT = 8280;

    /** The holders whose case file system this stub plays; any other holder in the path gets a 404. */
    public static final Set<String> HOLDERS = Set.of("plusteam", "porthos");

    static final String CLASSPATH_ROOT = "casefile-stub";

    private static final Logger LOG = LoggerFactory.getLogger(CaseFileStub.class);

    /** Enough recent requests for a test to verify against, without growing for the lifetime of a local stack. */
    private static final int JOURNAL_ENTRIES = 1000;

    /**
     * System property that switches the request journal off ({@code -Dcasefile.stub.journal=false}): the
     * benchmarks set it, because WireMock counts its whole journal on every request to trim it, which
     * costs the stub more CPU than answering and would flatter whatever is compared with the stub.
     */
    public static final String JOURNAL_PROPERTY = "casefile.stub.journal";

    private final WireMockServer server;

    private CaseFileStub(WireMockServer server) {
        this.server = server;
    }

    /**
     * Starts a stub on {@code port}, or on a free port when it is 0.
     *
     * @throws IllegalArgumentException when the port is outside 0–65535
     * @throws IllegalStateException when the server cannot start (for example, the port is taken)
     */
    public static CaseFileStub start(int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
        var options = options()
                .port(port)
                .usingFilesUnderClasspath(CLASSPATH_ROOT)
                .extensions(new DossierTransformer(HOLDERS, new SyntheticDossiers(), Clock.systemUTC()))
                .notifier(new QuietNotifier())
                .stubRequestLoggingDisabled(true)
                .maxRequestJournalEntries(JOURNAL_ENTRIES);
        if ("false".equals(System.getProperty(JOURNAL_PROPERTY))) {
            options.disableRequestJournal();
        }
        WireMockServer server = new WireMockServer(options);
        try {
            server.start();
        } catch (RuntimeException e) {
            throw new IllegalStateException("case file stub could not start on port " + port, e);
        }
        return new CaseFileStub(server);
    }

    public int port() {
        return server.port();
    }

    /** {@code http://localhost:<port>}, without a trailing slash. */
    public String baseUrl() {
        return "http://localhost:" + server.port();
    }

    /** The underlying server, for tests that add fault mappings or verify requests. */
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

    /**
     * Runs the stub until the JVM is stopped (Ctrl-C). Arguments: {@code [--port N]}, default {@value #DEFAULT_PORT}.
     */
    public static void main(String[] args) throws InterruptedException {
        int port;
        try {
            port = parsePort(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: casefile-stub [--port N]   (default " + DEFAULT_PORT + ", 0 = a free port)");
            System.exit(2);
            return;
        }
        CaseFileStub stub = start(port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            stub.stop();
                            stopped.countDown();
                        },
                        "casefile-stub-shutdown"));
        LOG.info("Case file stub for {} listening on {}", HOLDERS, stub.baseUrl());
        stopped.await();
    }

    static int parsePort(String[] args) {
        int port = DEFAULT_PORT;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value;
            if ("--port".equals(arg)) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("--port needs a value");
                }
                value = args[++i];
            } else if (arg.startsWith("--port=")) {
                value = arg.substring("--port=".length());
            } else {
                throw new IllegalArgumentException("unknown argument: " + arg);
            }
            try {
                port = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--port must be a number, was " + value);
            }
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("--port must be between 0 and 65535, was " + port);
            }
        }
        return port;
    }
}
