package nl.deelpoort.gateway.audit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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

/** Real disclosures for the report and resident ITs, made through the exchange API. */
public final class ReportFixtures {

    public static final String JAN = "999993653";

    /** A BSN passing the 11-check that no other test uses (all ITs share one database). */
    public static String freshBsn() {
        return TestBsns.freshBsn();
    }

    /** The plusteam pushes {@code sections} (category → content) to a recipient; returns the disclosure id. */
    public static long push(
            Api api,
            String token,
            String bsn,
            String purpose,
            String actingRole,
            String recipient,
            String recipientRole,
            int expectedStatus,
            Map<String, Object> sections) {
        Map<String, Object> payload = new LinkedHashMap<>(sections);
        payload.put("BSN", bsn);
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("subject", Map.of("bsn", bsn));
        q.put("purpose", purpose);
        q.put("actingRole", actingRole);
        q.put("recipient", recipient);
        q.put("recipientRole", recipientRole);
        q.put("payload", payload);
        Api.Response r = api.post("/api/v1/transfers", token, Api.json(q));
        assertThat(r.status()).as(r.body()).isEqualTo(expectedStatus);
        return Long.parseLong(r.header("X-Disclosure-Id"));
    }

    /** An advice (F3) from the plusteam to Geldrop-Mierlo: not confidential. */
    public static JsonNode pushAdvice(Api api, String plusteamToken, String bsn) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("subject", Map.of("bsn", bsn));
        q.put("purpose", "PROVISION_APPLICATION");
        q.put("actingRole", "ADVISOR");
        q.put("recipient", "gemeente-geldrop-mierlo");
        q.put("recipientRole", "MUNICIPAL_ACCESS");
        q.put(
                "payload",
                Map.of(
                        "BSN", bsn,
                        "PERSONALIA", Map.of("givenNames", "Sam", "surname", "de Vries"),
                        "SUPPORT_PLAN", Map.of("advice", "Gezinscoach, drie maanden.")));
        Api.Response r = api.post("/api/v1/transfers", plusteamToken, Api.json(q));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    /** A report (F5) from the plusteam to Veilig Thuis: confidential. */
    public static long reportToVeiligThuis(Api api, String plusteamToken, String bsn) {
        return push(
                api,
                plusteamToken,
                bsn,
                "SAFETY_REPORT",
                "CARE_PROVIDER",
                "veilig-thuis",
                "SAFETY_INVESTIGATION",
                201,
                Map.of(
                        "SAFETY", Map.of("signal", "zorgen over veiligheid"),
                        "CASE_NOTES", List.of(Map.of("note", "melding na huisbezoek"))));
    }

    public static LogEntry entry(DataSource dataSource, long seq) {
        return LogEntryCodec.decode(new JdbcTemplate(dataSource)
                .queryForObject("SELECT canonical FROM log_entry WHERE seq = ?", byte[].class, seq));
    }

    public static int pseudonymCount(DataSource dataSource) {
        return new JdbcTemplate(dataSource).queryForObject("SELECT count(*) FROM subject_secret", Integer.class);
    }

    /** A POST whose answer is read as bytes (the shared {@link Api} reads text, which would mangle a PDF). */
    public static HttpResponse<byte[]> postForBytes(int port, String path, String token, String body) {
        try {
            return HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                    .timeout(Duration.ofSeconds(30))
                                    .header("Authorization", "Bearer " + token)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private ReportFixtures() {}
}
