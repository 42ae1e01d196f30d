package nl.deelpoort.gateway.grounds;

import static nl.deelpoort.gateway.grounds.GroundsFixtures.EVALUATE;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.codes;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.decisionCodes;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.fields;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.freshBsn;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.ok;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.strings;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

/** The safety override through the API with real tokens: the MDO scenario, review, rules, access. */
class OverrideIT extends IntegrationTest {

    private static final String OVERRIDES = "/api/v1/overrides";
    private static final String JUSTIFICATION =
            "Acute zorg over de veiligheid van de kinderen na een melding van huiselijk geweld vannacht.";

    @Autowired
    JdbcTemplate jdbc;

    static Map<String, Object> mdoOverride(String bsn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", Map.of("bsn", bsn));
        body.put("purpose", "MDO");
        body.put("recipients", List.of("plusteam"));
        body.put("categories", List.of("BSN", "PERSONALIA", "CASE_NOTES"));
        body.put("riskLevel", "HOOG");
        body.put("justification", JUSTIFICATION);
        body.put("meldcodeStep", 3);
        body.put("durationHours", 24);
        return body;
    }

    static Map<String, Object> mdoQuestion(String bsn, String overrideId) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("subject", Map.of("bsn", bsn));
        q.put("purpose", "MDO");
        q.put("actingRole", "SAFETY_INVESTIGATION");
        q.put("holder", "veilig-thuis");
        q.put("recipient", "plusteam");
        q.put("recipientRole", "CARE_PROVIDER");
        q.put("categories", List.of("BSN", "PERSONALIA", "CASE_NOTES"));
        if (overrideId != null) {
            q.put("overrideId", overrideId);
        }
        return q;
    }

    @Test
    void veiligThuisSharesForAnMdoUnderItsOverrideOnlyWhileItLasts() {
        String fleur = tokens().user("fleur.veiligthuis");
        String bsn = freshBsn();

        JsonNode withoutConsent = ok(api().post(EVALUATE, fleur, Api.json(mdoQuestion(bsn, null))), 200);
        assertThat(withoutConsent.path("decision").asString()).isEqualTo("DENY");
        assertThat(decisionCodes(withoutConsent)).contains("CONSENT_MISSING");

        Instant before = Instant.now();
        Api.Response declared = api().post(OVERRIDES, fleur, Api.json(mdoOverride(bsn)));
        JsonNode override = ok(declared, 201);
        String id = override.path("id").asString();
        assertThat(override.path("reviewStatus").asString()).isEqualTo("PENDING_REVIEW");
        assertThat(override.path("status").asString()).isEqualTo("ACTIVE");
        Instant expiresAt = Instant.parse(override.path("expiresAt").asString());
        assertThat(expiresAt)
                .isBetween(before.plus(Duration.ofHours(24)), Instant.now().plus(Duration.ofHours(24)));
        assertThat(declared.header("X-Disclosure-Id"))
                .isEqualTo(override.path("disclosureId").asString());
        assertThat(declared.body()).doesNotContain(bsn);

        JsonNode permitted = ok(api().post(EVALUATE, fleur, Api.json(mdoQuestion(bsn, id))), 200);
        assertThat(permitted.path("decision").asString()).isEqualTo("PERMIT");
        assertThat(permitted.path("flow").asString()).isEqualTo("F10");
        assertThat(permitted.path("overrideId").asString()).isEqualTo(id);

        JsonNode notInvoked = ok(api().post(EVALUATE, fleur, Api.json(mdoQuestion(bsn, null))), 200);
        assertThat(notInvoked.path("decision").asString())
                .as("an override only counts when invoked")
                .isEqualTo("DENY");

        JsonNode otherSubject = ok(api().post(EVALUATE, fleur, Api.json(mdoQuestion(freshBsn(), id))), 200);
        assertThat(decisionCodes(otherSubject)).contains("OVERRIDE_UNKNOWN");

        JsonNode ended = ok(api().post(OVERRIDES + "/" + id + "/end", fleur, ""), 200);
        assertThat(ended.path("status").asString()).isEqualTo("ENDED");
        assertThat(ended.path("endedAt").isNull()).isFalse();

        JsonNode afterEnd = ok(api().post(EVALUATE, fleur, Api.json(mdoQuestion(bsn, id))), 200);
        assertThat(afterEnd.path("decision").asString()).isEqualTo("DENY");
        assertThat(decisionCodes(afterEnd)).contains("OVERRIDE_EXPIRED");

        assertThat(api().post(OVERRIDES + "/" + id + "/end", fleur, "").status())
                .isEqualTo(409);

        Map<String, Object> entry = jdbc.queryForMap(
                "SELECT kind, override_id, requesting_organisation, canonical FROM log_entry WHERE seq = ?",
                override.path("disclosureId").asLong());
        assertThat(entry.get("kind")).isEqualTo("OVERRIDE_DECLARED");
        assertThat(entry.get("override_id")).isEqualTo(id);
        assertThat(entry.get("requesting_organisation")).isEqualTo("veilig-thuis");
        assertThat(new String((byte[]) entry.get("canonical"), StandardCharsets.UTF_8))
                .doesNotContain(bsn)
                .doesNotContain("huiselijk geweld");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM log_entry WHERE override_id = ? AND kind = 'OVERRIDE_ENDED'",
                        Long.class,
                        id))
                .isEqualTo(1L);
    }

    @Test
    void thePrivacyOfficersOfTheDeclaringOrganisationReviewIt() {
        // No demo privacy officer of Veilig Thuis exists: the PlusTeam declares, its FG (hanna) reviews.
        // The PlusTeam shares with a municipality for a case meeting (F10): an override is declared by
        // the organisation that will share the data.
        Map<String, Object> body = new LinkedHashMap<>(mdoOverride(freshBsn()));
        body.put("recipients", List.of("gemeente-waalre"));
        body.put("categories", List.of("BSN", "CASE_NOTES"));
        String id = ok(api().post(OVERRIDES, tokens().user("anna.plusteam"), Api.json(body)), 201)
                .path("id")
                .asString();
        String hanna = tokens().user("hanna.fg");
        String gert = tokens().user("gert.fg");

        assertThat(ids(ok(api().get(OVERRIDES + "?reviewStatus=PENDING_REVIEW", hanna), 200)))
                .contains(id);
        assertThat(ids(ok(api().get(OVERRIDES + "?reviewStatus=PENDING_REVIEW", gert), 200)))
                .as("another organisation's privacy officer")
                .doesNotContain(id);
        assertThat(api().get(OVERRIDES, tokens().user("anna.plusteam")).status())
                .as("professionals do not review")
                .isEqualTo(403);
        assertThat(api().get(OVERRIDES + "?reviewStatus=MAYBE", hanna).status()).isEqualTo(422);

        String verdict = Api.json(Map.of("verdict", "JUSTIFIED", "note", "Terecht: acuut risico, meldcode gevolgd."));
        assertThat(api().post(OVERRIDES + "/" + id + "/review", gert, verdict).status())
                .isEqualTo(404);
        assertThat(api().post(OVERRIDES + "/" + id + "/review", tokens().user("anna.plusteam"), verdict)
                        .status())
                .isEqualTo(403);
        Api.Response badVerdict =
                api().post(OVERRIDES + "/" + id + "/review", hanna, Api.json(Map.of("verdict", "FINE", "note", "ok")));
        assertThat(badVerdict.status()).isEqualTo(422);
        assertThat(fields(badVerdict.json())).containsExactly("verdict");

        JsonNode reviewed = ok(api().post(OVERRIDES + "/" + id + "/review", hanna, verdict), 200);
        assertThat(reviewed.path("reviewStatus").asString()).isEqualTo("JUSTIFIED");
        assertThat(reviewed.path("review").path("note").asString()).startsWith("Terecht");
        assertThat(api().post(OVERRIDES + "/" + id + "/review", hanna, verdict).status())
                .isEqualTo(409);

        assertThat(ids(ok(api().get(OVERRIDES + "?reviewStatus=PENDING_REVIEW", hanna), 200)))
                .doesNotContain(id);
        assertThat(ids(ok(api().get(OVERRIDES + "?reviewStatus=JUSTIFIED", hanna), 200)))
                .contains(id);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM log_entry WHERE override_id = ? AND kind = 'OVERRIDE_REVIEWED'",
                        Long.class,
                        id))
                .isEqualTo(1L);
    }

    @Test
    void theReviewQueueComesInPagesAndNamesTheDeclarer() {
        Map<String, Object> body = new LinkedHashMap<>(mdoOverride(freshBsn()));
        body.put("recipients", List.of("gemeente-waalre"));
        body.put("categories", List.of("BSN", "CASE_NOTES"));
        String anna = tokens().user("anna.plusteam");
        String older =
                ok(api().post(OVERRIDES, anna, Api.json(body)), 201).path("id").asString();
        body.put("subject", Map.of("bsn", freshBsn()));
        JsonNode newer = ok(api().post(OVERRIDES, anna, Api.json(body)), 201);
        assertThat(newer.path("declaredByName").asString()).isEqualTo("anna.plusteam");
        String hanna = tokens().user("hanna.fg");

        JsonNode first = ok(api().get(OVERRIDES + "?reviewStatus=PENDING_REVIEW&size=1", hanna), 200);
        assertThat(ids(first)).containsExactly(newer.path("id").asString());
        assertThat(first.path("page").asInt()).isZero();
        assertThat(first.path("size").asInt()).isEqualTo(1);
        assertThat(first.path("hasMore").asBoolean())
                .as("a page that stops before the end says so")
                .isTrue();
        JsonNode second = ok(api().get(OVERRIDES + "?reviewStatus=PENDING_REVIEW&size=1&page=1", hanna), 200);
        assertThat(ids(second)).containsExactly(older);
        assertThat(api().get(OVERRIDES + "?size=0", hanna).status()).isEqualTo(422);
        assertThat(api().get(OVERRIDES + "?page=-1", hanna).status()).isEqualTo(422);
    }

    @Test
    void everyBrokenRuleIsNamedWithItsFieldAndPolicyCode() {
        String bsn = freshBsn();
        record Case(String name, Consumer<Map<String, Object>> change, String field, String code) {}
        List<Case> cases = List.of(
                new Case(
                        "BSN fails the 11-check",
                        b -> b.put("subject", Map.of("bsn", "111111111")),
                        "subject.bsn",
                        null),
                new Case(
                        "justification under 40 characters",
                        b -> b.put("justification", "Zorgen over veiligheid."),
                        "justification",
                        "OVERRIDE_JUSTIFICATION_TOO_SHORT"),
                new Case("no risk level", b -> b.remove("riskLevel"), "riskLevel", "OVERRIDE_RISK_LEVEL_INVALID"),
                new Case("risk level LAAG does not exist", b -> b.put("riskLevel", "LAAG"), "riskLevel", null),
                new Case(
                        "longer than 72 hours",
                        b -> b.put("durationHours", 73),
                        "durationHours",
                        "OVERRIDE_DURATION_INVALID"),
                new Case("zero hours", b -> b.put("durationHours", 0), "durationHours", "OVERRIDE_DURATION_INVALID"),
                new Case(
                        "a flow that cannot be overridden",
                        b -> b.put("purpose", "DE_ESCALATION"),
                        "recipients",
                        "OVERRIDE_SCOPE"),
                new Case(
                        "a category the flow does not name",
                        b -> b.put("categories", List.of("BSN", "HEALTH")),
                        "recipients",
                        "OVERRIDE_SCOPE"),
                new Case("meldcode step 7", b -> b.put("meldcodeStep", 7), "meldcodeStep", null),
                new Case("no recipients", b -> b.put("recipients", List.of()), "recipients", null));
        for (Case c : cases) {
            Map<String, Object> body = new LinkedHashMap<>(mdoOverride(bsn));
            c.change().accept(body);
            Api.Response r = api().post(OVERRIDES, tokens().user("fleur.veiligthuis"), Api.json(body));
            assertThat(r.status()).as(c.name() + ": " + r.body()).isEqualTo(422);
            assertThat(fields(r.json())).as(c.name()).contains(c.field());
            if (c.code() != null) {
                assertThat(codes(r.json())).as(c.name()).contains(c.code());
            }
            assertThat(r.body()).as(c.name()).doesNotContain(bsn);
        }
    }

    @Test
    void onlyProfessionalsOfTheNamedKindsDeclare() {
        String body = Api.json(mdoOverride(freshBsn()));
        Api.Response processor = api().post(OVERRIDES, tokens().user("ivo.topicus"), body);
        assertThat(processor.status()).isEqualTo(403);
        assertThat(codes(processor.json())).containsExactly("OVERRIDE_DECLARER_NOT_ALLOWED");
        for (String token :
                List.of(tokens().user("jan.inwoner"), tokens().user("hanna.fg"), tokens().system("veilig-thuis"))) {
            assertThat(api().post(OVERRIDES, token, body).status()).isEqualTo(403);
        }
    }

    @Test
    void onlyTheDeclaringOrganisationEndsItAndOutsidersDoNotSeeIt() {
        String id = ok(
                        api().post(OVERRIDES, tokens().user("fleur.veiligthuis"), Api.json(mdoOverride(freshBsn()))),
                        201)
                .path("id")
                .asString();
        assertThat(api().post(OVERRIDES + "/" + id + "/end", tokens().user("bram.cmd-gm"), "")
                        .status())
                .as("not named by it")
                .isEqualTo(404);
        assertThat(api().post(OVERRIDES + "/" + id + "/end", tokens().user("anna.plusteam"), "")
                        .status())
                .as("a recipient sees it but does not end it")
                .isEqualTo(403);
        assertThat(api().post(OVERRIDES + "/not-an-id/end", tokens().user("fleur.veiligthuis"), "")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void withoutADurationItLastsTheDefaultMaximum() {
        Map<String, Object> body = new LinkedHashMap<>(mdoOverride(freshBsn()));
        body.remove("durationHours");
        Instant before = Instant.now();
        JsonNode o = ok(api().post(OVERRIDES, tokens().user("fleur.veiligthuis"), Api.json(body)), 201);
        assertThat(Instant.parse(o.path("expiresAt").asString()))
                .isBetween(before.plus(Duration.ofHours(72)), Instant.now().plus(Duration.ofHours(72)));
        assertThat(strings(o.path("categories"))).containsExactly("BSN", "PERSONALIA", "CASE_NOTES");
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("overrides").forEach(o -> ids.add(o.path("id").asString()));
        return ids;
    }
}
