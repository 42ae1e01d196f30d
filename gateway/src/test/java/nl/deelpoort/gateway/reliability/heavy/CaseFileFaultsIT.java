package nl.deelpoort.gateway.reliability.heavy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import nl.deelpoort.gateway.support.Api;
import nl.deelpoort.gateway.support.IntegrationTest;
import nl.deelpoort.gateway.support.TestBsns;
import nl.deelpoort.ledger.LogEntryCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The holder's case file system misbehaving under concurrent load ({@value #CLIENTS} clients at
 * once), through the whole gateway: every answer is the promised 502/504 (or 503 "busy" from the
 * bulkhead, or 502 "circuit open") within the timeout budget, never a 2xx, never data; every pull
 * that failed after its DISCLOSURE was logged has its DELIVERY_FAILED entry naming the failure; the
 * circuit opens (no call reaches the holder) and closes after {@code open-for} on a good trial call;
 * the request threads waiting on the holder stay within the bulkhead and are all free again after.
 *
 * <p>PlusTeam's file system is a WireMock server of this test's own, in a Spring context of its own
 * (short timeout, small body limit, short open-for), so the faults and the opened circuit disturb no
 * other test. Figures go to {@code target/reliability/casefile-faults.tsv}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CaseFileFaultsIT extends IntegrationTest {

    static final int CLIENTS = 32;
    static final int MAX_CONNECTIONS = 16;
    static final int FAILURE_THRESHOLD = 5;
    static final Duration READ_TIMEOUT = Duration.ofMillis(1_000);
    static final Duration OPEN_FOR = Duration.ofSeconds(4);
    static final int MAX_BODY = 64 * 1024;
    /** A timeout answered within the read timeout plus this much (a loaded machine, the log commits). */
    static final Duration SLACK = Duration.ofMillis(4_000);

    private static final String QUERY = "/api/plusteam/dossiers/query";
    private static final String DISCLOSURES = "/api/v1/disclosures";
    private static final String GOOD_FILE =
            "{\"holder\":\"plusteam\",\"sections\":{\"CARE_DEPLOYED\":[{\"care\":\"ambulante begeleiding\"}]}}";
    private static final String SECRET = "GEHEIM-DOSSIER";

    private static final WireMockServer HOLDER = startHolder();
    private static final Map<String, String> FIGURES = new TreeMap<>();

    @Autowired
    DataSource dataSource;

    private final List<StubMapping> faults = new ArrayList<>();
    private String token;

    private static WireMockServer startHolder() {
        WireMockServer server = new WireMockServer(options().dynamicPort().containerThreads(CLIENTS * 3));
        server.start();
        return server;
    }

    @DynamicPropertySource
    static void ownHolder(DynamicPropertyRegistry registry) {
        registry.add("deelpoort.casefiles.holders.plusteam.base-url", HOLDER::baseUrl);
        registry.add("deelpoort.casefiles.read-timeout", () -> READ_TIMEOUT.toMillis() + "ms");
        registry.add("deelpoort.casefiles.max-connections", () -> MAX_CONNECTIONS);
        registry.add("deelpoort.casefiles.failure-threshold", () -> FAILURE_THRESHOLD);
        registry.add("deelpoort.casefiles.open-for", () -> OPEN_FOR.toMillis() + "ms");
        registry.add("deelpoort.casefiles.max-response-size", () -> MAX_BODY + "B");
    }

    @BeforeEach
    void healthyHolder() throws Exception {
        HOLDER.stubFor(post(urlPathEqualTo(QUERY))
                .atPriority(10)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(GOOD_FILE)));
        token = tokens().user("bram.cmd-gm");
        awaitClosedCircuit();
    }

    /** Removes the faults, then waits out an open circuit with good answers, as production would. */
    @AfterEach
    void removeFaults() throws Exception {
        faults.forEach(HOLDER::removeStub);
        faults.clear();
        awaitClosedCircuit();
    }

    @AfterAll
    static void stopHolder() throws IOException {
        HOLDER.stop();
        StringBuilder out = new StringBuilder("figure\tvalue\n");
        FIGURES.forEach((k, v) -> out.append(k).append('\t').append(v).append('\n'));
        Path path = Path.of("target", "reliability", "casefile-faults.tsv");
        Files.createDirectories(path.getParent());
        Files.writeString(path, out);
    }

    @Test
    @Order(1)
    void slownessBeyondTheReadTimeoutIs504WithinTheBudgetAndRequestThreadsStayWithinTheBulkhead() throws Exception {
        fault(aResponse().withStatus(200).withFixedDelay(8_000).withBody(GOOD_FILE));
        Wave wave = wave("slow");
        wave.assertOnly(Map.of(504, "TIMEOUT", 503, "BUSY", 502, "CIRCUIT_OPEN"));
        assertThat(wave.count("TIMEOUT")).as("timed out").isGreaterThanOrEqualTo(FAILURE_THRESHOLD);
        assertThat(wave.maxMillis())
                .as("every answer within the read timeout and slack")
                .isLessThan(READ_TIMEOUT.plus(SLACK).toMillis());
        assertThat(wave.threads.peakWaiting)
                .as("request threads waiting on the holder at the peak")
                .isLessThanOrEqualTo(MAX_CONNECTIONS);
        // The bulkhead bounds the calls in flight (above), not their total: a slot freed by a timeout
        // may take a late request before the circuit opens. Every call that reached the holder timed out.
        assertThat((long) HOLDER.getAllServeEvents().size() - wave.holderCallsBefore)
                .as("calls that reached the holder")
                .isLessThanOrEqualTo(wave.count("TIMEOUT"));
        ThreadSample after = awaitThreads(s -> s.waiting == 0 && s.busyExec == 0);
        FIGURES.put("slow: threads after (live/busy exec/waiting on holder)", after.toString());
        wave.assertLogged(dataSource);
    }

    @Test
    @Order(2)
    void errorStatusIs502() throws Exception {
        fault(aResponse().withStatus(500).withBody("{\"message\":\"" + SECRET + "\"}"));
        Wave wave = wave("status 500");
        wave.assertOnly(Map.of(502, "ERROR_STATUS|CIRCUIT_OPEN", 503, "BUSY"));
        assertThat(wave.count("ERROR_STATUS")).isGreaterThanOrEqualTo(FAILURE_THRESHOLD);
        wave.assertLogged(dataSource);
    }

    @Test
    @Order(3)
    void connectionResetIs502() throws Exception {
        transportFault(Fault.CONNECTION_RESET_BY_PEER);
    }

    @Test
    @Order(4)
    void emptyResponseIs502() throws Exception {
        transportFault(Fault.EMPTY_RESPONSE);
    }

    @Test
    @Order(5)
    void malformedResponseChunkIs502() throws Exception {
        transportFault(Fault.MALFORMED_RESPONSE_CHUNK);
    }

    @Test
    @Order(6)
    void randomDataThenCloseIs502() throws Exception {
        transportFault(Fault.RANDOM_DATA_THEN_CLOSE);
    }

    @Test
    @Order(7)
    void malformedJsonIs502() throws Exception {
        fault(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"holder\":\"plusteam\",\"sections\":{\"CARE_DEPLOYED\":[{\"care\":\"" + SECRET));
        Wave wave = wave("malformed JSON");
        wave.assertOnly(Map.of(502, "BAD_ANSWER|CIRCUIT_OPEN", 503, "BUSY"));
        assertThat(wave.count("BAD_ANSWER")).isGreaterThanOrEqualTo(FAILURE_THRESHOLD);
        wave.assertLogged(dataSource);
    }

    @Test
    @Order(8)
    void aBodyOverTheLimitIs502() throws Exception {
        String big = "{\"holder\":\"plusteam\",\"sections\":{\"CARE_DEPLOYED\":[{\"care\":\"" + SECRET
                + "x".repeat(MAX_BODY) + "\"}]}}";
        fault(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(big));
        Wave wave = wave("oversized body");
        wave.assertOnly(Map.of(502, "BAD_ANSWER|CIRCUIT_OPEN", 503, "BUSY"));
        assertThat(wave.count("BAD_ANSWER")).isGreaterThanOrEqualTo(FAILURE_THRESHOLD);
        wave.assertLogged(dataSource);
        // Chunked, without a Content-Length, the limit holds as well (counted while it streams in).
        faults.forEach(HOLDER::removeStub);
        faults.clear();
        awaitClosedCircuit();
        fault(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withChunkedDribbleDelay(4, 200)
                .withBody(big));
        Api.Response r = pull(TestBsns.freshBsn());
        assertThat(r.status()).as(r.body()).isEqualTo(502);
        assertThat(r.json().path("failure").asString()).isEqualTo("BAD_ANSWER");
    }

    @Test
    @Order(9)
    void theCircuitOpensSparesTheHolderAndClosesAfterOpenForOnAGoodTrial() throws Exception {
        fault(aResponse().withStatus(503));
        for (int i = 0; i < FAILURE_THRESHOLD; i++) {
            assertThat(pull(TestBsns.freshBsn()).status()).isEqualTo(502);
        }
        long opened = System.nanoTime();
        int calls = HOLDER.getAllServeEvents().size();
        Wave open = wave("circuit open");
        open.assertOnly(Map.of(502, "CIRCUIT_OPEN"));
        assertThat(HOLDER.getAllServeEvents().size())
                .as("no call reaches the holder while the circuit is open")
                .isEqualTo(calls);
        open.assertLogged(dataSource);
        FIGURES.put("circuit open: p100 answer ms", Long.toString(open.maxMillis()));

        assertThat(System.nanoTime() - opened)
                .as("the wave ran within open-for (else one of its calls was the trial)")
                .isLessThan(OPEN_FOR.toNanos());

        // A healthy holder again; until open-for has passed, the circuit still refuses without a call.
        faults.forEach(HOLDER::removeStub);
        faults.clear();
        Api.Response early = pull(TestBsns.freshBsn());
        boolean stillOpen = System.nanoTime() - opened < OPEN_FOR.toNanos();
        if (stillOpen) {
            assertThat(early.json().path("failure").asString()).isEqualTo("CIRCUIT_OPEN");
            assertThat(HOLDER.getAllServeEvents().size()).isEqualTo(calls);
        }
        Thread.sleep(Math.max(0, (OPEN_FOR.toNanos() - (System.nanoTime() - opened)) / 1_000_000) + 200);
        Api.Response trial = pull(TestBsns.freshBsn());
        assertThat(trial.status()).as("the half-open trial succeeds").isEqualTo(200);
        if (stillOpen) {
            assertThat(HOLDER.getAllServeEvents().size()).as("one trial call").isEqualTo(calls + 1);
        }
        Wave closed = wave("after close");
        closed.assertOnly(Map.of(200, "", 503, "BUSY"));
        assertThat(closed.count("")).as("served again, with data").isGreaterThanOrEqualTo(MAX_CONNECTIONS / 2);
    }

    private void transportFault(Fault fault) throws Exception {
        fault(aResponse().withFault(fault));
        Wave wave = wave(fault.name());
        wave.assertOnly(Map.of(502, "UNREACHABLE|CIRCUIT_OPEN", 503, "BUSY"));
        assertThat(wave.count("UNREACHABLE")).isGreaterThanOrEqualTo(FAILURE_THRESHOLD);
        wave.assertLogged(dataSource);
    }

    private void fault(ResponseDefinitionBuilder response) {
        faults.add(HOLDER.stubFor(post(urlPathEqualTo(QUERY)).atPriority(1).willReturn(response)));
    }

    private Api.Response pull(String bsn) {
        return api().post(DISCLOSURES, token, Api.json(request(bsn)));
    }

    private static Map<String, Object> request(String bsn) {
        return Map.of(
                "subject", Map.of("bsn", bsn),
                "purpose", "ACCOUNTABILITY",
                "actingRole", "MUNICIPAL_ACCESS",
                "holder", "plusteam",
                "categories", List.of("BSN", "CARE_DEPLOYED"));
    }

    /** Good pulls until one is served: after open-for the first is the trial that closes the circuit. */
    private void awaitClosedCircuit() throws InterruptedException {
        long deadline = System.nanoTime() + OPEN_FOR.multipliedBy(5).toNanos();
        while (true) {
            Api.Response r = pull(TestBsns.freshBsn());
            if (r.status() == 200) {
                return;
            }
            assertThat(System.nanoTime())
                    .as("circuit closed again: " + r.body())
                    .isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    /** {@value #CLIENTS} pulls at once, each for its own subject, with the gateway's threads sampled meanwhile. */
    private Wave wave(String name) throws Exception {
        ThreadSample before = ThreadSample.take();
        int holderCalls = HOLDER.getAllServeEvents().size();
        long seqBefore = maxSeq();
        Api api = api();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        ThreadWatch watch = new ThreadWatch();
        Thread watcher = new Thread(watch, "thread-watch");
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Answer>> futures = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                String bsn = TestBsns.freshBsn();
                futures.add(pool.submit(() -> {
                    start.await();
                    long t0 = System.nanoTime();
                    Api.Response r = api.post(DISCLOSURES, token, Api.json(request(bsn)));
                    return new Answer(bsn, r, (System.nanoTime() - t0) / 1_000_000);
                }));
            }
            watcher.start();
            start.countDown();
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> f : futures) {
                answers.add(f.get(60, TimeUnit.SECONDS));
            }
            Wave wave = new Wave(name, answers, watch, before, holderCalls, seqBefore);
            wave.record();
            return wave;
        } finally {
            watch.stop.set(true);
            watcher.join(5_000);
            pool.shutdownNow();
        }
    }

    private long maxSeq() {
        Long seq =
                new JdbcTemplate(dataSource).queryForObject("SELECT coalesce(max(seq), 0) FROM log_entry", Long.class);
        return seq == null ? 0 : seq;
    }

    private static ThreadSample awaitThreads(java.util.function.Predicate<ThreadSample> settled)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        ThreadSample s = ThreadSample.take();
        while (!settled.test(s)) {
            assertThat(System.nanoTime()).as("threads settled: " + s).isLessThan(deadline);
            Thread.sleep(100);
            s = ThreadSample.take();
        }
        return s;
    }

    record Answer(String bsn, Api.Response response, long millis) {

        int status() {
            return response.status();
        }

        /** The problem's {@code failure}, or "" for a success. */
        String failure() {
            return status() == 200 ? "" : response.json().path("failure").asString("");
        }
    }

    /** One wave's answers and what it did to the gateway's threads. */
    static final class Wave {
        final String name;
        final List<Answer> answers;
        final ThreadWatch threads;
        final ThreadSample before;
        final int holderCallsBefore;
        final long seqBefore;

        Wave(String name, List<Answer> answers, ThreadWatch threads, ThreadSample before, int holderCalls, long seq) {
            this.name = name;
            this.answers = answers;
            this.threads = threads;
            this.before = before;
            this.holderCallsBefore = holderCalls;
            this.seqBefore = seq;
        }

        long count(String failure) {
            return answers.stream().filter(a -> a.failure().equals(failure)).count();
        }

        long maxMillis() {
            return answers.stream().mapToLong(Answer::millis).max().orElse(0);
        }

        /**
         * Every answer has one of the statuses given, with a {@code failure} matching the status's
         * pattern; nothing but a 200 carries data, and no answer names the subject or the holder's
         * words.
         */
        void assertOnly(Map<Integer, String> allowed) {
            for (Answer a : answers) {
                String body = a.response.body();
                assertThat(allowed).as("%s: status of %s", name, body).containsKey(a.status());
                assertThat(a.failure()).as("%s: failure of %s", name, body).matches(allowed.get(a.status()));
                assertThat(body).as(name).doesNotContain(SECRET);
                if (a.status() != 200) {
                    assertThat(body).as(name).doesNotContain(a.bsn);
                    assertThat(a.response.contentType()).startsWith("application/problem+json");
                    assertThat(a.response.json().has("data"))
                            .as("%s: data in a failure", name)
                            .isFalse();
                }
                if (a.status() == 503) {
                    assertThat(a.response.header("Retry-After"))
                            .as("%s: busy, retry later", name)
                            .isNotNull();
                }
            }
        }

        /**
         * Every failed pull after its DISCLOSURE entry (it names the disclosure) has a DELIVERY_FAILED
         * entry referring to it with the same failure, released nothing; no other entries of the kind.
         */
        void assertLogged(DataSource dataSource) {
            Map<String, String> failed = new HashMap<>();
            new JdbcTemplate(dataSource)
                            .queryForList(
                                    "SELECT canonical FROM log_entry WHERE kind = 'DELIVERY_FAILED' AND seq > ?",
                                    byte[].class,
                                    seqBefore)
                            .stream()
                            .map(LogEntryCodec::decode)
                            .forEach(e -> {
                                assertThat(e.categoriesReleased()).isEmpty();
                                failed.put(e.referenceId(), e.attributes().get("failure"));
                            });
            Map<String, String> expected = new HashMap<>();
            for (Answer a : answers) {
                if (a.status() == 200) {
                    continue;
                }
                JsonNode problem = a.response.json();
                assertThat(problem.has("disclosureId"))
                        .as("%s: %s", name, a.response.body())
                        .isTrue();
                String disclosure = Long.toString(problem.path("disclosureId").asLong());
                assertThat(a.response.header("X-Disclosure-Id")).isEqualTo(disclosure);
                expected.put(disclosure, problem.path("failure").asString());
            }
            assertThat(failed)
                    .as("%s: DELIVERY_FAILED entries by disclosure", name)
                    .isEqualTo(expected);
            List<String> kinds = new JdbcTemplate(dataSource)
                    .queryForList(
                            "SELECT kind FROM log_entry WHERE seq = ANY (?::bigint[])",
                            String.class,
                            "{" + String.join(",", expected.keySet()) + "}");
            assertThat(kinds)
                    .as("%s: what the failures refer to", name)
                    .hasSize(expected.size())
                    .containsOnly("DISCLOSURE");
        }

        void record() {
            Map<String, Long> byAnswer = answers.stream()
                    .collect(Collectors.groupingBy(
                            a -> a.status() + (a.failure().isEmpty() ? "" : " " + a.failure()),
                            TreeMap::new,
                            Collectors.counting()));
            long[] ms = answers.stream().mapToLong(Answer::millis).sorted().toArray();
            FIGURES.put(name + ": answers", byAnswer.toString());
            FIGURES.put(name + ": p50/max ms", ms[ms.length / 2] + "/" + ms[ms.length - 1]);
            FIGURES.put(
                    name + ": threads before/peak (live, busy exec, waiting on holder)",
                    before + " / " + threads.peakLive + ", " + threads.peakBusyExec + ", " + threads.peakWaiting);
        }
    }

    /** The test JVM's threads: all live ones, Tomcat's request threads in gateway code, and those waiting on the case file client. */
    record ThreadSample(int live, int busyExec, int waiting) {

        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

        static ThreadSample take() {
            int busy = 0;
            int waiting = 0;
            for (ThreadInfo info : THREADS.dumpAllThreads(false, false)) {
                if (info == null || !info.getThreadName().contains("-exec-")) {
                    continue;
                }
                boolean inGateway = false;
                boolean onHolder = false;
                for (StackTraceElement frame : info.getStackTrace()) {
                    inGateway |= frame.getClassName().startsWith("nl.deelpoort.");
                    // Inside the guarded call (a bulkhead slot held), not merely in fetch(): a thread
                    // being refused by the full bulkhead, or recording its outcome, holds no slot.
                    onHolder |= frame.getClassName().endsWith("filesystem.CaseFileClient")
                            && frame.getMethodName().equals("call");
                }
                if (inGateway) {
                    busy++;
                }
                if (onHolder) {
                    waiting++;
                }
            }
            return new ThreadSample(THREADS.getThreadCount(), busy, waiting);
        }

        @Override
        public String toString() {
            return live + ", " + busyExec + ", " + waiting;
        }
    }

    /** Samples the threads every 10 ms until stopped, keeping the peaks. */
    static final class ThreadWatch implements Runnable {
        final AtomicBoolean stop = new AtomicBoolean();
        volatile int peakLive;
        volatile int peakBusyExec;
        volatile int peakWaiting;
        final AtomicInteger samples = new AtomicInteger();

        @Override
        public void run() {
            while (!stop.get()) {
                ThreadSample s = ThreadSample.take();
                peakLive = Math.max(peakLive, s.live());
                peakBusyExec = Math.max(peakBusyExec, s.busyExec());
                peakWaiting = Math.max(peakWaiting, s.waiting());
                samples.incrementAndGet();
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
