package nl.deelpoort.gateway.bench;

import static nl.deelpoort.gateway.support.LoadRunner.run;
import static nl.deelpoort.gateway.support.TestBsns.freshBsn;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import nl.deelpoort.devkit.DevServices;
import nl.deelpoort.gateway.support.BenchDatabase;
import nl.deelpoort.gateway.support.GatewayProcess;
import nl.deelpoort.gateway.support.LoadRunner;
import nl.deelpoort.gateway.support.LoadRunner.Cpu;
import nl.deelpoort.gateway.support.LoadRunner.Cpus;
import nl.deelpoort.gateway.support.LoadRunner.FreshToken;
import nl.deelpoort.gateway.support.LoadRunner.Probe;
import nl.deelpoort.gateway.support.LoadRunner.Recording;
import nl.deelpoort.gateway.support.LoadRunner.Result;
import nl.deelpoort.gateway.support.LoadRunner.Statements;
import nl.deelpoort.gateway.support.LoadRunner.Workload;
import nl.deelpoort.policy.Framework;

/**
 * Figures for docs/benchmarks/grounds.md; a plain main, never run by {@code verify} ({@code ./benchmark
 * EvaluateBenchmark}). Starts the test services in this JVM and the gateway in a JVM of its own with
 * the {@link FloorEndpoint} switched on, records a consent for each of {@code subjects} households
 * (every fourth withdrawn again), then runs, with {@code threads} clients each: {@code POST
 * /api/v1/decisions/evaluate} with real grounds (pseudonym, consents, measures, overrides, the decision,
 * its EVALUATION entry committed through the sequencer) and the floor ({@code POST /bench/floor}: the
 * same token check, a JSON body, one INSERT of an entry's size committed through the same pool).
 * Prints both and the ratio. Pinned as {@link nl.deelpoort.gateway.exchange.bench.ExchangeBenchmark}:
 * gateway and PostgreSQL on CPU 1, the load generator on CPU 0.
 *
 * <p>Arguments (all optional): {@code threads=16 seconds=20 warmup=30 subjects=200 pin=true
 * profile=<directory> profiler=jfr|async jvm=<gateway JVM options, comma-separated> statements=false
 * rounds=1} ({@code statements=true}: PostgreSQL's time per statement, {@link
 * nl.deelpoort.gateway.support.LoadRunner.Statements}; {@code rounds=N}: after the warm-ups, floor and
 * evaluate measured in N alternating turns of {@code seconds} each, {@link LoadRunner#alternate}, so that
 * the machine's drift falls on both alike).
 */
public final class EvaluateBenchmark {

    public static void main(String[] args) throws Exception {
        Map<String, String> a = BenchDatabase.arguments(args);
        int threads = Integer.parseInt(a.getOrDefault("threads", "16"));
        int seconds = Integer.parseInt(a.getOrDefault("seconds", "20"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "30"));
        int subjects = Integer.parseInt(a.getOrDefault("subjects", "200"));
        int rounds = Integer.parseInt(a.getOrDefault("rounds", "1"));
        int cores = Runtime.getRuntime().availableProcessors(); // before this JVM is pinned to one
        boolean pin = Boolean.parseBoolean(a.getOrDefault("pin", Boolean.toString(cores >= 2)));
        List<String> jvm = a.containsKey("jvm") ? List.of(a.get("jvm").split(",")) : List.of("-Xmx1g");

        boolean statements = Statements.preload(a);
        try (DevServices services = DevServices.start(DevServices.Ports.free(), null)) {
            FloorEndpoint.createTable(services.database());
            Map<String, String> props = Cpus.benchmarkGateway(services);
            props.put("deelpoort.bench.floor", "true");
            // The households are made up: consents are recorded on the typed birth date, not checked in the register.
            props.put("deelpoort.population.base-url", "");
            List<Long> database = Cpus.pinApart(services, pin);
            try (GatewayProcess gateway = GatewayProcess.start(props, jvm, pin ? "1" : null, Duration.ofMinutes(3))) {
                HttpClient http = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build();
                FreshToken token = new FreshToken(() -> services.tokens().user("carla.cmd-waalre"));
                List<String> bsns = seed(http, gateway.baseUrl(), token.get(), subjects);
                System.out.printf(
                        "%d cores, load generator on JDK %s, gateway JVM options %s, %s; %d threads,"
                                + " %d × %d s measured after %d s warm-up; %d households with grounds; load average at start %s%n",
                        cores,
                        System.getProperty("java.version"),
                        jvm,
                        pin ? "gateway + PostgreSQL pinned to CPU 1, the load generator to CPU 0" : "nothing pinned",
                        threads,
                        rounds,
                        seconds,
                        warmup,
                        subjects,
                        Cpus.loadAverage());

                URI evaluate = URI.create(gateway.baseUrl() + "/api/v1/decisions/evaluate");
                IntFunction<HttpRequest> evaluation = i -> post(
                        evaluate,
                        token.get(),
                        "{\"subject\":{\"bsn\":\"" + bsns.get(i % bsns.size()) + "\"},\"purpose\":\"ESCALATION\","
                                + "\"actingRole\":\"MUNICIPAL_ACCESS\",\"holder\":\"gemeente-waalre\","
                                + "\"recipient\":\"plusteam\",\"recipientRole\":\"ADVISOR\","
                                + "\"categories\":[\"BSN\",\"PERSONALIA\",\"CASE_NOTES\"]}");
                URI floor = URI.create(gateway.baseUrl() + "/bench/floor");
                IntFunction<HttpRequest> bare = i -> post(
                        floor,
                        token.get(),
                        "{\"subject\":{\"bsn\":\"" + bsns.get(i % bsns.size()) + "\"},\"purpose\":\"ESCALATION\"}");

                Cpu gatewayCpu = new Cpu(List.of(gateway.pid()));
                Cpu databaseCpu = new Cpu(Cpus.postgres(services.database().port()));
                Result floorResult;
                Result evaluateResult;
                if (rounds > 1) {
                    if (statements || a.containsKey("profile")) {
                        throw new IllegalArgumentException("profile= and statements=true watch one phase: rounds=1");
                    }
                    List<Result> both = LoadRunner.alternate(
                            http,
                            threads,
                            warmup,
                            rounds,
                            seconds,
                            List.of(new Workload("floor", bare), new Workload("evaluate", evaluation)),
                            gatewayCpu,
                            databaseCpu);
                    floorResult = both.get(0);
                    evaluateResult = both.get(1);
                } else {
                    Statements sql = statements ? new Statements(services.database()) : null;
                    floorResult = run("floor", http, threads, warmup, seconds, bare, sql, gatewayCpu, databaseCpu);
                    Probe recording = Probe.all(Recording.of(a, gateway, "gateway-evaluate"), sql);
                    evaluateResult = run(
                            "evaluate", http, threads, warmup, seconds, evaluation, recording, gatewayCpu, databaseCpu);
                }
                System.out.printf(
                        "ratio evaluate/floor throughput, %d threads: %.3f%n",
                        threads, evaluateResult.perSecond() / floorResult.perSecond());
                System.out.printf(
                        "CPU per request: floor gateway %.0f µs + PostgreSQL %.0f µs; evaluate gateway %.0f µs"
                                + " + PostgreSQL %.0f µs%n",
                        floorResult.cpuMicrosPerRequest().get(0),
                        floorResult.cpuMicrosPerRequest().get(1),
                        evaluateResult.cpuMicrosPerRequest().get(0),
                        evaluateResult.cpuMicrosPerRequest().get(1));
                System.out.printf("load average at the end %s%n", Cpus.loadAverage());
            }
        }
        System.exit(0);
    }

    /** A consent for each household (every fourth withdrawn again), so that each evaluation reads real grounds. */
    private static List<String> seed(HttpClient http, String base, String token, int subjects) throws Exception {
        List<String> bsns = new ArrayList<>();
        String adult = LocalDate.now(Framework.ZONE).minusYears(40).toString();
        for (int i = 0; i < subjects; i++) {
            String bsn = freshBsn();
            HttpResponse<String> r = http.send(
                    post(
                            URI.create(base + "/api/v1/consents"),
                            token,
                            "{\"subject\":{\"bsn\":\"" + bsn + "\",\"birthDate\":\"" + adult + "\"},"
                                    + "\"givenBy\":[{\"role\":\"SUBJECT\"}],\"purposes\":[\"ESCALATION\"],"
                                    + "\"recipients\":[\"plusteam\"],\"holders\":[\"gemeente-waalre\"],"
                                    + "\"categories\":[\"BSN\",\"PERSONALIA\",\"HOUSEHOLD\",\"CASE_NOTES\"],"
                                    + "\"method\":\"WRITTEN\"}"),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201) {
                throw new IllegalStateException("recording a consent failed: " + r.statusCode() + " " + r.body());
            }
            if (i % 4 == 3) {
                String id = r.body().replaceFirst("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
                http.send(
                        post(
                                URI.create(base + "/api/v1/consents/" + id + "/withdrawal"),
                                token,
                                "{\"reason\":\"benchmark\",\"withdrawnBy\":{\"role\":\"SUBJECT\"}}"),
                        HttpResponse.BodyHandlers.discarding());
            }
            bsns.add(bsn);
        }
        return bsns;
    }

    private static HttpRequest post(URI uri, String token, String body) {
        return HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private EvaluateBenchmark() {}
}
