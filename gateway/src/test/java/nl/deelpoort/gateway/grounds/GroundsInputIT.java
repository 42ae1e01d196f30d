package nl.deelpoort.gateway.grounds;

import static nl.deelpoort.gateway.grounds.GroundsFixtures.bornYearsAgo;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.escalationConsent;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.fields;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.freshBsn;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.giver;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.ok;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.today;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import nl.deelpoort.gateway.logstore.SubjectPseudonyms;
import nl.deelpoort.gateway.support.Api;
import nl.deelpoort.gateway.support.IntegrationTest;
import nl.deelpoort.policy.Bsn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * What a grounds body may carry: free text with a BSN is refused before anything is stored or
 * logged, a {@code null} anywhere is named, and no view shows the subject's pseudonym.
 */
class GroundsInputIT extends IntegrationTest {

    private static final String CONSENTS = "/api/v1/consents";
    private static final String OVERRIDES = "/api/v1/overrides";
    private static final String MEASURES = "/api/v1/measures";
    private static final String INVALID = "urn:deelpoort:problem:invalid-request";
    private static final String JUSTIFICATION =
            "Acute zorg over de veiligheid van de kinderen na een melding van huiselijk geweld vannacht.";

    /** The demo resident's BSN as a professional might type it into a text field. */
    private static final List<String> TYPED_BSNS = List.of("999 993 653", "9999.93.653");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SubjectPseudonyms pseudonyms;

    private static Map<String, Object> consent(String bsn) {
        return new LinkedHashMap<>(escalationConsent(bsn, bornYearsAgo(40), List.of(giver("SUBJECT"))));
    }

    private static Map<String, Object> override(String bsn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", Map.of("bsn", bsn));
        body.put("purpose", "MDO");
        body.put("recipients", List.of("plusteam"));
        body.put("categories", List.of("BSN", "CASE_NOTES"));
        body.put("riskLevel", "HOOG");
        body.put("justification", JUSTIFICATION);
        body.put("durationHours", 24);
        return body;
    }

    private static Map<String, Object> measure(String bsn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", Map.of("bsn", bsn, "birthDate", bornYearsAgo(10)));
        body.put("type", "OTS");
        body.put("courtReference", "C/01/412345 / JE RK 26-1234");
        body.put("validUntil", today().plusYears(1).toString());
        return body;
    }

    private static void refusedNaming(Api.Response r, String field, String name) {
        assertThat(r.status()).as(name + ": " + r.body()).isEqualTo(422);
        assertThat(r.contentType()).as(name).startsWith("application/problem+json");
        JsonNode problem = r.json();
        assertThat(problem.path("type").asString()).as(name).isEqualTo(INVALID);
        assertThat(fields(problem)).as(name).contains(field);
    }

    private static void refusedForTheBsn(Api.Response r, String field, String typed) {
        refusedNaming(r, field, field + " with " + typed);
        JsonNode problem = r.json();
        problem.path("invalidFields").forEach(f -> {
            if (f.path("field").asString().equals(field)) {
                assertThat(f.path("problem").asString()).startsWith("must not contain a BSN");
            }
        });
        assertThat(r.body()).doesNotContain(typed).doesNotContain("999993653").doesNotContain("3653");
    }

    @Test
    void aBsnTypedIntoTheFreeTextOfANewGroundIsRefusedAndNothingIsRecorded() {
        String carla = tokens().user("carla.cmd-waalre");
        for (String typed : TYPED_BSNS) {
            String bsn = freshBsn();

            Map<String, Object> evidence = consent(bsn);
            evidence.put("evidenceReference", "scan van pas " + typed);
            refusedForTheBsn(api().post(CONSENTS, carla, Api.json(evidence)), "evidenceReference", typed);

            Map<String, Object> name = consent(bsn);
            name.put("givenBy", List.of(Map.of("role", "SUBJECT", "name", "J. Jansen " + typed)));
            refusedForTheBsn(api().post(CONSENTS, carla, Api.json(name)), "givenBy[0].name", typed);

            Map<String, Object> justification = override(bsn);
            justification.put("justification", JUSTIFICATION + " Betreft " + typed + ".");
            refusedForTheBsn(
                    api().post(OVERRIDES, tokens().user("fleur.veiligthuis"), Api.json(justification)),
                    "justification",
                    typed);

            Map<String, Object> court = measure(bsn);
            court.put("courtReference", "C/01/" + typed);
            refusedForTheBsn(api().post(MEASURES, tokens().user("eva.gi"), Api.json(court)), "courtReference", typed);

            assertThat(pseudonyms.existingPseudonym(Bsn.of(bsn)))
                    .as("nothing was recorded, so the subject left no trace")
                    .isEmpty();
        }
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM consent WHERE evidence_reference LIKE '%3653%'"
                                + " OR array_to_string(given_by_names, ',') LIKE '%3653%'",
                        Long.class))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM safety_override WHERE justification LIKE '%3653%'", Long.class))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM measure WHERE court_reference LIKE '%3653%'", Long.class))
                .isZero();
    }

    @Test
    void aBsnTypedIntoAWithdrawalReasonOrAReviewNoteIsRefusedAndNothingIsWritten() {
        String carla = tokens().user("carla.cmd-waalre");
        String consentId = ok(api().post(CONSENTS, carla, Api.json(consent(freshBsn()))), 201)
                .path("id")
                .asString();
        String overrideId = ok(
                        api().post(
                                        OVERRIDES,
                                        tokens().user("anna.plusteam"),
                                        Api.json(Map.of(
                                                "subject",
                                                Map.of("bsn", freshBsn()),
                                                "purpose",
                                                "MDO",
                                                "recipients",
                                                List.of("gemeente-waalre"),
                                                "categories",
                                                List.of("BSN", "CASE_NOTES"),
                                                "riskLevel",
                                                "MIDDEN",
                                                "justification",
                                                JUSTIFICATION))),
                        201)
                .path("id")
                .asString();
        for (String typed : TYPED_BSNS) {
            refusedForTheBsn(
                    api().post(
                                    CONSENTS + "/" + consentId + "/withdrawal",
                                    carla,
                                    Api.json(Map.of(
                                            "reason",
                                            "Moeder van " + typed + " trekt in",
                                            "withdrawnBy",
                                            Map.of("role", "SUBJECT")))),
                    "reason",
                    typed);
            refusedForTheBsn(
                    api().post(
                                    OVERRIDES + "/" + overrideId + "/review",
                                    tokens().user("hanna.fg"),
                                    Api.json(Map.of("verdict", "JUSTIFIED", "note", "Zie dossier " + typed))),
                    "note",
                    typed);
        }
        assertThat(ok(api().get(CONSENTS + "/" + consentId, carla), 200)
                        .path("status")
                        .asString())
                .isEqualTo("ACTIVE");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM consent_withdrawal WHERE consent_id = ?::uuid", Long.class, consentId))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM override_review WHERE override_id = ?::uuid", Long.class, overrideId))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM log_entry WHERE (consent_id = ? AND kind = 'CONSENT_WITHDRAWN')"
                                + " OR (override_id = ? AND kind = 'OVERRIDE_REVIEWED')",
                        Long.class,
                        consentId,
                        overrideId))
                .isZero();
    }

    @Test
    void aNullAnywhereInAGroundsBodyIsA422NamingTheField() {
        String bsn = freshBsn();
        record Case(String name, String path, String token, Map<String, Object> body, String field) {}
        String carla = tokens().user("carla.cmd-waalre");
        String fleur = tokens().user("fleur.veiligthuis");
        String eva = tokens().user("eva.gi");
        List<Case> cases = List.of(
                new Case(
                        "consent categories [null]",
                        CONSENTS,
                        carla,
                        with(consent(bsn), b -> b.put("categories", nulls())),
                        "categories[0]"),
                new Case(
                        "consent givenBy [null]",
                        CONSENTS,
                        carla,
                        with(consent(bsn), b -> b.put("givenBy", nulls())),
                        "givenBy[0]"),
                new Case(
                        "consent givenBy [{role: null}]",
                        CONSENTS,
                        carla,
                        with(consent(bsn), b -> b.put("givenBy", List.of(nullValued("role")))),
                        "givenBy[0].role"),
                new Case(
                        "consent purposes [null]",
                        CONSENTS,
                        carla,
                        with(consent(bsn), b -> b.put("purposes", nulls())),
                        "purposes[0]"),
                new Case(
                        "consent recipients [null]",
                        CONSENTS,
                        carla,
                        with(consent(bsn), b -> b.put("recipients", nulls())),
                        "recipients[0]"),
                new Case(
                        "consent holders [null]",
                        CONSENTS,
                        carla,
                        with(consent(bsn), b -> b.put("holders", nulls())),
                        "holders[0]"),
                new Case(
                        "consent subject null",
                        CONSENTS,
                        carla,
                        with(consent(bsn), b -> b.put("subject", null)),
                        "subject"),
                new Case(
                        "consent subject.bsn null",
                        CONSENTS,
                        carla,
                        with(consent(bsn), b -> b.put("subject", nullValued("bsn"))),
                        "subject.bsn"),
                new Case(
                        "consent method null",
                        CONSENTS,
                        carla,
                        with(consent(bsn), b -> b.put("method", null)),
                        "method"),
                new Case(
                        "consent categories null",
                        CONSENTS,
                        carla,
                        with(consent(bsn), b -> b.put("categories", null)),
                        "categories"),
                new Case("search subject null", CONSENTS + "/search", carla, nullValued("subject"), "subject"),
                new Case(
                        "override recipients [null]",
                        OVERRIDES,
                        fleur,
                        with(override(bsn), b -> b.put("recipients", nulls())),
                        "recipients[0]"),
                new Case(
                        "override categories [null]",
                        OVERRIDES,
                        fleur,
                        with(override(bsn), b -> b.put("categories", nulls())),
                        "categories[0]"),
                new Case(
                        "override subject null",
                        OVERRIDES,
                        fleur,
                        with(override(bsn), b -> b.put("subject", null)),
                        "subject"),
                new Case(
                        "override purpose null",
                        OVERRIDES,
                        fleur,
                        with(override(bsn), b -> b.put("purpose", null)),
                        "purpose"),
                new Case(
                        "override riskLevel null",
                        OVERRIDES,
                        fleur,
                        with(override(bsn), b -> b.put("riskLevel", null)),
                        "riskLevel"),
                new Case(
                        "override justification null",
                        OVERRIDES,
                        fleur,
                        with(override(bsn), b -> b.put("justification", null)),
                        "justification"),
                new Case(
                        "measure subject null",
                        MEASURES,
                        eva,
                        with(measure(bsn), b -> b.put("subject", null)),
                        "subject"),
                new Case("measure type null", MEASURES, eva, with(measure(bsn), b -> b.put("type", null)), "type"),
                new Case(
                        "measure courtReference null",
                        MEASURES,
                        eva,
                        with(measure(bsn), b -> b.put("courtReference", null)),
                        "courtReference"));
        for (Case c : cases) {
            Api.Response r = api().post(c.path(), c.token(), Api.json(c.body()));
            refusedNaming(r, c.field(), c.name());
            assertThat(r.body()).as(c.name()).doesNotContain(bsn);
        }
        assertThat(pseudonyms.existingPseudonym(Bsn.of(bsn))).isEmpty();

        String consentId = ok(api().post(CONSENTS, carla, Api.json(consent(freshBsn()))), 201)
                .path("id")
                .asString();
        refusedNaming(
                api().post(
                                CONSENTS + "/" + consentId + "/withdrawal",
                                carla,
                                Api.json(with(nullValued("withdrawnBy"), b -> b.put("reason", "wil niet meer")))),
                "withdrawnBy",
                "withdrawnBy null");
        refusedNaming(
                api().post(
                                CONSENTS + "/" + consentId + "/withdrawal",
                                carla,
                                Api.json(with(nullValued("reason"), b -> b.put("withdrawnBy", nullValued("role"))))),
                "withdrawnBy.role",
                "reason and role null");
        refusedNaming(api().post(CONSENTS + "/" + consentId + "/withdrawal", carla, "null"), "", "a null body");
        String overrideId = ok(api().post(OVERRIDES, fleur, Api.json(override(freshBsn()))), 201)
                .path("id")
                .asString();
        // Veilig Thuis has no privacy officer in the demo realm: a null review body is checked
        // before the override is looked up, so any officer gets the 422.
        refusedNaming(
                api().post(
                                OVERRIDES + "/" + overrideId + "/review",
                                tokens().user("hanna.fg"),
                                Api.json(with(nullValued("verdict"), b -> b.put("note", null)))),
                "verdict",
                "review verdict null");
    }

    @Test
    void noGroundsViewCarriesTheSubjectPseudonym() {
        String child = freshBsn();
        String carla = tokens().user("carla.cmd-waalre");
        Map<String, Object> consentBody = new LinkedHashMap<>(
                escalationConsent(child, bornYearsAgo(10), List.of(giver("PARENT_WITH_AUTHORITY"))));
        Api.Response consent = api().post(CONSENTS, carla, Api.json(consentBody));
        String consentId = ok(consent, 201).path("id").asString();
        Map<String, Object> overrideBody = override(child);
        overrideBody.put("recipients", List.of("gemeente-waalre"));
        Api.Response override = api().post(OVERRIDES, tokens().user("anna.plusteam"), Api.json(overrideBody));
        ok(override, 201);
        Api.Response measure = api().post(MEASURES, tokens().user("eva.gi"), Api.json(measure(child)));
        ok(measure, 201);
        String pseudonym = pseudonyms.existingPseudonym(Bsn.of(child)).orElseThrow();

        List<Api.Response> answers = List.of(
                consent,
                override,
                measure,
                api().get(CONSENTS + "/" + consentId, tokens().user("anna.plusteam")),
                api().post(CONSENTS + "/search", carla, Api.json(Map.of("subject", Map.of("bsn", child)))),
                api().get(OVERRIDES, tokens().user("hanna.fg")));
        for (Api.Response answer : answers) {
            assertThat(answer.status()).as(answer.body()).isBetween(200, 201);
            assertThat(answer.body()).doesNotContain(pseudonym).doesNotContain(child);
        }
    }

    private static Map<String, Object> with(Map<String, Object> body, Consumer<Map<String, Object>> change) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        change.accept(copy);
        return copy;
    }

    private static Map<String, Object> nullValued(String key) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(key, null);
        return m;
    }

    private static List<Object> nulls() {
        return Arrays.asList((Object) null);
    }
}
