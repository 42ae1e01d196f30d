package nl.deelpoort.gateway.audit.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import nl.deelpoort.casefile.stub.CaseFileStub;
import nl.deelpoort.devkit.DevServices;
import nl.deelpoort.devkit.EmbeddedDatabase;
import nl.deelpoort.gateway.DeelpoortGateway;
import nl.deelpoort.gateway.audit.AuditFilter;
import nl.deelpoort.gateway.audit.AuditProbe;
import nl.deelpoort.gateway.logstore.CheckpointInclusion;
import nl.deelpoort.gateway.logstore.DisclosureLog;
import nl.deelpoort.gateway.logstore.SubjectPseudonyms;
import nl.deelpoort.gateway.support.BenchDatabase;
import nl.deelpoort.keycloak.KeycloakLauncher;
import nl.deelpoort.keycloak.Tokens;
import nl.deelpoort.ledger.EntryKind;
import nl.deelpoort.ledger.LogEntry;
import nl.deelpoort.policy.Bsn;
import nl.deelpoort.policy.OrganisationId;
import nl.deelpoort.policy.Purpose;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Figures for docs/benchmarks/audit.md; a plain main, never run by {@code verify}. Starts its own
 * PostgreSQL and Keycloak (devkit, free ports) and the gateway in this JVM, as the ITs do, loads
 * {@code entries} log entries through the gateway's own {@link DisclosureLog} (so the Merkle subtrees
 * and checkpoints are those of a real log and every hit's inclusion check is real work), then times
 * {@code POST /api/v1/audit/disclosures/search} as hanna.fg (plusteam), one client, page size 50:
 *
 * <ol>
 *   <li>by organisation: no filter, i.e. everything the PlusTeam is a party to, newest page;
 *   <li>by subject: a random one of {@code subjects} subjects;
 *   <li>organisation + purpose + period: another organisation, a random purpose, a tenth of the load.
 * </ol>
 *
 * <p>Each timed request includes appending its AUDIT_QUERY entry and the inclusion proofs of its
 * hits that the latest checkpoint covers. Before those timings, unless {@code profile=false}, it
 * prints where a search's time goes: the plans of the search SQL and each step timed alone, the period
 * search and the inclusion proofs each before and after session 6's change, side by side on the same
 * data. Arguments (all optional): {@code entries=1000000 subjects=20000 samples=300
 * keycloak-timeout=PT15M profile=true}.
 */
public final class AuditSearchBenchmark {

    private static final String[] ORGS = {
        "plusteam", "gemeente-waalre", "gemeente-geldrop-mierlo", "porthos", "gi-intervence"
    };
    private static final String[] PURPOSES = {
        "ESCALATION", "DE_ESCALATION", "PROVISION_APPLICATION", "ACCOUNTABILITY", "MDO", "CHILD_PROTECTION"
    };

    public static void main(String[] args) throws Exception {
        Map<String, String> a = BenchDatabase.arguments(args);
        long entries = Long.parseLong(a.getOrDefault("entries", "1000000"));
        int subjects = Integer.parseInt(a.getOrDefault("subjects", "20000"));
        int samples = Integer.parseInt(a.getOrDefault("samples", "300"));

        Duration keycloakTimeout = Duration.parse(a.getOrDefault("keycloak-timeout", "PT15M"));
        try (Services services = Services.start(keycloakTimeout)) {
            List<String> props = new ArrayList<>();
            services.gatewayProperties().forEach((k, v) -> props.add("--" + k + "=" + v));
            props.add("--server.port=0");
            props.add("--logging.level.root=WARN");
            props.add("--deelpoort.log.batch-size=4096");
            props.add("--deelpoort.log.queue-capacity=100000");
            // The periodic full integrity check would read the whole log in the middle of the timings.
            props.add("--deelpoort.log.integrity-interval=24h");
            try (ConfigurableApplicationContext gateway =
                    new SpringApplicationBuilder(DeelpoortGateway.class).run(props.toArray(String[]::new))) {
                String base = "http://localhost:" + gateway.getEnvironment().getProperty("local.server.port");
                List<String> bsns = new ArrayList<>();
                List<String> pseudonyms = new ArrayList<>();
                SubjectPseudonyms ps = gateway.getBean(SubjectPseudonyms.class);
                for (int i = 0; i < subjects; i++) {
                    String bsn = bsn(i);
                    bsns.add(bsn);
                    pseudonyms.add(ps.pseudonym(Bsn.of(bsn)));
                }
                Instant[] window = load(gateway.getBean(DisclosureLog.class), entries, pseudonyms);
                analyse(services);
                // Let the checkpointer (every 5 s) cover the load, so hits carry real inclusion checks.
                Thread.sleep(12_000);
                Tokens tokens = services.tokens();
                HttpClient http = HttpClient.newHttpClient();
                ThreadLocalRandom r = ThreadLocalRandom.current();
                if (!"false".equals(a.get("profile"))) {
                    profile(gateway, window, Math.min(samples, 100));
                }
                time("by organisation (plusteam, no filter)", http, base, tokens, samples, () -> "{\"size\":50}");
                time(
                        "by subject",
                        http,
                        base,
                        tokens,
                        samples,
                        () -> "{\"subject\":{\"bsn\":\"" + bsns.get(r.nextInt(bsns.size())) + "\"},\"size\":50}");
                time(
                        "organisation + purpose + period (10% of the log)",
                        http,
                        base,
                        tokens,
                        samples,
                        () -> "{\"organisation\":\"gemeente-waalre\",\"purpose\":\""
                                + PURPOSES[r.nextInt(PURPOSES.length)] + "\",\"from\":\"" + window[0] + "\",\"to\":\""
                                + window[1] + "\",\"size\":50}");
            }
        }
    }

    /** Loads through the log with many appends in flight; returns the instants at 45% and 55% of the load. */
    private static Instant[] load(DisclosureLog log, long entries, List<String> pseudonyms) throws Exception {
        long start = System.nanoTime();
        Instant[] window = new Instant[2];
        Semaphore inFlight = new Semaphore(4000);
        // append blocks until its batch commits, so throughput needs thousands of appends in flight;
        // Java 17 has no virtual threads, hence many small platform threads.
        ExecutorService pool =
                Executors.newFixedThreadPool(2000, task -> new Thread(null, task, "bench-append", 256 * 1024));
        try {
            for (long i = 0; i < entries; i++) {
                if (i == entries * 45 / 100) {
                    window[0] = Instant.now();
                }
                if (i == entries * 55 / 100) {
                    window[1] = Instant.now();
                }
                inFlight.acquire();
                LogEntry.Builder e = entry(pseudonyms);
                pool.submit(() -> {
                    try {
                        log.append(e);
                    } finally {
                        inFlight.release();
                    }
                });
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.HOURS);
        }
        double s = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "loaded %d entries through DisclosureLog in %.0f s (%.0f entries/s)%n", entries, s, entries / s);
        return window;
    }

    private static LogEntry.Builder entry(List<String> pseudonyms) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        boolean deny = r.nextInt(5) == 0;
        return LogEntry.builder(r.nextBoolean() ? EntryKind.DISCLOSURE : EntryKind.EVALUATION)
                .decision(deny ? "DENY" : "PERMIT")
                .reasonCodes(deny ? List.of("CONSENT_MISSING") : List.of())
                .purpose(PURPOSES[r.nextInt(PURPOSES.length)])
                .legalBasis(r.nextBoolean() ? "CONSENT" : "PUBLIC_TASK")
                .flow("F" + (1 + r.nextInt(9)))
                .requestingOrganisation(ORGS[r.nextInt(ORGS.length)])
                .actingRole("MUNICIPAL_ACCESS")
                .user("3f1c2b9e-7a4d-4e8b-9c1a-2d5e6f7a8b9c")
                .holder(ORGS[r.nextInt(ORGS.length)])
                .recipient(ORGS[r.nextInt(ORGS.length)])
                .recipientRole("ADVISOR")
                .subjectPseudonym(pseudonyms.get(r.nextInt(pseudonyms.size())))
                .categoriesRequested(List.of("BSN", "PERSONALIA", "CASE_NOTES"))
                .categoriesReleased(deny ? List.of() : List.of("BSN", "PERSONALIA", "CASE_NOTES"));
    }

    /**
     * DevServices' PostgreSQL, Keycloak and case file stub, with a longer wait for Keycloak: on a
     * machine loaded by other builds its start has taken more than DevServices' five minutes.
     */
    private record Services(EmbeddedDatabase database, KeycloakLauncher keycloak, CaseFileStub caseFiles)
            implements AutoCloseable {

        static Services start(Duration keycloakTimeout) {
            KeycloakLauncher.Settings d = KeycloakLauncher.Settings.defaults();
            var keycloak = CompletableFuture.supplyAsync(() -> KeycloakLauncher.start(new KeycloakLauncher.Settings(
                    d.version(), 0, 0, d.cacheDir(), keycloakTimeout, d.realmResource(), d.environment())));
            EmbeddedDatabase database = EmbeddedDatabase.start(0, null);
            return new Services(database, keycloak.join(), CaseFileStub.start(0));
        }

        Tokens tokens() {
            return new Tokens(keycloak.tokenEndpoint());
        }

        Map<String, String> gatewayProperties() {
            return DevServices.gatewayProperties(database, keycloak.issuer(), caseFiles.baseUrl());
        }

        @Override
        public void close() {
            keycloak.close();
            caseFiles.close();
            database.close();
        }
    }

    /** ANALYZE and VACUUM (visibility map, for index-only scans) as autovacuum would after such a load. */
    private static void analyse(Services services) throws java.sql.SQLException {
        try (var c = services.database().superuserConnection();
                var s = c.createStatement()) {
            s.execute("VACUUM (ANALYZE) deelpoort.log_entry");
        }
    }

    /**
     * Where the time of one search goes, each step timed alone in this JVM over the same database:
     * the search's SQL (through {@link AuditProbe}, the statement {@code AuditQueries} runs), the
     * officer's AUDIT_QUERY append, and the inclusion proofs of a page's hits; plus the plans of the
     * organisation and the organisation + purpose + period statements, between "--- plan" lines.
     */
    private static void profile(ConfigurableApplicationContext gateway, Instant[] window, int samples) {
        AuditProbe probe = new AuditProbe(gateway.getBean(DataSource.class));
        DisclosureLog log = gateway.getBean(DisclosureLog.class);
        CheckpointInclusion inclusion = gateway.getBean(CheckpointInclusion.class);
        AuditFilter none = filter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        Supplier<AuditFilter> periodic = () -> filter(
                Optional.of(OrganisationId.of("gemeente-waalre")),
                Optional.of(Purpose.valueOf(PURPOSES[ThreadLocalRandom.current().nextInt(PURPOSES.length)])),
                Optional.of(window[0]),
                Optional.of(window[1]));
        AuditFilter mdo = filter(
                Optional.of(OrganisationId.of("gemeente-waalre")),
                Optional.of(Purpose.MDO),
                Optional.of(window[0]),
                Optional.of(window[1]));
        AuditProbe before = AuditProbe.periodByTimeOnly(gateway.getBean(DataSource.class));
        plan("organisation (plusteam, no filter)", probe, none);
        plan("organisation + purpose + period, period as time conditions only (before)", before, mdo);
        plan("organisation + purpose + period, period as a seq range (after)", probe, mdo);
        step("step: search SQL alone, organisation", samples, () -> probe.search("plusteam", none, 50));
        step(
                "step: search SQL alone, organisation + purpose + period, time conditions only (before)",
                samples,
                () -> before.search("plusteam", periodic.get(), 50));
        step(
                "step: search SQL alone, organisation + purpose + period, seq range (after)",
                samples,
                () -> probe.search("plusteam", periodic.get(), 50));
        // The newest 50 entries the latest checkpoint covers (the steps' own searches are not logged,
        // and the appends below come after).
        long covered = inclusion.latest().orElseThrow().treeSize();
        List<AuditProbe.Hit> page = probe.search("plusteam", none, 50 + 50).stream()
                .filter(h -> h.seq() < covered)
                .limit(50)
                .toList();
        step("step: inclusion proofs of a page's 50 hits, one query each (before)", samples, () -> {
            CheckpointInclusion.Snapshot c = inclusion.latest().orElseThrow();
            for (AuditProbe.Hit h : page) {
                if (!inclusion.verifies(c, h.seq(), h.canonical())) {
                    throw new IllegalStateException("entry " + h.seq() + " does not verify");
                }
            }
        });
        List<CheckpointInclusion.Leaf> leaves = page.stream()
                .map(h -> new CheckpointInclusion.Leaf(h.seq(), h.canonical()))
                .toList();
        step("step: inclusion proofs of a page's 50 hits, one query for all (after)", samples, () -> {
            CheckpointInclusion.Snapshot c = inclusion.latest().orElseThrow();
            if (inclusion.verifiesAll(c, leaves).contains(false)) {
                throw new IllegalStateException("an entry of the page does not verify");
            }
        });
        step(
                "step: AUDIT_QUERY append alone (one commit)",
                samples,
                () -> log.append(LogEntry.builder(EntryKind.AUDIT_QUERY)
                        .requestingOrganisation("plusteam")
                        .user("3f1c2b9e-7a4d-4e8b-9c1a-2d5e6f7a8b9c")
                        .attributes(Map.of("query", "search"))));
    }

    private static void plan(String name, AuditProbe probe, AuditFilter filter) {
        System.out.println("--- plan: " + name);
        System.out.println(probe.describe("plusteam", filter, 50));
        probe.explain("plusteam", filter, 50).forEach(System.out::println);
        System.out.println("--- end of plan");
    }

    private static AuditFilter filter(
            Optional<OrganisationId> organisation,
            Optional<Purpose> purpose,
            Optional<Instant> from,
            Optional<Instant> to) {
        return new AuditFilter(
                Optional.empty(),
                organisation,
                purpose,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                from,
                to);
    }

    private static void step(String name, int samples, Runnable step) {
        for (int i = 0; i < Math.max(10, samples / 10); i++) {
            step.run();
        }
        long[] nanos = new long[samples];
        for (int i = 0; i < samples; i++) {
            long t0 = System.nanoTime();
            step.run();
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        System.out.printf(
                "%s: %d runs, p50 %.2f ms, p99 %.2f ms%n",
                name, samples, nanos[samples / 2] / 1e6, nanos[(int) (samples * 0.99)] / 1e6);
    }

    private static void time(
            String name, HttpClient http, String base, Tokens tokens, int samples, Supplier<String> body)
            throws Exception {
        String token = tokens.user("hanna.fg");
        int warmup = Math.max(20, samples / 10);
        long[] nanos = new long[samples];
        long hits = 0;
        for (int i = -warmup; i < samples; i++) {
            HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/v1/audit/disclosures/search"))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.get()))
                    .build();
            long t0 = System.nanoTime();
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
            long t = System.nanoTime() - t0;
            if (r.statusCode() != 200) {
                throw new IllegalStateException(name + ": " + r.statusCode() + " " + r.body());
            }
            if (i >= 0) {
                nanos[i] = t;
                hits += r.body().split("\"seq\":", -1).length - 1;
            }
        }
        Arrays.sort(nanos);
        System.out.printf(
                "%s: %d requests, %.1f hits/request, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                name,
                samples,
                hits / (double) samples,
                nanos[samples / 2] / 1e6,
                nanos[(int) (samples * 0.99)] / 1e6,
                nanos[samples - 1] / 1e6);
    }

    /** The i-th BSN of the 9-prefixed test range that passes the 11-check. */
    private static String bsn(int i) {
        for (int n = 900_000_000 + i * 11; ; n++) {
            String s = Integer.toString(n);
            if (Bsn.isValid(s)) {
                return s;
            }
        }
    }
}
