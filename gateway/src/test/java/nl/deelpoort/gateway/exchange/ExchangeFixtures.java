package nl.deelpoort.gateway.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import nl.deelpoort.gateway.support.Api;
import nl.deelpoort.gateway.support.TestBsns;
import nl.deelpoort.ledger.LogEntry;
import nl.deelpoort.ledger.LogEntryCodec;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Bodies and helpers for the exchange ITs. Tests that need a subject nobody else touches use a fresh
 * BSN: all ITs share one database and one stub, and WireMock verifications count by BSN.
 */
final class ExchangeFixtures {

    static final String DISCLOSURES = "/api/v1/disclosures";
    static final String TRANSFERS = "/api/v1/transfers";
    static final String INBOX = "/api/v1/transfers/inbox";
    static final String STUB_PLUSTEAM = "/api/plusteam/dossiers/query";

    /** A BSN passing the 11-check in the 9-prefixed test range that no other test uses. */
    static String freshBsn() {
        return TestBsns.freshBsn();
    }

    static Map<String, Object> pull(
            String bsn, String purpose, String actingRole, String holder, String... categories) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("subject", Map.of("bsn", bsn));
        q.put("purpose", purpose);
        q.put("actingRole", actingRole);
        q.put("holder", holder);
        q.put("categories", List.of(categories));
        return q;
    }

    static Map<String, Object> push(
            String bsn,
            String purpose,
            String actingRole,
            String recipient,
            String recipientRole,
            Map<String, Object> payload) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("subject", Map.of("bsn", bsn));
        q.put("purpose", purpose);
        q.put("actingRole", actingRole);
        q.put("recipient", recipient);
        q.put("recipientRole", recipientRole);
        q.put("payload", payload);
        return q;
    }

    static JsonNode ok(Api.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return r.json();
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    static List<String> names(JsonNode object) {
        return new ArrayList<>(object.propertyNames());
    }

    static List<String> codes(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.path("reasons").forEach(r -> out.add(r.path("code").asString()));
        return out;
    }

    /** The committed log entry {@code seq}, decoded from its canonical bytes. */
    static LogEntry entry(DataSource dataSource, long seq) {
        byte[] canonical = new JdbcTemplate(dataSource)
                .queryForObject("SELECT canonical FROM log_entry WHERE seq = ?", byte[].class, seq);
        return LogEntryCodec.decode(canonical);
    }

    /** The latest entries of a kind, newest first. */
    static List<LogEntry> latest(DataSource dataSource, String kind, int n) {
        return new JdbcTemplate(dataSource)
                        .queryForList(
                                "SELECT canonical FROM log_entry WHERE kind = ? ORDER BY seq DESC LIMIT ?",
                                byte[].class,
                                kind,
                                n)
                        .stream()
                        .map(LogEntryCodec::decode)
                        .toList();
    }

    static int transferCount(DataSource dataSource) {
        Integer n = new JdbcTemplate(dataSource).queryForObject("SELECT count(*) FROM transfer", Integer.class);
        return n == null ? 0 : n;
    }

    /** A request with headers of the test's choosing, which {@link Api} does not offer. */
    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpRequest.Builder post(int port, String path, String token) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json");
    }

    private ExchangeFixtures() {}
}
