package nl.deelpoort.gateway.reliability.heavy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import nl.deelpoort.gateway.support.TestBsns;
import nl.deelpoort.gateway.support.TestServices;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pull and push load from {@code clients} threads, each alternating a pull ({@code POST /api/v1/disclosures}:
 * bram of the CMD, F4, BSN and CARE_DEPLOYED from plusteam) and a push ({@code POST /api/v1/transfers}: anna of
 * plusteam to Geldrop-Mierlo, an ASSESSMENT), each on a fresh BSN, against the gateway {@code target} gives
 * at that moment. Every answer is kept as an {@link Outcome}, tagged with the phase the suite was in when
 * the request was sent.
 */
final class Load implements AutoCloseable {

    static final String PULL = "pull";
    static final String PUSH = "push";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * One answer (or transport failure, status 0).
     *
     * @param disclosureId the answer's {@code X-Disclosure-Id}, null if none
     * @param bodyDisclosureId {@code disclosureId} of the body, null if none
     * @param withData a 2xx that released data: a pull's {@code data} with a section, a push's stored transfer
     * @param problem the answer is an {@code application/problem+json} document
     * @param leaks a non-2xx answer whose body has a {@code data} member or the subject's BSN
     */
    record Outcome(
            String phase,
            String target,
            String kind,
            int status,
            Long disclosureId,
            Long bodyDisclosureId,
            boolean withData,
            boolean problem,
            boolean leaks,
            long startNanos,
            long endNanos) {

        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();
    private volatile String phase = "before";
    private final String pullToken;
    private final String pushToken;

    private Load() {
        var tokens = TestServices.get().tokens();
        this.pullToken = tokens.user("bram.cmd-gm");
        this.pushToken = tokens.user("anna.plusteam");
    }

    /** Starts {@code clients} threads; {@code target} names the base URL each request goes to, when it is sent. */
    static Load start(int clients, Supplier<String> target) {
        Load load = new Load();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread t = new Thread(() -> load.run(client, target), "load-" + c);
            t.setDaemon(true);
            load.threads.add(t);
            t.start();
        }
        return load;
    }

    void phase(String phase) {
        this.phase = phase;
    }

    List<Outcome> outcomes() {
        synchronized (outcomes) {
            return List.copyOf(outcomes);
        }
    }

    /** Stops sending and waits for the answers in flight. */
    @Override
    public void close() {
        running.set(false);
        for (Thread t : threads) {
            try {
                t.join(Duration.ofSeconds(60).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run(int client, Supplier<String> target) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        boolean pull = client % 2 == 0;
        while (running.get()) {
            String base = target.get();
            String bsn = TestBsns.freshBsn();
            String sentIn = phase;
            long start = System.nanoTime();
            HttpRequest request = pull ? pull(base, bsn) : push(base, bsn);
            Outcome o;
            try {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                o = outcome(sentIn, base, pull ? PULL : PUSH, bsn, r, start);
            } catch (IOException e) {
                o = new Outcome(
                        sentIn, base, pull ? PULL : PUSH, 0, null, null, false, false, false, start, System.nanoTime());
                GatewayProcess.sleep(50); // refused connections come back at once; do not spin
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            outcomes.add(o);
            pull = !pull;
        }
    }

    private static Outcome outcome(
            String phase, String base, String kind, String bsn, HttpResponse<String> r, long start) {
        long end = System.nanoTime();
        int status = r.statusCode();
        Long header =
                r.headers().firstValue("X-Disclosure-Id").map(Long::valueOf).orElse(null);
        String contentType = r.headers().firstValue("Content-Type").orElse("");
        JsonNode body = null;
        try {
            body = r.body().isEmpty() ? null : JSON.readTree(r.body());
        } catch (RuntimeException notJson) {
            // kept as null: counted below by what the text holds
        }
        Long bodyId = body != null && body.path("disclosureId").isIntegralNumber()
                ? body.path("disclosureId").asLong()
                : null;
        boolean ok = status >= 200 && status < 300;
        boolean withData = ok
                && body != null
                && (PULL.equals(kind)
                        ? body.path("data").isObject() && !body.path("data").isEmpty()
                        : body.path("transferId").isString());
        boolean leaks = !ok && (r.body().contains(bsn) || (body != null && body.has("data")));
        return new Outcome(
                phase,
                base,
                kind,
                status,
                header,
                bodyId,
                withData,
                contentType.startsWith("application/problem+json"),
                leaks,
                start,
                end);
    }

    private HttpRequest pull(String base, String bsn) {
        return post(
                base + "/api/v1/disclosures",
                pullToken,
                "{\"subject\":{\"bsn\":\"" + bsn
                        + "\"},\"purpose\":\"ACCOUNTABILITY\",\"actingRole\":\"MUNICIPAL_ACCESS\","
                        + "\"holder\":\"plusteam\",\"categories\":[\"BSN\",\"CARE_DEPLOYED\"]}");
    }

    private HttpRequest push(String base, String bsn) {
        return post(
                base + "/api/v1/transfers",
                pushToken,
                "{\"subject\":{\"bsn\":\"" + bsn
                        + "\"},\"purpose\":\"PROVISION_APPLICATION\",\"actingRole\":\"ADVISOR\","
                        + "\"recipient\":\"gemeente-geldrop-mierlo\",\"recipientRole\":\"MUNICIPAL_ACCESS\","
                        + "\"payload\":{\"ASSESSMENT\":{\"risk\":\"laag\"}}}");
    }

    private static HttpRequest post(String url, String token, String body) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(45))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}
