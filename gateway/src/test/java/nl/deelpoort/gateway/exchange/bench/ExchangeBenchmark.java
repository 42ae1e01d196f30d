package nl.deelpoort.gateway.exchange.bench;

import static nl.deelpoort.gateway.support.TestBsns.freshBsn;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import nl.deelpoort.devkit.DevServices;
import nl.deelpoort.gateway.DeelpoortGateway;
import nl.deelpoort.gateway.support.BenchDatabase;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Figures for docs/benchmarks/exchange.md; a plain main, never run by {@code verify}. Starts the
 * test services (PostgreSQL, Keycloak, case file stub) and the gateway in this JVM on free ports,
 * then runs the same load twice with {@code clients} concurrent clients: the pull {@code POST
 * /api/v1/disclosures} (bram, F4, BSN + CARE_DEPLOYED) through the gateway, and the very same file
 * query straight to the stub. Each phase has a warm-up that is not counted.
 *
 * <p>Arguments (all optional): {@code clients=32 seconds=20 warmup=10 subjects=256}.
 */
public final class ExchangeBenchmark {

    public static void main(String[] args) throws Exception {
        Map<String, String> a = BenchDatabase.arguments(args);
        int clients = Integer.parseInt(a.getOrDefault("clients", "32"));
        int seconds = Integer.parseInt(a.getOrDefault("seconds", "20"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "10"));
        int subjects = Integer.parseInt(a.getOrDefault("subjects", "256"));

        try (DevServices services = DevServices.start(DevServices.Ports.free(), null)) {
            Map<String, Object> props = new HashMap<>(services.gatewayProperties());
            props.put("server.port", "0");
            props.put("deelpoort.exchange.data-dir", System.getProperty("java.io.tmpdir") + "/deelpoort-bench-keys");
            props.put("deelpoort.log.data-dir", System.getProperty("java.io.tmpdir") + "/deelpoort-bench-keys");
            props.put("logging.level.root", "WARN");
            // As command-line arguments: they win over application.yml, as the test's properties do.
            String[] arguments = props.entrySet().stream()
                    .map(e -> "--" + e.getKey() + "=" + e.getValue())
                    .toArray(String[]::new);
            try (ConfigurableApplicationContext gateway =
                    new SpringApplication(DeelpoortGateway.class).run(arguments)) {
                String port = gateway.getEnvironment().getProperty("local.server.port");
                String[] bsns = new String[subjects];
                for (int i = 0; i < subjects; i++) {
                    bsns[i] = freshBsn();
                }
                HttpClient http = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build();
                System.out.printf(
                        "%d cores, JDK %s, %d clients, %d s measured after %d s warm-up, %d subjects%n",
                        Runtime.getRuntime().availableProcessors(),
                        System.getProperty("java.version"),
                        clients,
                        seconds,
                        warmup,
                        subjects);

                URI stub = URI.create(services.caseFiles().baseUrl() + "/api/plusteam/dossiers/query");
                Result direct = run(
                        "direct to stub",
                        http,
                        clients,
                        warmup,
                        seconds,
                        i -> HttpRequest.newBuilder(stub)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"bsn\":\"" + bsns[i % subjects] + "\"}"))
                                .build());

                String token = services.tokens().user("bram.cmd-gm");
                URI pull = URI.create("http://localhost:" + port + "/api/v1/disclosures");
                Result gatewayResult = run(
                        "gateway pull",
                        http,
                        clients,
                        warmup,
                        seconds,
                        i -> HttpRequest.newBuilder(pull)
                                .header("Content-Type", "application/json")
                                .header("Authorization", "Bearer " + token)
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                "{\"subject\":{\"bsn\":\"" + bsns[i % subjects]
                                                        + "\"},\"purpose\":\"ACCOUNTABILITY\",\"actingRole\":\"MUNICIPAL_ACCESS\","
                                                        + "\"holder\":\"plusteam\",\"categories\":[\"BSN\",\"CARE_DEPLOYED\"]}"))
                                .build());
                System.out.printf(
                        "ratio gateway/direct throughput: %.3f%n", gatewayResult.perSecond / direct.perSecond);
            }
        }
        System.exit(0);
    }

    record Result(double perSecond, long p50Micros, long p99Micros, long errors) {}

    private static Result run(
            String name, HttpClient http, int clients, int warmup, int seconds, IntFunction<HttpRequest> request)
            throws InterruptedException {
        load(http, clients, warmup, request, new ArrayList<>(), new AtomicLong());
        List<long[]> latencies = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        load(http, clients, seconds, request, latencies, errors);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        Result r = new Result(
                all.length / elapsed,
                all.length == 0 ? 0 : all[(int) (all.length * 0.50)] / 1000,
                all.length == 0 ? 0 : all[Math.min(all.length - 1, (int) (all.length * 0.99))] / 1000,
                errors.get());
        System.out.printf(
                "%-16s %8.1f req/s   p50 %7.2f ms   p99 %7.2f ms   (%d requests, %d errors)%n",
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
                            if (r.statusCode() != 200) {
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

    private ExchangeBenchmark() {}
}
