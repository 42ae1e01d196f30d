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

    /** A JFR recording of the gateway during a measured phase, written to {@code <directory>/<name>.jfr}. */
    public record Recording(GatewayProcess gateway, String directory, String name) {

        void start() throws Exception {
            java.nio.file.Files.createDirectories(java.nio.file.Path.of(directory));
            gateway.jcmd("JFR.start", "name=bench", "settings=profile");
        }

        void stop() throws Exception {
            String file = java.nio.file.Path.of(directory, name + ".jfr")
                    .toAbsolutePath()
                    .toString();
            gateway.jcmd("JFR.stop", "name=bench", "filename=" + file);
            System.out.println("profile: " + file);
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
            Recording recording,
            Cpu... cpus)
            throws Exception {
        load(http, clients, warmup, request, new ArrayList<>(), new AtomicLong());
        if (recording != null) {
            recording.start();
        }
        List<long[]> latencies = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        long[] cpuBefore = Arrays.stream(cpus).mapToLong(Cpu::micros).toArray();
        long start = System.nanoTime();
        load(http, clients, seconds, request, latencies, errors);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] cpuAfter = Arrays.stream(cpus).mapToLong(Cpu::micros).toArray();
        if (recording != null) {
            recording.stop();
        }
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        List<Double> cpuPerRequest = new ArrayList<>();
        for (int i = 0; i < cpus.length; i++) {
            cpuPerRequest.add(all.length == 0 ? 0.0 : (cpuAfter[i] - cpuBefore[i]) / (double) all.length);
        }
        Result r = new Result(
                all.length / elapsed,
                all.length == 0 ? 0 : all[(int) (all.length * 0.50)] / 1000,
                all.length == 0 ? 0 : all[Math.min(all.length - 1, (int) (all.length * 0.99))] / 1000,
                errors.get(),
                cpuPerRequest);
        System.out.printf(
                "%-18s %8.1f req/s   p50 %7.2f ms   p99 %7.2f ms   (%d requests, %d errors)%n",
                name, r.perSecond, r.p50Micros / 1000.0, r.p99Micros / 1000.0, all.length, r.errors);
        return r;
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
