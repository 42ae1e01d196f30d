package nl.deelpoort.gateway.reliability.heavy;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.deelpoort.devkit.EmbeddedDatabase;
import nl.deelpoort.gateway.DeelpoortGateway;
import nl.deelpoort.gateway.support.TestServices;

/**
 * The gateway as a child JVM: {@code java -cp <the test classpath> nl.deelpoort.gateway.DeelpoortGateway
 * --prop=…}, with the properties of {@code DevServices.gatewayProperties()} (Keycloak and the case file
 * stub of {@link TestServices}) pointed at a database of the suite's own, on a fixed port and with a
 * fixed key folder, so that a restart serves the same port with the same keys. Its output goes to
 * {@code target/reliability/<name>.log}.
 */
final class GatewayProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(150);

    private final String name;
    private final int port;
    private final Map<String, String> properties;
    private final Path output;
    private Process process;

    private GatewayProcess(String name, int port, Map<String, String> properties) {
        this.name = name;
        this.port = port;
        this.properties = properties;
        this.output = Path.of("target", "reliability", name + ".log");
    }

    /**
     * A gateway on {@code database}, not yet started; {@code keys} is its key folder (the log's signing
     * and pseudonym keys, the transfer key), shared by every instance of one log.
     */
    static GatewayProcess on(String name, EmbeddedDatabase database, Path keys) {
        Map<String, String> p = new LinkedHashMap<>(TestServices.get().gatewayProperties());
        p.put("spring.datasource.url", database.jdbcUrl());
        p.put("spring.flyway.url", database.jdbcUrl());
        int port = freePort();
        p.put("server.port", Integer.toString(port));
        p.put("deelpoort.log.data-dir", keys.resolve("log").toString());
        p.put("deelpoort.exchange.data-dir", keys.resolve("exchange").toString());
        // Checkpoints every second, so that every phase of a suite ends under a signed one.
        p.put("deelpoort.log.checkpoint-interval", "1s");
        p.put("logging.level.root", "WARN");
        p.put("logging.level.nl.deelpoort", "INFO");
        return new GatewayProcess(name, port, p);
    }

    /** Starts the JVM and waits until the gateway is ready (its readiness probe answers 200). */
    GatewayProcess start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " already runs");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        command.add(classpath());
        command.add(DeelpoortGateway.class.getName());
        properties.forEach((k, v) -> command.add("--" + k + "=" + v));
        try {
            Files.createDirectories(output.getParent());
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + name, e);
        }
        awaitReady(START_TIMEOUT);
        return this;
    }

    /** SIGKILL: no shutdown hook, no draining of the sequencer, no closing of pools. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " did not die");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Waits until the readiness probe answers 200 (the database and the sequencer can be counted on). */
    void awaitReady(Duration timeout) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5))
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + output);
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException(name + " not ready within " + timeout + "; see " + output);
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    /**
     * The test classpath. Failsafe puts it in {@code java.class.path} of the forked test JVM (its manifest-only
     * booter jar is {@code surefire.real.class.path}); the child gets the same entries.
     */
    private static String classpath() {
        String cp = System.getProperty("java.class.path");
        if (cp.split(File.pathSeparator).length < 5) {
            throw new IllegalStateException("the test JVM's class path looks like a booter jar only: " + cp);
        }
        return cp;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
