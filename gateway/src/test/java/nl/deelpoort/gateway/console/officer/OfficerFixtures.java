package nl.deelpoort.gateway.console.officer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.deelpoort.gateway.support.Api;
import nl.deelpoort.gateway.support.TestBsns;
import nl.deelpoort.keycloak.Tokens;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * What the officer's pages are tested on, set up through the JSON API as the professional bram.cmd-gm
 * of gemeente-geldrop-mierlo: for a fresh subject, a case meeting (MDO, flow F10) with the GI that is
 * refused for want of consent, a safety override bram declares for it, the same question permitted
 * under the override, and one more refusal. The PlusTeam takes no part, so its officer (hanna.fg) may
 * see none of it.
 */
final class OfficerFixtures {

    static final String PROFESSIONAL = "bram.cmd-gm";
    static final String OFFICER = "gert.fg";
    static final String OTHER_OFFICER = "hanna.fg";
    static final String JUSTIFICATION =
            "Acute zorg om de veiligheid van de kinderen na een melding van huiselijk geweld vannacht.";

    /**
     * @param seqs the log entries of the scenario, oldest first: refused, override declared, permitted, refused
     * @param reference the subject's pseudonym, as the log and the sample show it
     */
    record Scenario(String bsn, String overrideId, List<Long> seqs, String reference) {
        long overrideSeq() {
            return seqs.get(1);
        }
    }

    static Scenario geldropMierloCaseMeeting(Api api, Tokens tokens, JdbcTemplate jdbc) {
        String bram = tokens.user(PROFESSIONAL);
        String bsn = TestBsns.freshBsn();
        long refused = evaluate(api, bram, bsn, null, "DENY");
        JsonNode override = ok(api.post("/api/v1/overrides", bram, Api.json(override(bsn))), 201);
        String overrideId = override.path("id").asString();
        long declared = override.path("disclosureId").asLong();
        long permitted = evaluate(api, bram, bsn, overrideId, "PERMIT");
        long refusedAgain = evaluate(api, bram, bsn, null, "DENY");
        String reference =
                jdbc.queryForObject("SELECT subject_pseudonym FROM log_entry WHERE seq = ?", String.class, declared);
        return new Scenario(bsn, overrideId, List.of(refused, declared, permitted, refusedAgain), reference);
    }

    private static long evaluate(Api api, String token, String bsn, String overrideId, String decision) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("subject", Map.of("bsn", bsn));
        q.put("purpose", "MDO");
        q.put("actingRole", "MUNICIPAL_ACCESS");
        q.put("holder", "gemeente-geldrop-mierlo");
        q.put("recipient", "gi-intervence");
        q.put("recipientRole", "CHILD_PROTECTION");
        q.put("categories", List.of("BSN", "PERSONALIA", "CASE_NOTES"));
        if (overrideId != null) {
            q.put("overrideId", overrideId);
        }
        JsonNode answer = ok(api.post("/api/v1/decisions/evaluate", token, Api.json(q)), 200);
        assertThat(answer.path("decision").asString()).isEqualTo(decision);
        return answer.path("disclosureId").asLong();
    }

    private static Map<String, Object> override(String bsn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", Map.of("bsn", bsn));
        body.put("purpose", "MDO");
        body.put("recipients", List.of("gi-intervence"));
        body.put("categories", List.of("BSN", "PERSONALIA", "CASE_NOTES"));
        body.put("riskLevel", "HOOG");
        body.put("justification", JUSTIFICATION);
        body.put("meldcodeStep", 2);
        body.put("durationHours", 24);
        return body;
    }

    private static JsonNode ok(Api.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return r.json();
    }

    private OfficerFixtures() {}
}
