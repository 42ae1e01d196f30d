package nl.deelpoort.gateway.grounds;

import static nl.deelpoort.gateway.grounds.GroundsFixtures.EVALUATE;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.bornYearsAgo;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.decisionCodes;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.fields;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.freshBsn;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.ok;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.subject;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.today;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import nl.deelpoort.gateway.support.Api;
import nl.deelpoort.gateway.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Child-protection measures through the API: the GI scenario (F8), rules and access. */
class MeasureIT extends IntegrationTest {

    private static final String MEASURES = "/api/v1/measures";

    @Autowired
    JdbcTemplate jdbc;

    static Map<String, Object> ots(String bsn, String birthDate) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", subject(bsn, birthDate));
        body.put("type", "OTS");
        body.put("courtReference", "C/01/412345 / JE RK 26-1234");
        body.put("validFrom", today().toString());
        body.put("validUntil", today().plusYears(1).toString());
        return body;
    }

    /** The GI asks the municipality for what only F8 (under a measure) releases: CONTACT and SAFETY. */
    static Map<String, Object> tandemQuestion(String bsn) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("subject", Map.of("bsn", bsn));
        q.put("purpose", "CHILD_PROTECTION");
        q.put("actingRole", "CHILD_PROTECTION");
        q.put("holder", "gemeente-waalre");
        q.put("recipient", "gi-intervence");
        q.put("categories", List.of("BSN", "CONTACT", "SAFETY"));
        return q;
    }

    @Test
    void theGiIsRefusedWithoutAMeasureAndPermittedUnderItsOts() {
        String eva = tokens().user("eva.gi");
        String child = freshBsn();

        JsonNode without = ok(api().post(EVALUATE, eva, Api.json(tandemQuestion(child))), 200);
        assertThat(without.path("decision").asString()).isEqualTo("DENY");
        assertThat(decisionCodes(without)).contains("MEASURE_MISSING");

        Api.Response registered = api().post(MEASURES, eva, Api.json(ots(child, bornYearsAgo(10))));
        JsonNode measure = ok(registered, 201);
        String id = measure.path("id").asString();
        assertThat(measure.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(registered.header("X-Disclosure-Id"))
                .isEqualTo(measure.path("disclosureId").asString());
        assertThat(registered.body()).doesNotContain(child);

        JsonNode permitted = ok(api().post(EVALUATE, eva, Api.json(tandemQuestion(child))), 200);
        assertThat(permitted.path("decision").asString()).isEqualTo("PERMIT");
        assertThat(permitted.path("flow").asString()).isEqualTo("F8");
        assertThat(permitted.path("measureId").asString()).isEqualTo(id);

        JsonNode ended = ok(api().post(MEASURES + "/" + id + "/end", eva, ""), 200);
        assertThat(ended.path("status").asString()).isEqualTo("ENDED");
        JsonNode afterEnd = ok(api().post(EVALUATE, eva, Api.json(tandemQuestion(child))), 200);
        assertThat(afterEnd.path("decision").asString()).isEqualTo("DENY");
        assertThat(decisionCodes(afterEnd)).contains("MEASURE_MISSING");
        assertThat(api().post(MEASURES + "/" + id + "/end", eva, "").status()).isEqualTo(409);

        List<String> kinds = jdbc.queryForList(
                "SELECT kind FROM log_entry WHERE measure_id = ? AND kind LIKE 'MEASURE_%' ORDER BY seq",
                String.class, id);
        assertThat(kinds).containsExactly("MEASURE_REGISTERED", "MEASURE_ENDED");
    }

    @Test
    void everyBrokenRuleIsNamedWithItsField() {
        String bsn = freshBsn();
        record Case(String name, Consumer<Map<String, Object>> change, String field) {}
        List<Case> cases = List.of(
                new Case("an adult", b -> b.put("subject", subject(bsn, bornYearsAgo(19))), "subject.birthDate"),
                new Case("no birth date", b -> b.put("subject", subject(bsn, null)), "subject.birthDate"),
                new Case(
                        "born tomorrow",
                        b -> b.put("subject", subject(bsn, today().plusDays(1).toString())),
                        "subject.birthDate"),
                new Case(
                        "BSN fails the 11-check",
                        b -> b.put("subject", subject("999999999", bornYearsAgo(10))),
                        "subject.bsn"),
                new Case(
                        "an OTS beyond the 18th birthday",
                        b -> b.put("subject", subject(bsn, bornYearsAgo(17))),
                        "validUntil"),
                new Case(
                        "ends before it starts",
                        b -> b.put("validUntil", today().minusDays(1).toString()),
                        "validUntil"),
                new Case("no end", b -> b.remove("validUntil"), "validUntil"),
                new Case("unknown type", b -> b.put("type", "HUISARREST"), "type"),
                new Case("no court reference", b -> b.remove("courtReference"), "courtReference"));
        for (Case c : cases) {
            Map<String, Object> body = new LinkedHashMap<>(ots(bsn, bornYearsAgo(10)));
            c.change().accept(body);
            Api.Response r = api().post(MEASURES, tokens().user("eva.gi"), Api.json(body));
            assertThat(r.status()).as(c.name() + ": " + r.body()).isEqualTo(422);
            assertThat(fields(r.json())).as(c.name()).contains(c.field());
            assertThat(r.body()).as(c.name()).doesNotContain(bsn);
        }
    }

    @Test
    void juvenileProbationMayRunPastMajority() {
        Map<String, Object> body = ots(freshBsn(), bornYearsAgo(17));
        body.put("type", "JEUGDRECLASSERING");
        assertThat(api().post(MEASURES, tokens().user("eva.gi"), Api.json(body)).status())
                .isEqualTo(201);
    }

    @Test
    void onlyGiProfessionalsRegisterAndOnlyTheirGiEndsIt() {
        String body = Api.json(ots(freshBsn(), bornYearsAgo(10)));
        for (String token : List.of(
                tokens().user("carla.cmd-waalre"),
                tokens().user("anna.plusteam"),
                tokens().user("jan.inwoner"),
                tokens().system("gi-intervence"))) {
            Api.Response r = api().post(MEASURES, token, body);
            assertThat(r.status()).as(r.body()).isEqualTo(403);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
        String id = ok(api().post(MEASURES, tokens().user("eva.gi"), body), 201)
                .path("id")
                .asString();
        assertThat(api().post(MEASURES + "/" + id + "/end", tokens().user("carla.cmd-waalre"), "")
                        .status())
                .isEqualTo(404);
    }
}
