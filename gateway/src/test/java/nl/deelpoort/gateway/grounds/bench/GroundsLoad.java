package nl.deelpoort.gateway.grounds.bench;

import static nl.deelpoort.gateway.support.TestBsns.freshBsn;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import nl.deelpoort.devkit.DevServices;
import nl.deelpoort.gateway.DeelpoortGateway;
import nl.deelpoort.gateway.support.BenchDatabase;
import nl.deelpoort.keycloak.Tokens;
import nl.deelpoort.policy.Framework;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Load generator for docs/benchmarks/grounds.md; a plain main, never run by {@code verify}.
 * {@code POST /api/v1/decisions/evaluate} with a subject from {@code threads} threads for {@code
 * seconds} (after {@code warmup}), as carla.cmd-waalre, over {@code subjects} households that each
 * have a consent recorded first (every fourth withdrawn again), so each decision reads real grounds
 * and appends its EVALUATION entry to the log. Prints throughput and latency percentiles.
 *
 * <p>Against a running gateway (the local stack: {@code ./deelpoort-local}): {@code
 * base=http://localhost:8080 keycloak=http://localhost:8180}. With {@code selfhost=true} it starts
 * its own PostgreSQL and Keycloak (devkit, free ports) and the gateway in this JVM, as the ITs do.
 *
 * <p>Arguments (all optional): {@code threads=16 seconds=30 warmup=5 subjects=200 selfhost=false}.
 */
public final class GroundsLoad {

    public static void main(String[] args) throws Exception {
        Map<String, String> a = BenchDatabase.arguments(args);
        int threads = Integer.parseInt(a.getOrDefault("threads", "16"));
        int seconds = Integer.parseInt(a.getOrDefault("seconds", "30"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "5"));
        int subjects = Integer.parseInt(a.getOrDefault("subjects", "200"));
        boolean selfhost = Boolean.parseBoolean(a.getOrDefault("selfhost", "false"));

        DevServices services = null;
        ConfigurableApplicationContext gateway = null;
        try {
            String base;
            Tokens tokens;
            if (selfhost) {
                services = DevServices.start(DevServices.Ports.free(), null);
                // As command-line arguments: they must win over application.yml, as the ITs' properties do.
                List<String> props = new ArrayList<>();
                services.gatewayProperties().forEach((k, v) -> props.add("--" + k + "=" + v));
                props.add("--server.port=0");
                props.add("--logging.level.root=WARN");
                gateway = new SpringApplicationBuilder(DeelpoortGateway.class).run(props.toArray(String[]::new));
                base = "http://localhost:" + gateway.getEnvironment().getProperty("local.server.port");
                tokens = services.tokens();
            } else {
                base = a.getOrDefault("base", "http://localhost:8080");
                tokens = new Tokens(a.getOrDefault("keycloak", "http://localhost:8180")
                        + "/realms/deelpoort/protocol/openid-connect/token");
            }
            run(base, tokens.user("carla.cmd-waalre"), threads, seconds, warmup, subjects);
        } finally {
            if (gateway != null) {
                gateway.close();
            }
            if (services != null) {
                services.close();
            }
        }
    }

    private static void run(String base, String token, int threads, int seconds, int warmup, int subjects)
            throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<String> bsns = new ArrayList<>();
        String adult = LocalDate.now(Framework.ZONE).minusYears(40).toString();
        for (int i = 0; i < subjects; i++) {
            String bsn = freshBsn();
            String consent = "{\"subject\":{\"bsn\":\"" + bsn + "\",\"birthDate\":\"" + adult + "\"},"
                    + "\"givenBy\":[{\"role\":\"SUBJECT\"}],\"purposes\":[\"ESCALATION\"],"
                    + "\"recipients\":[\"plusteam\"],\"holders\":[\"gemeente-waalre\"],"
                    + "\"categories\":[\"BSN\",\"PERSONALIA\",\"HOUSEHOLD\",\"CASE_NOTES\"],\"method\":\"WRITTEN\"}";
            HttpResponse<String> r = post(http, base + "/api/v1/consents", token, consent);
            if (r.statusCode() != 201) {
                throw new IllegalStateException("recording a consent failed: " + r.statusCode() + " " + r.body());
            }
            if (i % 4 == 3) {
                String id = r.body().replaceFirst("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
                post(
                        http,
                        base + "/api/v1/consents/" + id + "/withdrawal",
                        token,
                        "{\"reason\":\"benchmark\",\"withdrawnBy\":{\"role\":\"SUBJECT\"}}");
            }
            bsns.add(bsn);
        }

        long start = System.nanoTime();
        long measureFrom = start + Duration.ofSeconds(warmup).toNanos();
        long end = measureFrom + Duration.ofSeconds(seconds).toNanos();
        LongAdder permits = new LongAdder();
        LongAdder denies = new LongAdder();
        LongAdder errors = new LongAdder();
        long[][] latencies = new long[threads][];
        int[] counts = new int[threads];
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            int me = t;
            Thread worker = new Thread(
                    () -> {
                        long[] mine = new long[1 << 16];
                        int n = 0;
                        try {
                            while (true) {
                                String bsn =
                                        bsns.get(ThreadLocalRandom.current().nextInt(bsns.size()));
                                String q = "{\"subject\":{\"bsn\":\"" + bsn + "\"},\"purpose\":\"ESCALATION\","
                                        + "\"actingRole\":\"MUNICIPAL_ACCESS\",\"holder\":\"gemeente-waalre\","
                                        + "\"recipient\":\"plusteam\",\"recipientRole\":\"ADVISOR\","
                                        + "\"categories\":[\"BSN\",\"PERSONALIA\",\"CASE_NOTES\"]}";
                                long t0 = System.nanoTime();
                                if (t0 >= end) {
                                    break;
                                }
                                HttpResponse<String> r = post(http, base + "/api/v1/decisions/evaluate", token, q);
                                long t1 = System.nanoTime();
                                if (t0 < measureFrom) {
                                    continue;
                                }
                                if (r.statusCode() != 200) {
                                    errors.increment();
                                } else if (r.body().contains("\"decision\":\"PERMIT\"")) {
                                    permits.increment();
                                } else {
                                    denies.increment();
                                }
                                if (n == mine.length) {
                                    mine = Arrays.copyOf(mine, n * 2);
                                }
                                mine[n++] = t1 - t0;
                            }
                        } catch (Exception e) {
                            errors.increment();
                        } finally {
                            latencies[me] = mine;
                            counts[me] = n;
                            done.countDown();
                        }
                    },
                    "load-" + t);
            worker.start();
        }
        done.await();
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(latencies[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        System.out.printf(
                "threads=%d seconds=%d subjects=%d requests=%d errors=%d permit=%d deny=%d%n",
                threads, seconds, subjects, total, errors.sum(), permits.sum(), denies.sum());
        System.out.printf("throughput=%.0f evaluations/s%n", total / (double) seconds);
        System.out.printf(
                "latency ms: p50=%.2f p90=%.2f p99=%.2f p99.9=%.2f max=%.2f%n",
                ms(all, 0.50),
                ms(all, 0.90),
                ms(all, 0.99),
                ms(all, 0.999),
                all.length == 0 ? 0 : all[all.length - 1] / 1e6);
    }

    private static double ms(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    private static HttpResponse<String> post(HttpClient http, String url, String token, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private GroundsLoad() {}
}
