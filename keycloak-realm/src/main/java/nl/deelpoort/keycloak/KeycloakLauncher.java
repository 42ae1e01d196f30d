package nl.deelpoort.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Runs a real Keycloak (the {@code keycloak-quarkus-dist} zip from the Maven repository) with the
 * {@code deelpoort} realm, for the local stack and the end-to-end tests.
 *
 * <p>The zip is unpacked once into a cache folder and {@code kc.sh build} runs once there (the
 * Quarkus augmentation takes ~30 s). Every start after that is {@code kc.sh start --optimized},
 * which skips the augmentation that {@code start-dev} would redo on each start. The database is
 * Keycloak's in-memory dev database, so each start imports the realm afresh from this module's
 * JSON: a started Keycloak always matches the realm file in the repository.
 */
public final class KeycloakLauncher implements AutoCloseable {

    public static final String REALM = "deelpoort";
    public static final String DEFAULT_VERSION = "26.7.3";
    /** Master-realm bootstrap administrator of the dev instance (dev only, documented). */
    public static final String DEV_ADMIN_USER = "admin";

    public static final String DEV_ADMIN_PASSWORD = "admin";

    private static final int MIN_JAVA = 21;

    private final Settings settings;
    private Process process;
    private Path logFile;

    private KeycloakLauncher(Settings settings) {
        this.settings = settings;
    }

    /**
     * Launch settings; {@code httpPort} 0 picks a free port. {@code realmResource} is the realm file
     * imported (default: the dev realm); {@code environment} is added to Keycloak's environment, where
     * the import resolves the {@code ${ENV}} placeholders of the production realm.
     */
    public record Settings(
            String version,
            int httpPort,
            int managementPort,
            Path cacheDir,
            Duration startTimeout,
            String realmResource,
            Map<String, String> environment) {

        public Settings {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(cacheDir, "cacheDir");
            Objects.requireNonNull(startTimeout, "startTimeout");
            Objects.requireNonNull(realmResource, "realmResource");
            environment = Map.copyOf(environment);
        }

        public static Settings defaults() {
            return new Settings(
                    DEFAULT_VERSION, 8180, 9180, defaultCacheDir(), Duration.ofMinutes(5), RealmOverlay.DEV, Map.of());
        }

        public Settings withPorts(int http, int management) {
            return new Settings(version, http, management, cacheDir, startTimeout, realmResource, environment);
        }

        /** Imports another realm file of this module, e.g. {@link RealmOverlay#PRODUCTION}, with these variables. */
        public Settings withRealm(String resource, Map<String, String> variables) {
            return new Settings(version, httpPort, managementPort, cacheDir, startTimeout, resource, variables);
        }

        public Settings withFreePorts() {
            return withPorts(0, 0);
        }
    }

    public static Path defaultCacheDir() {
        String override = System.getenv("DEELPOORT_CACHE");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "deelpoort");
    }

    /** Unpacks (once), builds (once), starts and waits until the realm answers. */
    public static KeycloakLauncher start(Settings settings) {
        int http = settings.httpPort() == 0 ? freePort() : settings.httpPort();
        int management = settings.managementPort() == 0 ? freePort() : settings.managementPort();
        KeycloakLauncher launcher = new KeycloakLauncher(settings.withPorts(http, management));
        try {
            launcher.doStart();
            return launcher;
        } catch (RuntimeException e) {
            launcher.close();
            throw e;
        }
    }

    public int port() {
        return settings.httpPort();
    }

    public String baseUrl() {
        return "http://localhost:" + port();
    }

    public String issuer() {
        return baseUrl() + "/realms/" + REALM;
    }

    public String tokenEndpoint() {
        return issuer() + "/protocol/openid-connect/token";
    }

    public Path logFile() {
        return logFile;
    }

    private void doStart() {
        Path home = prepareDistribution(settings.version(), settings.cacheDir());
        Path javaHome = findJavaHome();
        try {
            Path importDir = home.resolve("data/import");
            Files.createDirectories(importDir);
            writeAtomically(importDir.resolve("deelpoort-realm.json"), realmJson(settings.realmResource()));
            Path logs = Files.createDirectories(settings.cacheDir().resolve("logs"));
            logFile = logs.resolve("keycloak-" + port() + ".log");
            List<String> command = new ArrayList<>(List.of(
                    home.resolve("bin/kc.sh").toString(),
                    "start",
                    "--optimized",
                    "--import-realm",
                    "--http-enabled=true",
                    "--hostname=" + baseUrl(),
                    "--hostname-strict=false",
                    "--http-port=" + port(),
                    "--http-management-port=" + settings.managementPort()));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile());
            Map<String, String> env = builder.environment();
            env.put("JAVA_HOME", javaHome.toString());
            env.put("KC_BOOTSTRAP_ADMIN_USERNAME", DEV_ADMIN_USER);
            env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", DEV_ADMIN_PASSWORD);
            env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m");
            env.putAll(settings.environment());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Keycloak", e);
        }
        awaitReady();
    }

    private void awaitReady() {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI probe = URI.create(issuer() + "/.well-known/openid-configuration");
        Instant deadline = Instant.now().plus(settings.startTimeout());
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "Keycloak exited with code " + process.exitValue() + "; see " + logFile);
            }
            try {
                HttpResponse<Void> response = client.send(
                        HttpRequest.newBuilder(probe)
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
            }
            sleep(500);
        }
        throw new IllegalStateException(
                "Keycloak did not become ready within " + settings.startTimeout() + "; see " + logFile);
    }

    /** Stops Keycloak and every process it started. */
    @Override
    public void close() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            for (ProcessHandle child : descendants) {
                child.onExit().get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            descendants.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        process = null;
    }

    /** The dev realm file shipped in this module (production realm + dev overlay, see {@link RealmOverlay}). */
    public static byte[] realmJson() {
        return realmJson(RealmOverlay.DEV);
    }

    /** A realm file of this module, e.g. {@link RealmOverlay#PRODUCTION}. */
    public static byte[] realmJson(String resource) {
        try (InputStream in = KeycloakLauncher.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("Realm resource missing: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Unpacks the dist into the cache once and runs {@code kc.sh build} once. A marker file written
     * last makes a half-finished preparation (interrupted download or build) start over.
     */
    static synchronized Path prepareDistribution(String version, Path cacheDir) {
        Path home = cacheDir.resolve("keycloak-" + version);
        Path marker = home.resolve(".deelpoort-built");
        if (Files.exists(marker)) {
            return home;
        }
        Path zip = locateDistZip(version);
        try {
            Files.createDirectories(cacheDir);
            Path staging = Files.createTempDirectory(cacheDir, "keycloak-unpack-");
            unzip(zip, staging);
            Path unpacked = staging.resolve("keycloak-" + version);
            deleteRecursively(home);
            Files.move(unpacked, home, StandardCopyOption.ATOMIC_MOVE);
            deleteRecursively(staging);
            runBuild(home);
            Files.writeString(marker, Instant.now().toString());
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare Keycloak in " + home, e);
        }
    }

    private static void runBuild(Path home) throws IOException {
        Path log = home.resolve("build.log");
        ProcessBuilder builder = new ProcessBuilder(
                        home.resolve("bin/kc.sh").toString(), "build", "--db=dev-mem", "--health-enabled=true")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", findJavaHome().toString());
        Process build = builder.start();
        try {
            if (!build.waitFor(10, TimeUnit.MINUTES) || build.exitValue() != 0) {
                build.destroyForcibly();
                throw new IllegalStateException("kc.sh build failed; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during kc.sh build", e);
        }
    }

    /** The dist zip: an explicit path, or the local Maven repository the build resolved it into. */
    static Path locateDistZip(String version) {
        String explicit = System.getenv("KEYCLOAK_DIST_ZIP");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String repo = System.getProperty(
                "maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
        Path zip = Path.of(
                repo, "org", "keycloak", "keycloak-quarkus-dist", version, "keycloak-quarkus-dist-" + version + ".zip");
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("Keycloak dist not found at " + zip
                    + ". Build the project once (./mvnw install -DskipTests) so Maven downloads it,"
                    + " or set KEYCLOAK_DIST_ZIP.");
        }
        return zip;
    }

    /**
     * Keycloak 26.7 needs Java 21 or later while the project builds for Java 17: use the running JDK
     * when it is new enough, else {@code KEYCLOAK_JAVA_HOME}, else the newest JDK under /usr/lib/jvm.
     */
    static Path findJavaHome() {
        Path running = Path.of(System.getProperty("java.home"));
        if (Runtime.version().feature() >= MIN_JAVA) {
            return running;
        }
        String explicit = System.getenv("KEYCLOAK_JAVA_HOME");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (var dirs = Files.list(jvms)) {
                var best = dirs.filter(d -> Files.isExecutable(d.resolve("bin/java")))
                        .filter(d -> javaFeature(d) >= MIN_JAVA)
                        .max((a, b) -> Integer.compare(javaFeature(a), javaFeature(b)));
                if (best.isPresent()) {
                    return best.get();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("Keycloak needs Java " + MIN_JAVA
                + "+; none found. Install one under /usr/lib/jvm or set KEYCLOAK_JAVA_HOME.");
    }

    static int javaFeature(Path javaHome) {
        Path release = javaHome.resolve("release");
        if (!Files.isRegularFile(release)) {
            return 0;
        }
        try {
            for (String line : Files.readAllLines(release)) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    String major = v.split("[.+-]")[0];
                    return Integer.parseInt(major);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    private static void unzip(Path zip, Path target) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("Zip entry outside target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        try (var scripts = Files.list(target.resolve(zipRoot(target)).resolve("bin"))) {
            scripts.filter(p -> p.toString().endsWith(".sh"))
                    .forEach(p -> p.toFile().setExecutable(true));
        }
    }

    private static Path zipRoot(Path target) throws IOException {
        try (var roots = Files.list(target)) {
            return roots.findFirst()
                    .orElseThrow(() -> new IOException("Empty Keycloak zip"))
                    .getFileName();
        }
    }

    private static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), "realm-", ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs Keycloak with the realm on port 8180 until Ctrl-C. */
    public static void main(String[] args) {
        KeycloakLauncher keycloak = start(Settings.defaults());
        Runtime.getRuntime().addShutdownHook(new Thread(keycloak::close, "keycloak-stop"));
        System.out.println("Keycloak ready at " + keycloak.baseUrl() + " (realm " + REALM + ")");
    }
}
