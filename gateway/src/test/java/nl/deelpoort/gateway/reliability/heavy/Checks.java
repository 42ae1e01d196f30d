package nl.deelpoort.gateway.reliability.heavy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import nl.deelpoort.gateway.reliability.heavy.Load.Outcome;
import nl.deelpoort.gateway.support.TestServices;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the heavy suites check and count the same way. */
final class Checks {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * Answers that released data but whose log entry cannot be shown: no {@code X-Disclosure-Id}, a body
     * {@code disclosureId} that differs from it, or no entry of the right kind (DISCLOSURE for a pull,
     * TRANSFER for a push) at that seq.
     */
    static List<Outcome> withDataButNoEntry(List<Outcome> outcomes, LogAudit.Result log) {
        return outcomes.stream()
                .filter(Outcome::withData)
                .filter(o -> o.disclosureId() == null
                        || !o.disclosureId().equals(o.bodyDisclosureId())
                        || !(Load.PULL.equals(o.kind()) ? "DISCLOSURE" : "TRANSFER")
                                .equals(log.kinds().get(o.disclosureId())))
                .toList();
    }

    /** Non-2xx answers that are not a 503 problem detail (transport failures, status 0, are not answers). */
    static List<Outcome> notFailedClosed(List<Outcome> outcomes) {
        return outcomes.stream()
                .filter(o -> o.status() != 0 && !o.ok())
                .filter(o -> o.status() != 503 || !o.problem() || o.leaks())
                .toList();
    }

    static long count(List<Outcome> outcomes, Predicate<Outcome> p) {
        return outcomes.stream().filter(p).count();
    }

    static String get(String url, String user) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (user != null) {
            b.header("Authorization", "Bearer " + TestServices.get().tokens().user(user));
        }
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode getJson(String url, String user) {
        return JSON.readTree(get(url, user));
    }

    /** The log's verifier key, as anyone authenticated may fetch it. */
    static String verifierKey(GatewayProcess gateway) {
        return get(gateway.baseUrl() + "/api/v1/log/public-key", "anna.plusteam");
    }

    /** The gateway's own integrity check, run now ({@code GET /api/v1/audit/integrity}, an administrator). */
    static JsonNode integrity(GatewayProcess gateway) {
        return getJson(gateway.baseUrl() + "/api/v1/audit/integrity", "kees.beheer");
    }

    /** The 1-minute load average, to be noted next to every figure (the machine is shared). */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    private Checks() {}
}
