package nl.deelpoort.gateway.grounds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.deelpoort.gateway.support.Api;
import nl.deelpoort.gateway.support.TestBsns;
import nl.deelpoort.policy.Framework;
import tools.jackson.databind.JsonNode;

/**
 * Request bodies and small helpers for the grounds ITs. Every test uses fresh BSNs: all ITs share one
 * database, and a consent recorded here must not change another test's "no consent" scenario.
 */
final class GroundsFixtures {

    static final String EVALUATE = "/api/v1/decisions/evaluate";

    /** A BSN that passes the 11-check and no other test uses (random in the 9-prefixed test range). */
    static String freshBsn() {
        return TestBsns.freshBsn();
    }

    static LocalDate today() {
        return LocalDate.now(Framework.ZONE);
    }

    /** A birth date making the subject {@code years} old today (and not about to have a birthday). */
    static String bornYearsAgo(int years) {
        return today().minusYears(years).minusDays(40).toString();
    }

    static Map<String, Object> subject(String bsn, String birthDate) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("bsn", bsn);
        if (birthDate != null) {
            s.put("birthDate", birthDate);
        }
        return s;
    }

    static Map<String, Object> giver(String role) {
        return Map.of("role", role);
    }

    /** The CMD Waalre escalation consent of docs/domain.md, for a subject and the given givers. */
    static Map<String, Object> escalationConsent(String bsn, String birthDate, List<Map<String, Object>> givers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", subject(bsn, birthDate));
        body.put("givenBy", givers);
        body.put("purposes", List.of("ESCALATION"));
        body.put("recipients", List.of("plusteam"));
        body.put("holders", List.of("gemeente-waalre"));
        body.put("categories", List.of("BSN", "PERSONALIA", "HOUSEHOLD", "CASE_NOTES"));
        body.put("method", "WRITTEN");
        body.put("evidenceReference", "scan-2026-0042");
        return body;
    }

    static Map<String, Object> escalationQuestion(String bsn) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("subject", Map.of("bsn", bsn));
        q.put("purpose", "ESCALATION");
        q.put("actingRole", "MUNICIPAL_ACCESS");
        q.put("holder", "gemeente-waalre");
        q.put("recipient", "plusteam");
        q.put("recipientRole", "ADVISOR");
        q.put("categories", List.of("BSN", "PERSONALIA", "CASE_NOTES"));
        return q;
    }

    static JsonNode ok(Api.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return r.json();
    }

    static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("invalidFields").forEach(f -> fields.add(f.path("field").asString()));
        return fields;
    }

    static List<String> codes(JsonNode node) {
        List<String> codes = new ArrayList<>();
        node.path("reasons").forEach(r -> codes.add(r.path("code").asString()));
        return codes;
    }

    /** Every reason code anywhere in a decision: request-level and per withheld category. */
    static List<String> decisionCodes(JsonNode decision) {
        List<String> codes = new ArrayList<>(codes(decision));
        decision.path("withheld").forEach(w -> codes.addAll(codes(w)));
        return codes;
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }

    private GroundsFixtures() {}
}
