package nl.deelpoort.gateway.support;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * The load loop of the benchmark mains: {@code clients} threads, each sending one request at a time
 * for a number of seconds after an uncounted warm-up; throughput, p50/p99, errors (any status but
 * 200/201) and, for the processes given, the CPU time they spent per request (from {@code /proc}).
 * Also CPU pinning and process lookup for the mains that put the gateway on a CPU of its own. Linux only.
 */
public final class LoadRunner {

    /** Something that watches a measured phase: started after the warm-up, stopped with the requests counted. */
    public interface Probe {

        void start() throws Exception;

        void stop(long requests) throws Exception;

        /** The probes that are not null, as one (null if none). */
        static Probe all(Probe... probes) {
            List<Probe> present = Arrays.stream(probes).filter(p -> p != null).toList();
            if (present.isEmpty()) {
                return null;
            }
            return new Probe() {
                @Override
                public void start() throws Exception {
                    for (Probe p : present) {
                        p.start();
                    }
                }

                @Override
                public void stop(long requests) throws Exception {
                    for (Probe p : present) {
                        p.stop(requests);
                    }
                }
            };
        }
    }

    /**
     * PostgreSQL's own account of a measured phase ({@code statements=true}): per statement, from
     * {@code pg_stat_statements}, how often it ran and how long it took to plan and execute, per request
     * of the phase. Planning and execution only: not the parse, the network, nor the commit's WAL flush.
     * {@link #preload} must run before the database starts.
     */
    public record Statements(nl.deelpoort.devkit.EmbeddedDatabase database) implements Probe {

        /** Preloads {@code pg_stat_statements} in the database about to start if the arguments ask for it. */
        public static boolean preload(java.util.Map<String, String> arguments) {
            boolean on = Boolean.parseBoolean(arguments.getOrDefault("statements", "false"));
            if (on) {
                System.setProperty(
                        nl.deelpoort.devkit.EmbeddedDatabase.EXTRA_CONFIG_PROPERTY,
                        "shared_preload_libraries=pg_stat_statements;pg_stat_statements.track_planning=on");
            }
            return on;
        }

        @Override
        public void start() throws Exception {
            try (java.sql.Connection c = database.superuserConnection();
                    java.sql.Statement s = c.createStatement()) {
                s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
                s.execute("SELECT pg_stat_statements_reset()");
            }
        }

        @Override
        public void stop(long requests) throws Exception {
            try (java.sql.Connection c = database.superuserConnection();
                    java.sql.Statement s = c.createStatement();
                    java.sql.ResultSet rs = s.executeQuery(
                            "SELECT calls, plans, total_plan_time, total_plan_time + total_exec_time AS total,"
                                    + " rows, regexp_replace(query, '\\s+', ' ', 'g') AS query FROM pg_stat_statements"
                                    + " WHERE query NOT LIKE '%pg_stat_statements%' ORDER BY total DESC LIMIT 12")) {
                System.out.printf(
                        "PostgreSQL statements per request (%d requests; plan + execute, of which planning):%n",
                        requests);
                while (rs.next()) {
                    String query = rs.getString("query");
                    System.out.printf(
                            "  %6.2f calls %8.1f µs (%5.2f plans %6.1f µs) %7.2f rows   %s%n",
                            rs.getLong("calls") / (double) requests,
                            rs.getDouble("total") * 1000 / requests,
                            rs.getLong("plans") / (double) requests,
                            rs.getDouble("total_plan_time") * 1000 / requests,
                            rs.getLong("rows") / (double) requests,
                            query.length() > 150 ? query.substring(0, 150) + "…" : query);
                }
            }
        }
    }

    /**
     * A profile of the gateway during a measured phase, written to {@code <directory>/<name>.*}: a JFR
     * recording ({@code profiler=jfr}, the default; {@code .jfr}) or async-profiler's CPU samples
     * ({@code profiler=async}; {@code .collapsed}, one line per stack with the thread's name first, and
     * a flame graph, {@code .html}), which include native code, the JIT compilers and the collector, and
     * are not starved the way JFR's Java sampler is on a busy CPU. async-profiler is loaded into the
     * running gateway with {@code jcmd JVMTI.agent_load} from the test class path.
     */
    public record Recording(GatewayProcess gateway, String directory, String name, boolean async) implements Probe {

        /** The recording the arguments {@code profile=<directory> profiler=jfr|async} ask for, or null. */
        public static Recording of(java.util.Map<String, String> arguments, GatewayProcess gateway, String name) {
            String directory = arguments.get("profile");
            if (directory == null) {
                return null;
            }
            String profiler = arguments.getOrDefault("profiler", "jfr");
            if (!profiler.equals("jfr") && !profiler.equals("async")) {
                throw new IllegalArgumentException("profiler must be jfr or async, not " + profiler);
            }
            return new Recording(gateway, directory, name, profiler.equals("async"));
        }

        @Override
        public void start() throws Exception {
            java.nio.file.Files.createDirectories(java.nio.file.Path.of(directory));
            if (async) {
                agent("start,event=cpu,interval=1ms,threads");
            } else {
                gateway.jcmd("JFR.start", "name=bench", "settings=profile");
            }
        }

        @Override
        public void stop(long requests) throws Exception {
            java.nio.file.Path base = java.nio.file.Path.of(directory).toAbsolutePath();
            if (async) {
                agent("dump,collapsed,file=" + base.resolve(name + ".collapsed"));
                agent("stop,file=" + base.resolve(name + ".html"));
                System.out.println(
                        "profile: " + base.resolve(name + ".collapsed") + ", " + base.resolve(name + ".html"));
            } else {
                String file = base.resolve(name + ".jfr").toString();
                gateway.jcmd("JFR.stop", "name=bench", "filename=" + file);
                System.out.println("profile: " + file);
            }
        }

        private void agent(String command) throws Exception {
            // quoted: jcmd's argument parser would otherwise cut the options at their first '='
            String out = gateway.jcmd("JVMTI.agent_load", library().toString(), '"' + command + '"');
            if (!out.contains("return code: 0")) {
                throw new IllegalStateException("async-profiler " + command + ": " + out.strip());
            }
        }

        /** The agent from the async-profiler jar on the class path, copied out once per run. */
        private java.nio.file.Path library() throws java.io.IOException {
            java.nio.file.Path lib =
                    java.nio.file.Path.of(directory).toAbsolutePath().resolve("libasyncProfiler.so");
            if (!java.nio.file.Files.exists(lib)) {
                try (java.io.InputStream in =
                        Recording.class.getClassLoader().getResourceAsStream("linux-x64/libasyncProfiler.so")) {
                    if (in == null) {
                        throw new IllegalStateException("async-profiler is not on the class path");
                    }
                    java.nio.file.Files.copy(in, lib);
                }
            }
            return lib;
        }
    }

    /**
     * A user's access token, renewed as a client would before it runs out: the realm's tokens live
     * 5 minutes and a benchmark runs longer. One token for the whole run would end in the 60 seconds
     * of clock skew the gateway grants past {@code exp}, where it is still accepted but, being
     * expired, never remembered as verified, so every request would pay the full RSA check.
     */
    public static final class FreshToken {

        private static final long RENEW_AFTER_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(3);
        private final java.util.function.Supplier<String> issue;
        private String token;
        private long issuedAt;

        public FreshToken(java.util.function.Supplier<String> issue) {
            this.issue = issue;
        }

        public synchronized String get() {
            if (token == null || System.nanoTime() - issuedAt > RENEW_AFTER_NANOS) {
                token = issue.get();
                issuedAt = System.nanoTime();
            }
            return token;
        }
    }

    /** CPU time (user + system) of a set of processes, from {@code /proc/<pid>/stat}. */
    public record Cpu(List<Long> pids) {

        public long micros() {
            long ticks = 0;
            for (long pid : pids) {
                try {
                    String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                } catch (java.io.IOException | RuntimeException gone) {
                    // a process that ended counts no more
                }
            }
            return ticks * 10_000; // USER_HZ is 100 on Linux
        }
    }

    /** Pinning and process lookup, Linux only. */
    public static final class Cpus {

        /** Pins every thread of {@code pid} to {@code cpus} ({@code taskset -a -p -c}). */
        public static void pin(long pid, String cpus) throws java.io.IOException, InterruptedException {
            Process p = new ProcessBuilder("taskset", "-a", "-p", "-c", cpus, Long.toString(pid))
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("taskset failed for " + pid);
            }
        }

        /**
         * The PostgreSQL server listening on {@code port} and its backends: the postmaster is found by
         * its {@code -p} argument (pg_ctl detaches it, so it is no descendant of this JVM), the
         * backends are its children. New backends inherit the postmaster's CPU affinity.
         */
        public static List<Long> postgres(int port) {
            return ProcessHandle.allProcesses()
                    .filter(h ->
                            h.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                    .filter(h -> h.info()
                            .arguments()
                            .map(a -> String.join(" ", a).contains("-p " + port))
                            .orElse(false))
                    .findFirst()
                    .map(pm -> java.util.stream.Stream.concat(
                                    java.util.stream.Stream.of(pm.pid()),
                                    pm.descendants().map(ProcessHandle::pid))
                            .toList())
                    .orElse(List.of());
        }

        /** The gateway properties of a benchmark: the services', fixed key folders, quiet logs. */
        public static java.util.Map<String, String> benchmarkGateway(nl.deelpoort.devkit.DevServices services) {
            java.util.Map<String, String> props = new java.util.HashMap<>(services.gatewayProperties());
            String keys = System.getProperty("java.io.tmpdir") + "/deelpoort-bench-keys";
            props.put("deelpoort.exchange.data-dir", keys);
            props.put("deelpoort.log.data-dir", keys);
            props.put("logging.level.root", "WARN");
            return props;
        }

        /**
         * With {@code pin}, this JVM (load generator, stubs) goes to CPU 0 and the services' PostgreSQL
         * to CPU 1, where the gateway will join it. Called after the services started: Keycloak, a
         * process of its own, stays unpinned (it only signs the one token and serves the keys once,
         * but starts slowly on one CPU). Returns PostgreSQL's pids.
         */
        public static List<Long> pinApart(nl.deelpoort.devkit.DevServices services, boolean pin)
                throws java.io.IOException, InterruptedException {
            List<Long> database = postgres(services.database().port());
            if (pin) {
                pin(ProcessHandle.current().pid(), "0");
                for (long pid : database) {
                    pin(pid, "1");
                }
            }
            return database;
        }

        public static String loadAverage() {
            try {
                return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                        .split(" ", 4)[0];
            } catch (java.io.IOException e) {
                return "?";
            }
        }

        private Cpus() {}
    }

    public record Result(
            double perSecond, long p50Micros, long p99Micros, long errors, List<Double> cpuMicrosPerRequest) {}

    public static Result run(
            String name,
            HttpClient http,
            int clients,
            int warmup,
            int seconds,
            IntFunction<HttpRequest> request,
            Probe probe,
            Cpu... cpus)
            throws Exception {
        load(http, clients, warmup, request, new ArrayList<>(), new AtomicLong());
        if (probe != null) {
            probe.start();
        }
        List<long[]> latencies = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        long[] cpuBefore = Arrays.stream(cpus).mapToLong(Cpu::micros).toArray();
        long start = System.nanoTime();
        load(http, clients, seconds, request, latencies, errors);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] cpuAfter = Arrays.stream(cpus).mapToLong(Cpu::micros).toArray();
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        if (probe != null) {
            probe.stop(all.length);
        }
        long[] cpu = new long[cpus.length];
        for (int i = 0; i < cpus.length; i++) {
            cpu[i] = cpuAfter[i] - cpuBefore[i];
        }
        return summary(name, "", all, elapsed, errors.get(), cpu);
    }

    /** A load's result from its sorted latencies (ns), its time, errors and CPU (µs per process); printed. */
    private static Result summary(String name, String detail, long[] all, double elapsed, long errors, long[] cpu) {
        List<Double> cpuPerRequest = new ArrayList<>();
        for (long micros : cpu) {
            cpuPerRequest.add(all.length == 0 ? 0.0 : micros / (double) all.length);
        }
        Result r = new Result(
                all.length / elapsed,
                all.length == 0 ? 0 : all[(int) (all.length * 0.50)] / 1000,
                all.length == 0 ? 0 : all[Math.min(all.length - 1, (int) (all.length * 0.99))] / 1000,
                errors,
                cpuPerRequest);
        System.out.printf(
                "%-18s %8.1f req/s   p50 %7.2f ms   p99 %7.2f ms   (%d requests%s, %d errors)%n",
                name, r.perSecond, r.p50Micros / 1000.0, r.p99Micros / 1000.0, all.length, detail, r.errors);
        return r;
    }

    /** One load of an {@link #alternate} run: its name and its requests. */
    public record Workload(String name, IntFunction<HttpRequest> request) {}

    /**
     * Several loads measured in turns, so that a drift of the machine's speed (another VM on the host,
     * a checkpoint) falls on all of them alike: each is warmed up for {@code warmup} seconds, then
     * {@code rounds} times each runs {@code seconds} in the order given. Prints one line per load and
     * round, the round's ratio of each load's throughput to the first's, and a total per load; returns
     * the totals (throughput over all its rounds, percentiles over all its requests, CPU per request
     * over all its rounds), in the order given. No probe: it would see every load's rounds at once.
     */
    public static List<Result> alternate(
            HttpClient http, int clients, int warmup, int rounds, int seconds, List<Workload> loads, Cpu... cpus)
            throws Exception {
        for (Workload w : loads) {
            load(http, clients, warmup, w.request(), new ArrayList<>(), new AtomicLong());
        }
        int n = loads.size();
        List<List<long[]>> latencies = new ArrayList<>();
        long[] errors = new long[n];
        double[] elapsed = new double[n];
        long[][] cpu = new long[n][cpus.length];
        for (int k = 0; k < n; k++) {
            latencies.add(new ArrayList<>());
        }
        for (int round = 1; round <= rounds; round++) {
            double[] rate = new double[n];
            for (int k = 0; k < n; k++) {
                Workload w = loads.get(k);
                List<long[]> mine = new ArrayList<>();
                AtomicLong failed = new AtomicLong();
                long[] before = Arrays.stream(cpus).mapToLong(Cpu::micros).toArray();
                long start = System.nanoTime();
                load(http, clients, seconds, w.request(), mine, failed);
                double took = (System.nanoTime() - start) / 1e9;
                long[] after = Arrays.stream(cpus).mapToLong(Cpu::micros).toArray();
                long count = mine.stream().mapToLong(l -> l.length).sum();
                latencies.get(k).addAll(mine);
                errors[k] += failed.get();
                elapsed[k] += took;
                StringBuilder perRequest = new StringBuilder();
                for (int c = 0; c < cpus.length; c++) {
                    cpu[k][c] += after[c] - before[c];
                    perRequest
                            .append(c == 0 ? "" : " + ")
                            .append(count == 0 ? "-" : String.format("%.0f", (after[c] - before[c]) / (double) count));
                }
                rate[k] = count / took;
                System.out.printf(
                        "  round %d %-12s %8.1f req/s   CPU per request %s µs%s%n",
                        round,
                        w.name(),
                        rate[k],
                        perRequest,
                        k == 0
                                ? ""
                                : String.format(
                                        "   %s / %s %.3f",
                                        w.name(), loads.get(0).name(), rate[k] / rate[0]));
            }
        }
        List<Result> results = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            long[] all = latencies.get(k).stream()
                    .flatMapToLong(Arrays::stream)
                    .sorted()
                    .toArray();
            Result r = summary(loads.get(k).name(), " in " + rounds + " rounds", all, elapsed[k], errors[k], cpu[k]);
            results.add(r);
        }
        return results;
    }

    private static void load(
            HttpClient http,
            int clients,
            int seconds,
            IntFunction<HttpRequest> request,
            List<long[]> latencies,
            AtomicLong errors)
            throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                long[] mine = new long[1 << 16];
                int n = 0;
                int i = client;
                try {
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<byte[]> r =
                                    http.send(request.apply(i), HttpResponse.BodyHandlers.ofByteArray());
                            if (r.statusCode() != 200 && r.statusCode() != 201) {
                                errors.incrementAndGet();
                            }
                        } catch (java.io.IOException e) {
                            errors.incrementAndGet();
                        }
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = System.nanoTime() - t0;
                        i += clients;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    synchronized (latencies) {
                        latencies.add(Arrays.copyOf(mine, n));
                    }
                    done.countDown();
                }
            });
            t.start();
        }
        done.await();
    }

    private LoadRunner() {}
}
