package nl.deelpoort.gateway.reliability.heavy;

import static nl.deelpoort.gateway.support.TestBsns.freshBsn;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.deelpoort.devkit.DevServices;
import nl.deelpoort.devkit.EmbeddedDatabase;
import nl.deelpoort.gateway.DeelpoortGateway;
import nl.deelpoort.gateway.support.BenchDatabase;
import nl.deelpoort.keycloak.Tokens;
import nl.deelpoort.policy.Framework;

/**
 * The soak of docs/reliability.md ("Load and soak"); a plain main ({@code ./benchmark SoakBenchmark minutes=10
 * clients=16}) and the engine of {@link SoakIT}. Starts PostgreSQL, Keycloak and the stubs in this JVM
 * (devkit) and the gateway as a child JVM of its own (so that its memory is its own to measure), then,
 * after a warm-up:
 *
 * <ol>
 *   <li>the mixed load for {@code minutes} with {@code clients} clients: pull, push, evaluate, consent
 *       record + withdraw, audit search, drawn by {@code weights}; every {@code sample} seconds the
 *       gateway's RSS and heap after its latest GC, throughput, the log's size, CPU per process group,
 *       and the sequencer's batch sizes from {@code /actuator/prometheus};
 *   <li>side by side, {@code baseline} seconds each at the same concurrency: (c) the gateway with pulls
 *       only, (a) the same dossier query straight to the stub, (b) plain PostgreSQL INSERTs of
 *       log-entry-sized rows (a scratch copy of {@code log_entry}: same columns and indexes, no
 *       triggers, one row per transaction) into the same database;
 *   <li>checks: every data-bearing answer's {@code disclosureId} is in the log with its kind, and the
 *       log verifies ({@code GET /api/v1/audit/integrity}).
 * </ol>
 *
 * <p>Arguments (all optional): {@code minutes=10 clients=16 weights=40,15,25,10,10 warmup=30
 * baseline=60 sample=10 subjects=256 consented=64 heap=512m}.
 */
public final class SoakBenchmark {

    /** The operations of the mixed load, in the order of {@code weights}. */
    public enum Op {
        PULL,
        PUSH,
        EVALUATE,
        CONSENT,
        AUDIT
    }

    public record Settings(
            double minutes,
            int clients,
            int[] weights,
            int warmupSeconds,
            int baselineSeconds,
            int sampleSeconds,
            int subjects,
            int consented,
            String heap) {

        public static Settings of(Map<String, String> a) {
            int[] w = Arrays.stream(a.getOrDefault("weights", "40,15,25,10,10").split(","))
                    .mapToInt(s -> Integer.parseInt(s.trim()))
                    .toArray();
            if (w.length != Op.values().length) {
                throw new IllegalArgumentException("weights: five numbers, pull,push,evaluate,consent,audit");
            }
            return new Settings(
                    Double.parseDouble(a.getOrDefault("minutes", "10")),
                    Integer.parseInt(a.getOrDefault("clients", "16")),
                    w,
                    Integer.parseInt(a.getOrDefault("warmup", "30")),
                    Integer.parseInt(a.getOrDefault("baseline", "60")),
                    Integer.parseInt(a.getOrDefault("sample", "10")),
                    Integer.parseInt(a.getOrDefault("subjects", "256")),
                    Integer.parseInt(a.getOrDefault("consented", "64")),
                    a.getOrDefault("heap", "512m"));
        }
    }

    /** One operation's figures over a phase. */
    public record OpStats(String name, long count, double perSecond, double p50ms, double p99ms, long errors) {}

    /** One sample of the mixed phase. */
    public record Interval(
            double atSeconds,
            double rssMb,
            double heapAfterGcMb,
            double opsPerSecond,
            long logEntries,
            double logMb,
            double meanBatch,
            Map<String, Double> cpuCores) {}

    public record Report(
            Settings settings,
            List<OpStats> mixed,
            List<Interval> intervals,
            List<OpStats> sideBySide,
            long dataAnswers,
            long dataAnswersMissingFromLog,
            String integrityStatus,
            long integrityTreeSize,
            double entriesPerHour,
            double bytesPerHour,
            double rssGrowthLastHalf,
            double rssSlopeMbPerMinute,
            List<String> firstErrors) {

        public long requests() {
            return mixed.stream().mapToLong(OpStats::count).sum();
        }

        public long errors() {
            return mixed.stream().mapToLong(OpStats::errors).sum();
        }

        public double errorRate() {
            return requests() == 0 ? 1 : errors() / (double) requests();
        }
    }

    private static final Pattern DISCLOSURE_ID = Pattern.compile("\"disclosureId\"\\s*:\\s*(\\d+)");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern GC_AFTER = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z]+)\"");
    private static final Pattern TREE_SIZE = Pattern.compile("\"treeSize\"\\s*:\\s*(\\d+)");
    private static final long CLK_TCK = 100;

    public static void main(String[] args) throws Exception {
        Report r = run(Settings.of(BenchDatabase.arguments(args)), System.out);
        System.out.flush();
        System.exit(r.errorRate() < 0.001 && r.dataAnswersMissingFromLog() == 0 ? 0 : 1);
    }

    /** Runs the whole soak and prints its tables (Markdown) to {@code out}. */
    public static Report run(Settings s, PrintStream out) throws Exception {
        Path work = Files.createTempDirectory("deelpoort-soak");
        boolean completed = false;
        try (DevServices services = DevServices.start(DevServices.Ports.free(), null)) {
            int port = freePort();
            Path gcLog = work.resolve("gateway-gc.log");
            Path gatewayLog = work.resolve("gateway.log");
            Process gateway = startGateway(services, port, work, gcLog, gatewayLog, s.heap());
            try {
                String base = "http://localhost:" + port;
                awaitReady(base, gateway, gatewayLog);
                Report report = new SoakBenchmark(s, services, gateway, base, gcLog, out).soak();
                completed = true;
                return report;
            } finally {
                gateway.destroy();
                if (!gateway.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    gateway.destroyForcibly();
                    gateway.waitFor();
                }
            }
        } finally {
            if (completed) {
                deleteTree(work);
            } else {
                out.println("the gateway's log and GC log are kept in " + work);
            }
        }
    }

    /** The scratch directory (the gateway's dev keys, its log and GC log) goes when the run is over. */
    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private final Settings s;
    private final DevServices services;
    private final Process gateway;
    private final String base;
    private final Path gcLog;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Map<Long, String> dataAnswers = new ConcurrentHashMap<>();
    private final List<String> firstErrors = java.util.Collections.synchronizedList(new ArrayList<>());
    private final String[] pullSubjects;
    private final List<String> evaluateSubjects = new ArrayList<>();
    private final String adult = LocalDate.now(Framework.ZONE).minusYears(40).toString();

    private SoakBenchmark(Settings s, DevServices services, Process gateway, String base, Path gcLog, PrintStream out) {
        this.s = s;
        this.services = services;
        this.gateway = gateway;
        this.base = base;
        this.gcLog = gcLog;
        this.out = out;
        this.pullSubjects = new String[s.subjects()];
        for (int i = 0; i < s.subjects(); i++) {
            pullSubjects[i] = freshBsn();
        }
    }

    private static final List<String> USERS = List.of("bram.cmd-gm", "anna.plusteam", "carla.cmd-waalre", "hanna.fg");

    private Report soak() throws Exception {
        Tokens issuer = services.tokens();
        Runnable refresh = () -> USERS.forEach(u -> tokens.put(u, issuer.user(u)));
        refresh.run();
        // Access tokens live 300 s in the dev realm: new ones every 4 minutes.
        AtomicBoolean running = new AtomicBoolean(true);
        Thread refresher = daemon("soak-tokens", () -> {
            while (running.get()) {
                try {
                    Thread.sleep(240_000);
                    refresh.run();
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    firstErrors.add("token refresh: " + e.getClass().getSimpleName());
                }
            }
        });
        try {
            return measure();
        } finally {
            running.set(false);
            refresher.interrupt();
        }
    }

    private Report measure() throws Exception {
        for (int i = 0; i < s.consented(); i++) {
            String bsn = freshBsn();
            String id = recordConsent(bsn);
            if (i % 4 == 3) {
                withdraw(id);
            }
            evaluateSubjects.add(bsn);
        }
        out.printf(
                "## Soak: %d clients, %.1f min mixed (weights pull/push/evaluate/consent/audit %s), %d s warm-up,"
                        + " %d s per side-by-side phase; %d cores, JDK %s, gateway -Xmx%s%n%n",
                s.clients(),
                s.minutes(),
                Arrays.toString(s.weights()),
                s.warmupSeconds(),
                s.baselineSeconds(),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                s.heap());
        out.println("load at start: " + uptime());

        Load warm = new Load(s.clients(), this::mixed);
        warm.runFor(Duration.ofSeconds(s.warmupSeconds()), null);
        dataAnswers.clear();
        firstErrors.clear();

        long[] log0 = logSize();
        Sampler sampler = new Sampler();
        Load mixed = new Load(s.clients(), this::mixed);
        long t0 = System.nanoTime();
        mixed.runFor(Duration.ofMillis((long) (s.minutes() * 60_000)), sampler);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        long[] log1 = logSize();
        List<OpStats> mixedStats = mixed.stats(elapsed);
        out.printf("%n### Mixed load, per operation (%.0f s)%n%n", elapsed);
        table(mixedStats);
        out.printf("%n### Per interval%n%n");
        out.println("| t (s) | RSS (MB) | heap after GC (MB) | ops/s | log entries | log size (MB) | mean batch |"
                + " CPU cores: gateway / postgres / keycloak / load+stubs / machine |");
        out.println("|---|---|---|---|---|---|---|---|");
        for (Interval i : sampler.intervals) {
            out.printf(
                    "| %.0f | %.0f | %.0f | %.1f | %d | %.1f | %.1f | %.2f / %.2f / %.2f / %.2f / %.2f |%n",
                    i.atSeconds(),
                    i.rssMb(),
                    i.heapAfterGcMb(),
                    i.opsPerSecond(),
                    i.logEntries(),
                    i.logMb(),
                    i.meanBatch(),
                    i.cpuCores().getOrDefault("gateway", 0.0),
                    i.cpuCores().getOrDefault("postgres", 0.0),
                    i.cpuCores().getOrDefault("keycloak", 0.0),
                    i.cpuCores().getOrDefault("load", 0.0),
                    i.cpuCores().getOrDefault("machine", 0.0));
        }
        double entriesPerHour = (log1[0] - log0[0]) / elapsed * 3600;
        double bytesPerHour = (log1[1] - log0[1]) / elapsed * 3600;
        double[] trend = rssTrend(sampler.intervals);
        out.printf(
                "%nlog growth: %d entries in %.0f s = %.0f entries/h, %.1f MB/h (log_entry + log_subtree + checkpoint,"
                        + " pg_total_relation_size), %.0f bytes per entry%n",
                log1[0] - log0[0],
                elapsed,
                entriesPerHour,
                bytesPerHour / 1e6,
                log1[0] == log0[0] ? 0.0 : (log1[1] - log0[1]) / (double) (log1[0] - log0[0]));
        out.printf(
                "RSS: first third %.0f MB, last third %.0f MB; last half grew %.1f %%, slope over the last half %.2f MB/min%n",
                trend[0], trend[1], trend[2] * 100, trend[3]);
        out.println("load after mixed phase: " + uptime());

        // Side by side, same concurrency, same duration each.
        Duration phase = Duration.ofSeconds(s.baselineSeconds());
        Sampler cpuPull = new Sampler();
        Load pullOnly = new Load(s.clients(), (c, i) -> op(Op.PULL, i));
        pullOnly.runFor(phase, cpuPull);
        OpStats gw = pullOnly.stats(phase.toSeconds()).get(0);
        URI stub = URI.create(services.caseFiles().baseUrl() + "/api/plusteam/dossiers/query");
        Sampler cpuStub = new Sampler();
        Load direct = new Load(s.clients(), (c, i) -> {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(stub)
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"bsn\":\"" + pullSubjects[i % pullSubjects.length] + "\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Outcome(Op.PULL, r.statusCode() == 200, r.statusCode());
        });
        direct.runFor(phase, cpuStub);
        OpStats st = direct.stats(phase.toSeconds()).get(0);
        int rowBytes = averageCanonicalBytes();
        Sampler cpuPg = new Sampler();
        OpStats pg = plainInserts(phase, rowBytes, cpuPg);
        List<OpStats> side = List.of(
                new OpStats("(c) gateway pull", gw.count(), gw.perSecond(), gw.p50ms(), gw.p99ms(), gw.errors()),
                new OpStats("(a) stub direct", st.count(), st.perSecond(), st.p50ms(), st.p99ms(), st.errors()),
                new OpStats(
                        "(b) PostgreSQL INSERT (" + rowBytes + " B canonical)",
                        pg.count(),
                        pg.perSecond(),
                        pg.p50ms(),
                        pg.p99ms(),
                        pg.errors()));
        out.printf("%n### Side by side, %d clients, %d s each%n%n", s.clients(), s.baselineSeconds());
        table(side);
        out.println();
        out.println("| phase | CPU cores: gateway / postgres / keycloak / load+stubs / machine |"
                + " CPU ms per operation: gateway / postgres / load+stubs |");
        out.println("|---|---|---|");
        cpuRow("(c) gateway pull", cpuPull, gw.perSecond());
        cpuRow("(a) stub direct", cpuStub, st.perSecond());
        cpuRow("(b) PostgreSQL INSERT", cpuPg, pg.perSecond());
        cpuRow(
                "mixed load (all operations)",
                sampler,
                mixedStats.stream().mapToDouble(OpStats::perSecond).sum());
        double mixedPerSecond =
                mixedStats.stream().mapToDouble(OpStats::perSecond).sum();
        double entriesPerSecond = entriesPerHour / 3600;
        out.printf("%nratios:%n");
        out.printf(
                "- gateway pull / stub direct, throughput: %.3f; p50 latency: %.1f×%n",
                gw.perSecond() / st.perSecond(), gw.p50ms() / st.p50ms());
        out.printf(
                "- gateway log entries appended per s (mixed) / plain INSERTs per s: %.3f (%.1f vs %.1f)%n",
                entriesPerSecond / pg.perSecond(), entriesPerSecond, pg.perSecond());
        out.printf("- gateway pull requests per s / plain INSERTs per s: %.3f%n", gw.perSecond() / pg.perSecond());
        out.printf(
                "- gateway mixed operations per s / stub direct: %.3f (%.1f vs %.1f)%n",
                mixedPerSecond / st.perSecond(), mixedPerSecond, st.perSecond());

        long missing = missingFromLog();
        String[] integrity = integrity();
        out.printf(
                "%ndata-bearing answers (pull 200, push 201) in the mixed phase: %d, missing from the log: %d%n",
                dataAnswers.size(), missing);
        out.printf("log integrity at the end: %s, tree size %s%n", integrity[0], integrity[1]);
        out.println("load at end: " + uptime());
        if (!firstErrors.isEmpty()) {
            out.println("first errors: " + firstErrors.subList(0, Math.min(10, firstErrors.size())));
        }
        return new Report(
                s,
                mixedStats,
                sampler.intervals,
                side,
                dataAnswers.size(),
                missing,
                integrity[0],
                Long.parseLong(integrity[1]),
                entriesPerHour,
                bytesPerHour,
                trend[2],
                trend[3],
                List.copyOf(firstErrors));
    }

    private void table(List<OpStats> stats) {
        out.println("| operation | count | per s | p50 (ms) | p99 (ms) | errors |");
        out.println("|---|---|---|---|---|---|");
        for (OpStats o : stats) {
            out.printf(
                    "| %s | %d | %.1f | %.1f | %.1f | %d |%n",
                    o.name(), o.count(), o.perSecond(), o.p50ms(), o.p99ms(), o.errors());
        }
    }

    /**
     * Mean cores per group, and CPU milliseconds per operation (cores / throughput): the latter holds up
     * on a machine that others load too, since it counts only the time our processes actually ran.
     */
    private void cpuRow(String name, Sampler sampler, double perSecond) {
        Map<String, Double> c = sampler.meanCpu();
        double gw = c.getOrDefault("gateway", 0.0);
        double pg = c.getOrDefault("postgres", 0.0);
        double load = c.getOrDefault("load", 0.0);
        out.printf(
                "| %s | %.2f / %.2f / %.2f / %.2f / %.2f | %.2f / %.2f / %.2f |%n",
                name,
                gw,
                pg,
                c.getOrDefault("keycloak", 0.0),
                load,
                c.getOrDefault("machine", 0.0),
                gw / perSecond * 1000,
                pg / perSecond * 1000,
                load / perSecond * 1000);
    }

    /** [mean first third, mean last third, growth over the last half (fraction), slope of the last half MB/min]. */
    static double[] rssTrend(List<Interval> intervals) {
        int n = intervals.size();
        if (n < 3) {
            return new double[] {0, 0, 0, 0};
        }
        double first = intervals.subList(0, n / 3).stream()
                .mapToDouble(Interval::rssMb)
                .average()
                .orElse(0);
        double last = intervals.subList(n - n / 3, n).stream()
                .mapToDouble(Interval::rssMb)
                .average()
                .orElse(0);
        List<Interval> half = intervals.subList(n / 2, n);
        double growth = (half.get(half.size() - 1).rssMb() - half.get(0).rssMb())
                / half.get(0).rssMb();
        double mx = half.stream().mapToDouble(Interval::atSeconds).average().orElse(0);
        double my = half.stream().mapToDouble(Interval::rssMb).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        for (Interval i : half) {
            sxy += (i.atSeconds() - mx) * (i.rssMb() - my);
            sxx += (i.atSeconds() - mx) * (i.atSeconds() - mx);
        }
        double slope = sxx == 0 ? 0 : sxy / sxx * 60;
        return new double[] {first, last, growth, slope};
    }

    // ---- the operations ----

    record Outcome(Op op, boolean expected, int status) {}

    @FunctionalInterface
    interface Action {
        Outcome call(int client, int i) throws Exception;
    }

    private Outcome mixed(int client, int i) throws Exception {
        int[] w = s.weights();
        int total = Arrays.stream(w).sum();
        int pick = ThreadLocalRandom.current().nextInt(total);
        for (Op op : Op.values()) {
            pick -= w[op.ordinal()];
            if (pick < 0) {
                return op(op, i);
            }
        }
        return op(Op.AUDIT, i);
    }

    /** One operation; an I/O failure (a timeout, a reset) is that operation's error. */
    private Outcome op(Op op, int i) throws Exception {
        try {
            return call(op, i);
        } catch (IOException e) {
            if (firstErrors.size() < 50) {
                firstErrors.add(op + " I/O " + e.getClass().getSimpleName());
            }
            return new Outcome(op, false, -1);
        }
    }

    private Outcome call(Op op, int i) throws Exception {
        String bsn = pullSubjects[i % pullSubjects.length];
        return switch (op) {
            case PULL ->
                data(
                        op,
                        post(
                                "/api/v1/disclosures",
                                "bram.cmd-gm",
                                "{\"subject\":{\"bsn\":\"" + bsn
                                        + "\"},\"purpose\":\"ACCOUNTABILITY\",\"actingRole\":\"MUNICIPAL_ACCESS\","
                                        + "\"holder\":\"plusteam\",\"categories\":[\"BSN\",\"CARE_DEPLOYED\"]}"),
                        200,
                        "DISCLOSURE");
            case PUSH ->
                data(
                        op,
                        post(
                                "/api/v1/transfers",
                                "anna.plusteam",
                                "{\"subject\":{\"bsn\":\"" + bsn
                                        + "\"},\"purpose\":\"PROVISION_APPLICATION\",\"actingRole\":\"ADVISOR\","
                                        + "\"recipient\":\"gemeente-geldrop-mierlo\",\"recipientRole\":\"MUNICIPAL_ACCESS\","
                                        + "\"payload\":{\"BSN\":\"" + bsn
                                        + "\",\"PERSONALIA\":{\"givenNames\":\"Noor\","
                                        + "\"surname\":\"Jansen\"},\"HOUSEHOLD\":{\"composition\":\"eenoudergezin\"},"
                                        + "\"ASSESSMENT\":{\"risk\":\"midden\"},\"SUPPORT_PLAN\":{\"advice\":"
                                        + "\"Schuldhulpverlening en gezinscoach, 6 maanden.\"}}}"),
                        201,
                        "TRANSFER");
            case EVALUATE -> {
                String subject =
                        evaluateSubjects.get(ThreadLocalRandom.current().nextInt(evaluateSubjects.size()));
                HttpResponse<String> r = post(
                        "/api/v1/decisions/evaluate",
                        "carla.cmd-waalre",
                        "{\"subject\":{\"bsn\":\""
                                + subject + "\"},\"purpose\":\"ESCALATION\",\"actingRole\":\"MUNICIPAL_ACCESS\","
                                + "\"holder\":\"gemeente-waalre\",\"recipient\":\"plusteam\",\"recipientRole\":\"ADVISOR\","
                                + "\"categories\":[\"BSN\",\"PERSONALIA\",\"CASE_NOTES\"]}");
                yield expect(op, r, 200);
            }
            case CONSENT -> {
                HttpResponse<String> r = post("/api/v1/consents", "carla.cmd-waalre", consent(freshBsn()));
                if (r.statusCode() != 201) {
                    yield expect(op, r, 201);
                }
                yield expect(op, withdrawal(idOf(r.body())), 200);
            }
            case AUDIT ->
                expect(
                        op,
                        post("/api/v1/audit/disclosures/search", "hanna.fg", "{\"subject\":{\"bsn\":\"" + bsn + "\"}}"),
                        200);
        };
    }

    private Outcome data(Op op, HttpResponse<String> r, int status, String kind) {
        Outcome o = expect(op, r, status);
        if (o.expected()) {
            Matcher m = DISCLOSURE_ID.matcher(r.body());
            if (m.find()) {
                dataAnswers.put(Long.parseLong(m.group(1)), kind);
            } else {
                dataAnswers.put(-1L - dataAnswers.size(), kind); // an answer with data and no id: counted as missing
            }
        }
        return o;
    }

    private Outcome expect(Op op, HttpResponse<String> r, int status) {
        boolean ok = r.statusCode() == status;
        if (!ok && firstErrors.size() < 50) {
            // Status and problem type only: bodies may name fields of the request, never print them whole.
            Matcher m = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
            firstErrors.add(op + " " + r.statusCode() + (m.find() ? " " + m.group(1) : ""));
        }
        return new Outcome(op, ok, r.statusCode());
    }

    private String consent(String bsn) {
        return "{\"subject\":{\"bsn\":\"" + bsn + "\",\"birthDate\":\"" + adult + "\"},"
                + "\"givenBy\":[{\"role\":\"SUBJECT\"}],\"purposes\":[\"ESCALATION\"],"
                + "\"recipients\":[\"plusteam\"],\"holders\":[\"gemeente-waalre\"],"
                + "\"categories\":[\"BSN\",\"PERSONALIA\",\"HOUSEHOLD\",\"CASE_NOTES\"],\"method\":\"WRITTEN\"}";
    }

    private String recordConsent(String bsn) throws Exception {
        HttpResponse<String> r = post("/api/v1/consents", "carla.cmd-waalre", consent(bsn));
        if (r.statusCode() != 201) {
            throw new IllegalStateException("recording a consent failed: " + r.statusCode());
        }
        return idOf(r.body());
    }

    private HttpResponse<String> withdrawal(String id) throws Exception {
        return post(
                "/api/v1/consents/" + id + "/withdrawal",
                "carla.cmd-waalre",
                "{\"reason\":\"soak\",\"withdrawnBy\":{\"role\":\"SUBJECT\"}}");
    }

    private void withdraw(String id) throws Exception {
        HttpResponse<String> r = withdrawal(id);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("withdrawing a consent failed: " + r.statusCode());
        }
    }

    private static String idOf(String body) {
        Matcher m = ID.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no id in the answer");
        }
        return m.group(1);
    }

    private HttpResponse<String> post(String path, String user, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + tokens.get(user))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    // ---- load generation ----

    /** {@code clients} threads calling an action in a loop; latencies per operation, counts per operation. */
    private final class Load {
        private final int clients;
        private final Action action;
        private final Map<Op, List<long[]>> latencies = new ConcurrentHashMap<>();
        private final Map<Op, LongAdder> counts = new ConcurrentHashMap<>();
        private final Map<Op, LongAdder> errors = new ConcurrentHashMap<>();

        Load(int clients, Action action) {
            this.clients = clients;
            this.action = action;
            for (Op op : Op.values()) {
                latencies.put(op, java.util.Collections.synchronizedList(new ArrayList<>()));
                counts.put(op, new LongAdder());
                errors.put(op, new LongAdder());
            }
        }

        long total() {
            return counts.values().stream().mapToLong(LongAdder::sum).sum();
        }

        void runFor(Duration duration, Sampler sampler) throws InterruptedException {
            long end = System.nanoTime() + duration.toNanos();
            CountDownLatch done = new CountDownLatch(clients);
            for (int c = 0; c < clients; c++) {
                int client = c;
                Thread worker = new Thread(
                        () -> {
                            Map<Op, long[]> mine = new HashMap<>();
                            Map<Op, Integer> n = new HashMap<>();
                            int i = client;
                            try {
                                while (System.nanoTime() < end) {
                                    long t0 = System.nanoTime();
                                    Outcome o;
                                    try {
                                        o = action.call(client, i);
                                    } catch (IOException e) {
                                        o = new Outcome(Op.PULL, false, -1);
                                        if (firstErrors.size() < 50) {
                                            firstErrors.add(
                                                    "I/O " + e.getClass().getSimpleName());
                                        }
                                    }
                                    long took = System.nanoTime() - t0;
                                    counts.get(o.op()).increment();
                                    if (!o.expected()) {
                                        errors.get(o.op()).increment();
                                    }
                                    long[] a = mine.computeIfAbsent(o.op(), k -> new long[1 << 12]);
                                    int k = n.getOrDefault(o.op(), 0);
                                    if (k == a.length) {
                                        a = Arrays.copyOf(a, k * 2);
                                        mine.put(o.op(), a);
                                    }
                                    a[k] = took;
                                    n.put(o.op(), k + 1);
                                    i += clients;
                                }
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            } catch (Exception e) {
                                errors.get(Op.PULL).increment();
                                firstErrors.add(
                                        "client stopped: " + e.getClass().getSimpleName());
                            } finally {
                                mine.forEach((op, a) -> latencies.get(op).add(Arrays.copyOf(a, n.get(op))));
                                done.countDown();
                            }
                        },
                        "soak-client-" + c);
                worker.start();
            }
            if (sampler != null) {
                sampler.start(this);
            }
            done.await();
            if (sampler != null) {
                sampler.stop();
            }
        }

        List<OpStats> stats(double seconds) {
            List<OpStats> out = new ArrayList<>();
            for (Op op : Op.values()) {
                long[] all = latencies.get(op).stream()
                        .flatMapToLong(Arrays::stream)
                        .sorted()
                        .toArray();
                if (all.length == 0) {
                    continue;
                }
                out.add(new OpStats(
                        op.name().toLowerCase(),
                        all.length,
                        all.length / seconds,
                        quantile(all, 0.50),
                        quantile(all, 0.99),
                        errors.get(op).sum()));
            }
            return out;
        }
    }

    private static double quantile(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    /** (b): plain INSERTs of log-entry-sized rows, one per transaction, {@code clients} connections. */
    private OpStats plainInserts(Duration phase, int rowBytes, Sampler cpu) throws Exception {
        EmbeddedDatabase db = services.database();
        try (Connection c = db.superuserConnection();
                Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS deelpoort.soak_scratch");
            st.execute("CREATE TABLE deelpoort.soak_scratch (LIKE deelpoort.log_entry INCLUDING DEFAULTS"
                    + " INCLUDING CONSTRAINTS INCLUDING INDEXES)");
            st.execute("GRANT INSERT ON deelpoort.soak_scratch TO " + EmbeddedDatabase.APP);
        }
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(db.jdbcUrl());
        cfg.setUsername(EmbeddedDatabase.APP);
        cfg.setPassword(EmbeddedDatabase.APP_PASSWORD);
        cfg.setMaximumPoolSize(s.clients());
        cfg.setMinimumIdle(s.clients());
        java.util.concurrent.atomic.AtomicLong seq = new java.util.concurrent.atomic.AtomicLong();
        try (HikariDataSource pool = new HikariDataSource(cfg)) {
            Load inserts = new Load(s.clients(), (client, i) -> {
                byte[] canonical = new byte[rowBytes];
                byte[] leaf = new byte[32];
                ThreadLocalRandom.current().nextBytes(canonical);
                ThreadLocalRandom.current().nextBytes(leaf);
                try (Connection c = pool.getConnection();
                        PreparedStatement ps = c.prepareStatement(
                                "INSERT INTO deelpoort.soak_scratch (seq, canonical, leaf_hash, registered_at, kind,"
                                        + " decision, purpose, legal_basis, flow, requesting_organisation, holder,"
                                        + " recipient, subject_pseudonym, confidential, retention_until)"
                                        + " VALUES (?, ?, ?, now(), 'DISCLOSURE', 'PERMIT', 'ACCOUNTABILITY',"
                                        + " 'LEGAL_OBLIGATION', 'F4', 'gemeente-geldrop-mierlo', 'plusteam',"
                                        + " 'gemeente-geldrop-mierlo', ?, false, current_date + 3650)")) {
                    ps.setLong(1, seq.getAndIncrement());
                    ps.setBytes(2, canonical);
                    ps.setBytes(3, leaf);
                    ps.setString(4, "p" + (i % 4096));
                    return new Outcome(Op.PULL, ps.executeUpdate() == 1, 0);
                } catch (SQLException e) {
                    if (firstErrors.size() < 50) {
                        firstErrors.add("INSERT " + e.getSQLState());
                    }
                    return new Outcome(Op.PULL, false, 0);
                }
            });
            inserts.runFor(phase, cpu);
            return inserts.stats(phase.toSeconds()).get(0);
        } finally {
            try (Connection c = db.superuserConnection();
                    Statement st = c.createStatement()) {
                st.execute("DROP TABLE IF EXISTS deelpoort.soak_scratch");
            }
        }
    }

    // ---- measurements ----

    /** [entries, bytes of log_entry + log_subtree + checkpoint]. */
    private long[] logSize() throws SQLException {
        try (Connection c = services.database().superuserConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT coalesce((SELECT max(seq) + 1 FROM deelpoort.log_entry), 0),"
                        + " pg_total_relation_size('deelpoort.log_entry')"
                        + " + pg_total_relation_size('deelpoort.log_subtree')"
                        + " + pg_total_relation_size('deelpoort.checkpoint')")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    private int averageCanonicalBytes() throws SQLException {
        try (Connection c = services.database().superuserConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT coalesce(avg(octet_length(canonical)), 600)::int FROM deelpoort.log_entry")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Data-bearing answers whose disclosureId is not in the log as an entry of the expected kind. */
    private long missingFromLog() throws SQLException {
        Map<Long, String> found = new HashMap<>();
        List<Long> ids = new ArrayList<>(dataAnswers.keySet());
        try (Connection c = services.database().superuserConnection()) {
            for (int from = 0; from < ids.size(); from += 10_000) {
                List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 10_000));
                try (PreparedStatement ps =
                        c.prepareStatement("SELECT seq, kind FROM deelpoort.log_entry WHERE seq = ANY (?)")) {
                    ps.setArray(1, c.createArrayOf("bigint", chunk.toArray()));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.put(rs.getLong(1), rs.getString(2));
                        }
                    }
                }
            }
        }
        return dataAnswers.entrySet().stream()
                .filter(e -> !e.getValue().equals(found.get(e.getKey())))
                .count();
    }

    /** [status, treeSize] of {@code GET /api/v1/audit/integrity}, as a privacy officer. */
    private String[] integrity() throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/audit/integrity"))
                        .timeout(Duration.ofMinutes(5))
                        .header("Authorization", "Bearer " + services.tokens().user("hanna.fg"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher status = STATUS.matcher(r.body());
        Matcher size = TREE_SIZE.matcher(r.body());
        return new String[] {
            r.statusCode() == 200 && status.find() ? status.group(1) : "HTTP " + r.statusCode(),
            size.find() ? size.group(1) : "0"
        };
    }

    /** Every {@code sample} seconds while a load runs: memory, throughput, log size, CPU. */
    private final class Sampler {
        final List<Interval> intervals = new ArrayList<>();
        private final List<Map<String, Double>> cpu = new ArrayList<>();
        private volatile boolean stop;
        private Thread thread;

        void start(Load load) {
            stop = false;
            thread = daemon("soak-sampler", () -> {
                long t0 = System.nanoTime();
                long lastT = t0;
                long lastOps = 0;
                Map<String, Long> lastJiffies = jiffies();
                double[] lastBatch = batches();
                while (!stop) {
                    try {
                        Thread.sleep(s.sampleSeconds() * 1000L);
                    } catch (InterruptedException e) {
                        return;
                    }
                    long now = System.nanoTime();
                    double dt = (now - lastT) / 1e9;
                    long ops = load.total();
                    Map<String, Long> j = jiffies();
                    Map<String, Double> cores = new LinkedHashMap<>();
                    for (Map.Entry<String, Long> e : j.entrySet()) {
                        long before = lastJiffies.getOrDefault(e.getKey(), 0L);
                        cores.put(e.getKey(), (e.getValue() - before) / (double) CLK_TCK / dt);
                    }
                    double[] batch = batches();
                    double meanBatch = batch[0] > lastBatch[0]
                            ? (batch[1] - lastBatch[1]) / (batch[0] - lastBatch[0])
                            : Double.NaN;
                    long[] log;
                    try {
                        log = logSize();
                    } catch (SQLException e) {
                        log = new long[] {-1, -1};
                    }
                    synchronized (this) {
                        cpu.add(cores);
                        intervals.add(new Interval(
                                (now - t0) / 1e9,
                                rssMb(),
                                heapAfterGcMb(),
                                (ops - lastOps) / dt,
                                log[0],
                                log[1] / 1e6,
                                meanBatch,
                                cores));
                    }
                    lastT = now;
                    lastOps = ops;
                    lastJiffies = j;
                    lastBatch = batch;
                }
            });
        }

        void stop() throws InterruptedException {
            stop = true;
            thread.interrupt();
            thread.join();
        }

        synchronized Map<String, Double> meanCpu() {
            Map<String, Double> mean = new LinkedHashMap<>();
            for (Map<String, Double> m : cpu) {
                m.forEach((k, v) -> mean.merge(k, v / cpu.size(), Double::sum));
            }
            return mean;
        }
    }

    private double rssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + gateway.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // the process has gone: no figure
        }
        return Double.NaN;
    }

    /** The heap after the gateway's latest GC, from its -Xlog:gc file. */
    private double heapAfterGcMb() {
        try {
            List<String> lines = Files.readAllLines(gcLog);
            for (int i = lines.size() - 1; i >= 0; i--) {
                Matcher m = GC_AFTER.matcher(lines.get(i));
                if (m.find()) {
                    return Double.parseDouble(m.group(2));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // no figure
        }
        return Double.NaN;
    }

    /** [count, sum] of deelpoort_log_batch_size_entries from the gateway's Prometheus endpoint. */
    private double[] batches() {
        double[] r = {0, 0};
        try {
            HttpResponse<String> p = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus"))
                            .timeout(Duration.ofSeconds(10))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            for (String line : p.body().split("\n")) {
                if (line.startsWith("deelpoort_log_batch_size_entries_count")) {
                    r[0] = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                } else if (line.startsWith("deelpoort_log_batch_size_entries_sum")) {
                    r[1] = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
        } catch (IOException | RuntimeException e) {
            // no figure this time
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return r;
    }

    /**
     * CPU time (jiffies) per process group: the gateway (child JVM), our PostgreSQL (postmaster and its
     * backends), Keycloak (our other child processes), this JVM (the load generator and the stubs), and the
     * whole machine (busy jiffies of /proc/stat, everyone's processes).
     */
    private Map<String, Long> jiffies() {
        Map<Long, Long> parent = new HashMap<>();
        Map<Long, Long> used = new HashMap<>();
        Map<Long, String> cmd = new HashMap<>();
        try (var dirs = Files.list(Path.of("/proc"))) {
            for (Path d :
                    dirs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String stat = Files.readString(d.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long pid = Long.parseLong(d.getFileName().toString());
                    parent.put(pid, Long.parseLong(f[1]));
                    used.put(pid, Long.parseLong(f[11]) + Long.parseLong(f[12]));
                    cmd.put(pid, new String(Files.readAllBytes(d.resolve("cmdline")), StandardCharsets.UTF_8));
                } catch (IOException | RuntimeException e) {
                    // gone meanwhile
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        long self = ProcessHandle.current().pid();
        String pgPort = "\0" + services.database().port() + "\0";
        Set<Long> postmasters = cmd.entrySet().stream()
                .filter(e -> e.getValue().contains("postgres") && e.getValue().contains(pgPort))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        Map<String, Long> out = new LinkedHashMap<>();
        for (Long pid : used.keySet()) {
            String group = null;
            for (long p = pid, hops = 0; p > 1 && hops < 64; p = parent.getOrDefault(p, 0L), hops++) {
                if (p == gateway.pid()) {
                    group = "gateway";
                    break;
                }
                if (postmasters.contains(p)) {
                    group = "postgres";
                    break;
                }
                if (p == self) {
                    group = pid == self ? "load" : "keycloak";
                    break;
                }
            }
            if (group != null) {
                out.merge(group, used.get(pid), Long::sum);
            }
        }
        try {
            String[] cpu =
                    Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < cpu.length; i++) {
                if (i != 4 && i != 5) { // not idle, not iowait
                    busy += Long.parseLong(cpu[i]);
                }
            }
            out.put("machine", busy);
        } catch (IOException e) {
            // no figure
        }
        return out;
    }

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static String uptime() {
        try {
            return "load average " + Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "load average unknown";
        }
    }

    // ---- the gateway as a child process ----

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Process startGateway(
            DevServices services, int port, Path work, Path gcLog, Path gatewayLog, String heap) throws IOException {
        Map<String, String> props = new LinkedHashMap<>(services.gatewayProperties());
        props.put("server.port", String.valueOf(port));
        props.put("deelpoort.exchange.data-dir", work.resolve("keys").toString());
        props.put("deelpoort.log.data-dir", work.resolve("keys").toString());
        props.put("logging.level.root", "WARN");
        String java = ProcessHandle.current().info().command().orElse("java");
        // The test classpath is long: an argument file keeps the command line short.
        Path argFile = work.resolve("gateway.args");
        Files.writeString(
                argFile, "-cp\n\"" + System.getProperty("java.class.path").replace("\\", "\\\\") + "\"\n");
        List<String> command = new ArrayList<>(List.of(
                java, "-Xmx" + heap, "-Xlog:gc:file=" + gcLog, "@" + argFile, DeelpoortGateway.class.getName()));
        props.forEach((k, v) -> command.add("--" + k + "=" + v));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(gatewayLog.toFile())
                .start();
    }

    private static void awaitReady(String base, Process gateway, Path gatewayLog) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (System.nanoTime() < deadline) {
            if (!gateway.isAlive()) {
                throw new IllegalStateException("the gateway exited (" + gateway.exitValue() + "); see " + gatewayLog);
            }
            try {
                HttpResponse<Void> r = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("the gateway was not ready within 4 minutes; see " + gatewayLog);
    }
}
