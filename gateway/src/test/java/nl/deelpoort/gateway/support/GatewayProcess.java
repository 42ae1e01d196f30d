package nl.deelpoort.gateway.support;

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
import java.util.List;
import java.util.Map;

/**
 * The gateway in a JVM of its own, for benchmarks and fault suites that need its CPU, memory or
 * life to be separate from the load generator's: started with this JVM's class path and java, the
 * given properties as command-line arguments (the java of {@value #JAVA_PROPERTY} if set), optionally pinned to CPUs with {@code taskset}. Its
 * output goes to a file, not to this process.
 */
public final class GatewayProcess implements AutoCloseable {

    /** System property naming the java executable of the gateway's JVM; default: this JVM's. */
    public static final String JAVA_PROPERTY = "deelpoort.gateway.java";

    private final Process process;
    private final int port;
    private final Path output;

    private GatewayProcess(Process process, int port, Path output) {
        this.process = process;
        this.port = port;
        this.output = output;
    }

    /**
     * Starts the gateway and waits until it is ready (readiness probe UP), at most {@code timeout}.
     *
     * @param properties gateway properties ({@code DevServices.gatewayProperties()} and overrides)
     * @param jvmOptions extra JVM options ({@code -Xmx512m}, {@code -XX:+UseParallelGC}, …)
     * @param cpus CPU list for {@code taskset -c}, or null for no pinning
     */
    public static GatewayProcess start(
            Map<String, String> properties, List<String> jvmOptions, String cpus, Duration timeout)
            throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        if (cpus != null) {
            command.addAll(List.of("taskset", "-c", cpus));
        }
        command.add(System.getProperty(
                JAVA_PROPERTY, ProcessHandle.current().info().command().orElse("java")));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "nl.deelpoort.gateway.DeelpoortGateway"));
        properties.forEach((k, v) -> command.add("--" + k + "=" + v));
        command.add("--server.port=" + port);
        Path output = Files.createTempFile("deelpoort-gateway-", ".log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        GatewayProcess gateway = new GatewayProcess(process, port, output);
        gateway.awaitReady(timeout);
        return gateway;
    }

    private void awaitReady(Duration timeout) throws InterruptedException, IOException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        URI readiness = URI.create(baseUrl() + "/actuator/health/readiness");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("gateway exited with " + process.exitValue() + "; see " + output);
            }
            try {
                HttpResponse<Void> r = http.send(
                        HttpRequest.newBuilder(readiness).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        close();
        throw new IllegalStateException("gateway not ready within " + timeout + "; see " + output);
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public long pid() {
        return process.pid();
    }

    /** The file the gateway's output goes to. */
    public Path output() {
        return output;
    }

    /** Resident set size of the gateway's JVM in bytes, from {@code /proc}; -1 where there is none. */
    public long residentBytes() {
        return residentBytes(process.pid());
    }

    /** Resident set size of any process in bytes, from {@code /proc/<pid>/status}; -1 where there is none. */
    public static long residentBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** Runs {@code jcmd <pid> <arguments>} against the gateway (JFR.start, GC.heap_info, …) and returns its output. */
    public String jcmd(String... arguments) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty(
                JAVA_PROPERTY, ProcessHandle.current().info().command().orElse("java")));
        List<String> command = new ArrayList<>();
        command.add(java.resolveSibling("jcmd").toString());
        command.add(Long.toString(process.pid()));
        command.addAll(List.of(arguments));
        Process jcmd = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes());
        jcmd.waitFor();
        return out;
    }

    /** SIGKILL, no shutdown hooks: for the fault suites. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(
                    java.util.concurrent.TimeUnit.SECONDS.toMillis(20), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
