package nl.deelpoort.gateway.exchange.bench;

import static nl.deelpoort.gateway.support.LoadRunner.run;
import static nl.deelpoort.gateway.support.TestBsns.freshBsn;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import nl.deelpoort.casefile.stub.CaseFileStub;
import nl.deelpoort.devkit.DevServices;
import nl.deelpoort.gateway.bench.FloorEndpoint;
import nl.deelpoort.gateway.support.BenchDatabase;
import nl.deelpoort.gateway.support.GatewayProcess;
import nl.deelpoort.gateway.support.LoadRunner.Cpu;
import nl.deelpoort.gateway.support.LoadRunner.Cpus;
import nl.deelpoort.gateway.support.LoadRunner.FreshToken;
import nl.deelpoort.gateway.support.LoadRunner.Probe;
import nl.deelpoort.gateway.support.LoadRunner.Recording;
import nl.deelpoort.gateway.support.LoadRunner.Result;
import nl.deelpoort.gateway.support.LoadRunner.Statements;

/**
 * Figures for docs/benchmarks/exchange.md; a plain main, never run by {@code verify} ({@code
 * ./benchmark ExchangeBenchmark}). Starts the test services (PostgreSQL, Keycloak, case file stub) in
 * this JVM and the gateway in a JVM of its own, then runs the same load against both: the pull {@code
 * POST /api/v1/disclosures} (bram, F4, BSN + CARE_DEPLOYED) through the gateway, and the very same file
 * query straight to the stub; first with {@code clients} concurrent clients (throughput), then with
 * one (the latency the gateway adds). Each phase has a warm-up that is not counted. The stub's request
 * journal is off, so the stub costs what answering costs.
 *
 * <p>With {@code pin=true} (the default where the machine has two or more CPUs) this JVM — load
 * generator, stub, Keycloak — runs on CPU 0, and the gateway with its PostgreSQL on CPU 1: the
 * comparison is then "the gateway and its database on a machine of their own against the call it
 * mediates", and the CPU time each side spends per pull is read from {@code /proc}.
 *
 * <p>Arguments (all optional): {@code clients=32 seconds=20 warmup=30 single=10 subjects=256 pin=true
 * floor=true profile=<directory for a profile of the gateway during the measured pulls> profiler=jfr|async
 * jvm=<gateway JVM options, comma-separated> statements=false} ({@link LoadRunner.Recording}; {@code
 * statements=true}: PostgreSQL's time per statement, {@link LoadRunner.Statements}).
 */
public final class ExchangeBenchmark {

    public static void main(String[] args) throws Exception {
        Map<String, String> a = BenchDatabase.arguments(args);
        int clients = Integer.parseInt(a.getOrDefault("clients", "32"));
        int seconds = Integer.parseInt(a.getOrDefault("seconds", "20"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "30"));
        int single = Integer.parseInt(a.getOrDefault("single", "10"));
        int subjects = Integer.parseInt(a.getOrDefault("subjects", "256"));
        int cores = Runtime.getRuntime().availableProcessors(); // before this JVM is pinned to one
        boolean pin = Boolean.parseBoolean(a.getOrDefault("pin", Boolean.toString(cores >= 2)));
        boolean floor = Boolean.parseBoolean(a.getOrDefault("floor", "true"));
        List<String> jvm = a.containsKey("jvm") ? List.of(a.get("jvm").split(",")) : List.of("-Xmx1g");

        boolean statements = Statements.preload(a);
        System.setProperty(CaseFileStub.JOURNAL_PROPERTY, "false");
        try (DevServices services = DevServices.start(DevServices.Ports.free(), null)) {
            Map<String, String> props = Cpus.benchmarkGateway(services);
            if (floor) {
                FloorEndpoint.createTable(services.database());
                props.put("deelpoort.bench.floor", "true");
            }
            List<Long> database = Cpus.pinApart(services, pin);
            try (GatewayProcess gateway = GatewayProcess.start(props, jvm, pin ? "1" : null, Duration.ofMinutes(3))) {
                String[] bsns = new String[subjects];
                for (int i = 0; i < subjects; i++) {
                    bsns[i] = freshBsn();
                }
                HttpClient http = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build();
                System.out.printf(
                        "%d cores, load generator on JDK %s, gateway JVM options %s, %s; %d clients, %d s measured"
                                + " after %d s warm-up, then 1 client for %d s; %d subjects; load average at start %s%n",
                        cores,
                        System.getProperty("java.version"),
                        jvm,
                        pin ? "gateway + PostgreSQL pinned to CPU 1, the rest to CPU 0" : "nothing pinned",
                        clients,
                        seconds,
                        warmup,
                        single,
                        subjects,
                        Cpus.loadAverage());

                URI stub = URI.create(services.caseFiles().baseUrl() + "/api/plusteam/dossiers/query");
                IntFunction<HttpRequest> direct = i -> HttpRequest.newBuilder(stub)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"bsn\":\"" + bsns[i % subjects] + "\"}"))
                        .build();
                FreshToken token = new FreshToken(() -> services.tokens().user("bram.cmd-gm"));
                URI pull = URI.create(gateway.baseUrl() + "/api/v1/disclosures");
                IntFunction<HttpRequest> viaGateway = i -> HttpRequest.newBuilder(pull)
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + token.get())
                        .POST(HttpRequest.BodyPublishers.ofString("{\"subject\":{\"bsn\":\"" + bsns[i % subjects]
                                + "\"},\"purpose\":\"ACCOUNTABILITY\",\"actingRole\":\"MUNICIPAL_ACCESS\","
                                + "\"holder\":\"plusteam\",\"categories\":[\"BSN\",\"CARE_DEPLOYED\"]}"))
                        .build();

                Cpu self = new Cpu(List.of(ProcessHandle.current().pid()));
                Cpu gatewayCpu = new Cpu(List.of(gateway.pid()));
                Cpu databaseCpu = new Cpu(Cpus.postgres(services.database().port()));

                Result directMany = run("direct to stub", http, clients, warmup, seconds, direct, null, self);
                Statements sql = statements ? new Statements(services.database()) : null;
                Probe recording = Probe.all(Recording.of(a, gateway, "gateway-pull"), sql);
                Result gatewayMany = run(
                        "gateway pull",
                        http,
                        clients,
                        warmup,
                        seconds,
                        viaGateway,
                        recording,
                        self,
                        gatewayCpu,
                        databaseCpu);
                Result floorMany = null;
                if (floor) {
                    // The floor's body names a subject as a pull's does; the endpoint only stores bytes.
                    URI floorUri = URI.create(gateway.baseUrl() + "/bench/floor");
                    IntFunction<HttpRequest> bare = i -> HttpRequest.newBuilder(floorUri)
                            .header("Content-Type", "application/json")
                            .header("Authorization", "Bearer " + token.get())
                            .POST(HttpRequest.BodyPublishers.ofString("{\"subject\":{\"bsn\":\"" + bsns[i % subjects]
                                    + "\"},\"purpose\":\"ACCOUNTABILITY\"}"))
                            .build();
                    floorMany = run("floor", http, clients, warmup, seconds, bare, sql, self, gatewayCpu, databaseCpu);
                }
                Result directOne = run("direct, 1 client", http, 1, Math.min(warmup, 5), single, direct, null, self);
                Result gatewayOne =
                        run("gateway, 1 client", http, 1, Math.min(warmup, 5), single, viaGateway, null, self);

                System.out.printf(
                        "ratio pull throughput gateway/direct, %d clients: %.3f%n",
                        clients, gatewayMany.perSecond() / directMany.perSecond());
                if (floorMany != null) {
                    System.out.printf(
                            "ceiling: floor/direct throughput, %d clients: %.3f (the floor: token, JSON body, one"
                                    + " committed INSERT, no decision, no case file call; gateway CPU per request"
                                    + " %.0f µs, PostgreSQL %.0f µs)%n",
                            clients,
                            floorMany.perSecond() / directMany.perSecond(),
                            floorMany.cpuMicrosPerRequest().get(1),
                            floorMany.cpuMicrosPerRequest().get(2));
                }
                System.out.printf(
                        "pull latency added by the gateway, 1 client, p50: %.2f ms (%.2f - %.2f), p99: %.2f ms%n",
                        (gatewayOne.p50Micros() - directOne.p50Micros()) / 1000.0,
                        gatewayOne.p50Micros() / 1000.0,
                        directOne.p50Micros() / 1000.0,
                        (gatewayOne.p99Micros() - directOne.p99Micros()) / 1000.0);
                System.out.printf(
                        "CPU per request at %d clients: direct phase %.0f µs (load generator + stub);"
                                + " gateway phase: load generator + stub %.0f µs, gateway %.0f µs, PostgreSQL %.0f µs%n",
                        clients,
                        directMany.cpuMicrosPerRequest().get(0),
                        gatewayMany.cpuMicrosPerRequest().get(0),
                        gatewayMany.cpuMicrosPerRequest().get(1),
                        gatewayMany.cpuMicrosPerRequest().get(2));
                System.out.printf(
                        "gateway resident set at the end: %d MB; load average %s%n",
                        gateway.residentBytes() >> 20, Cpus.loadAverage());
            }
        }
        System.exit(0);
    }

    private ExchangeBenchmark() {}
}
