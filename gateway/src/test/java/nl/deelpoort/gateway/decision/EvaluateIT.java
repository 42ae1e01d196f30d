package nl.deelpoort.gateway.decision;

import static nl.deelpoort.gateway.support.TestBsns.freshBsn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.deelpoort.gateway.support.Api;
import nl.deelpoort.gateway.support.IntegrationTest;
import nl.deelpoort.gateway.support.SecuredMockMvc;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;

/** "May I share this?" through the API with real tokens: roles, sides, reasons, bad input. */
class EvaluateIT extends IntegrationTest {

    private static final String EVALUATE = "/api/v1/decisions/evaluate";

    @Autowired
    WebApplicationContext context;

    @Test
    void plusTeamAsCareProviderMayAccountButSupportPlanIsWithheld() {
        JsonNode d = evaluate(
                "anna.plusteam",
                Map.of(
                        "purpose",
                        "ACCOUNTABILITY",
                        "actingRole",
                        "CARE_PROVIDER",
                        "holder",
                        "plusteam",
                        "recipient",
                        "gemeente-geldrop-mierlo",
                        "recipientRole",
                        "MUNICIPAL_ACCESS",
                        "categories",
                        List.of("BSN", "CARE_DEPLOYED", "SUPPORT_PLAN")),
                200);
        assertThat(d.path("decision").asString()).isEqualTo("PARTIAL");
        assertThat(strings(d.path("released"))).containsExactly("BSN", "CARE_DEPLOYED");
        assertThat(d.path("withheld").get(0).path("category").asString()).isEqualTo("SUPPORT_PLAN");
        JsonNode reason = d.path("withheld").get(0).path("reasons").get(0);
        assertThat(reason.path("code").asString()).isEqualTo("CATEGORY_NOT_IN_FLOW");
        assertThat(reason.path("message_nl").asString()).isNotBlank();
        assertThat(reason.path("message_en").asString()).isNotBlank();
        assertThat(d.path("flow").asString()).isEqualTo("F4");
        assertThat(d.path("legalBasis").asString()).isEqualTo("LEGAL_OBLIGATION");
        assertThat(d.path("policyVersion").asString()).startsWith("sha256:");
        List<String> refs = new ArrayList<>();
        d.path("sources").forEach(q -> refs.add(q.path("ref").asString()));
        assertThat(refs).as("the sentences F4 rests on").containsExactly("000:L168", "000:L584");
        assertThat(d.path("sources").get(0).propertyNames()).containsExactlyInAnyOrder("ref", "text");
        assertThat(d.path("sources").get(0).path("text").asString())
                .isEqualTo("Het delen van beperkte persoonsgegevens (o.a. BSN) ten behoeve van de verantwoording"
                        + " is toegestaan, ook vanuit de rol van het PlusTeam als zorgaanbieder.");
    }

    @Test
    void plusTeamAsAdviserMayNotAccount() {
        JsonNode d = evaluate(
                "anna.plusteam",
                Map.of(
                        "purpose",
                        "ACCOUNTABILITY",
                        "actingRole",
                        "ADVISOR",
                        "holder",
                        "plusteam",
                        "recipient",
                        "gemeente-geldrop-mierlo",
                        "recipientRole",
                        "MUNICIPAL_ACCESS",
                        "categories",
                        List.of("BSN", "CARE_DEPLOYED")),
                200);
        assertThat(d.path("decision").asString()).isEqualTo("DENY");
        assertThat(strings(d.path("released"))).isEmpty();
        assertThat(d.path("reasons").size()).isPositive();
    }

    @Test
    void municipalityAsRecipientGetsTheHolderRoleFromTheFlow() {
        JsonNode d = evaluate(
                "bram.cmd-gm",
                Map.of(
                        "purpose",
                        "ACCOUNTABILITY",
                        "actingRole",
                        "MUNICIPAL_ACCESS",
                        "holder",
                        "plusteam",
                        "recipient",
                        "gemeente-geldrop-mierlo",
                        "categories",
                        List.of("BSN", "CARE_DEPLOYED")),
                200);
        assertThat(d.path("decision").asString()).isEqualTo("PERMIT");
        assertThat(d.path("flow").asString()).isEqualTo("F4");
    }

    @Test
    void consentFlowWithASubjectAndNoConsentIsRefusedWithReason() {
        Api.Response r = evaluated(
                "carla.cmd-waalre",
                Map.of(
                        "subject",
                        Map.of("bsn", "999990019"),
                        "purpose",
                        "ESCALATION",
                        "actingRole",
                        "MUNICIPAL_ACCESS",
                        "holder",
                        "gemeente-waalre",
                        "recipient",
                        "plusteam",
                        "recipientRole",
                        "ADVISOR",
                        "categories",
                        List.of("BSN", "CASE_NOTES")));
        JsonNode d = r.json();
        assertThat(d.path("decision").asString()).isEqualTo("DENY");
        assertThat(d.toString()).contains("CONSENT_MISSING").doesNotContain("999990019");
        assertThat(d.path("disclosureId").isNumber())
                .as("a question about a person is logged")
                .isTrue();
        assertThat(r.header("X-Disclosure-Id")).isEqualTo(d.path("disclosureId").asString());
    }

    @Test
    void generalQuestionNamesTheGroundsNeeded() {
        Api.Response r = evaluated(
                "carla.cmd-waalre",
                Map.of(
                        "purpose",
                        "ESCALATION",
                        "actingRole",
                        "MUNICIPAL_ACCESS",
                        "holder",
                        "gemeente-waalre",
                        "recipient",
                        "plusteam",
                        "recipientRole",
                        "ADVISOR",
                        "categories",
                        List.of("BSN", "HEALTH")));
        JsonNode d = r.json();
        assertThat(d.path("decision").asString()).isEqualTo("PARTIAL");
        assertThat(d.path("conditions").toString()).contains("CONSENT");
        assertThat(d.path("disclosureId").isNull())
                .as("a general question concerns nobody")
                .isTrue();
        assertThat(r.header("X-Disclosure-Id")).as("nothing was logged").isNull();
    }

    @Test
    void actingRoleTheOrganisationDoesNotHoldIs403WithReason() {
        Api.Response r = api().post(
                        EVALUATE,
                        tokens().user("carla.cmd-waalre"),
                        Api.json(Map.of(
                                "purpose",
                                "ESCALATION",
                                "actingRole",
                                "ADVISOR",
                                "holder",
                                "gemeente-waalre",
                                "recipient",
                                "plusteam",
                                "recipientRole",
                                "ADVISOR",
                                "categories",
                                List.of("BSN"))));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().path("type").asString()).isEqualTo("urn:deelpoort:problem:role-not-held");
        assertThat(r.json().path("reasons").get(0).path("code").asString()).isEqualTo("ROLE_NOT_HELD");
    }

    @Test
    void anOrganisationOutsideTheExchangeIs403() {
        Api.Response r = api().post(
                        EVALUATE,
                        tokens().user("carla.cmd-waalre"),
                        Api.json(Map.of(
                                "purpose",
                                "ACCOUNTABILITY",
                                "actingRole",
                                "MUNICIPAL_ACCESS",
                                "holder",
                                "plusteam",
                                "recipient",
                                "gemeente-geldrop-mierlo",
                                "categories",
                                List.of("BSN"))));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().path("type").asString()).isEqualTo("urn:deelpoort:problem:not-a-party");
    }

    @Test
    void privacyOfficersAndResidentsDoNotShare() {
        String body = Api.json(Map.of(
                "purpose",
                "ACCOUNTABILITY",
                "actingRole",
                "MUNICIPAL_ACCESS",
                "holder",
                "plusteam",
                "recipient",
                "gemeente-geldrop-mierlo",
                "categories",
                List.of("BSN")));
        for (String user : List.of("gert.fg", "jan.inwoner", "kees.beheer")) {
            Api.Response r = api().post(EVALUATE, tokens().user(user), body);
            assertThat(r.status()).as(user).isEqualTo(403);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void garbageJsonIs400Problem() {
        Api.Response r = api().post(EVALUATE, tokens().user("anna.plusteam"), "{\"purpose\": [oops");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("type").asString()).isEqualTo("urn:deelpoort:problem:malformed-request");
    }

    @Test
    void wrongShapeNamesTheField() {
        Api.Response r = api().post(EVALUATE, tokens().user("anna.plusteam"), "{\"categories\": {\"a\": 1}}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("detail").asString()).contains("categories");
    }

    @Test
    void everyBrokenFieldIsNamedWithItsRule() {
        Api.Response r = api().post(
                        EVALUATE,
                        tokens().user("anna.plusteam"),
                        Api.json(Map.of(
                                "subject",
                                Map.of("bsn", "123456789"),
                                "purpose",
                                "GOSSIP",
                                "actingRole",
                                "CARE_PROVIDER",
                                "holder",
                                "plusteam",
                                "recipient",
                                "nobody",
                                "categories",
                                List.of("BSN", "SHOE_SIZE"))));
        assertThat(r.status()).isEqualTo(422);
        List<String> fields = new ArrayList<>();
        r.json().path("invalidFields").forEach(f -> fields.add(f.path("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("subject.bsn", "purpose", "recipient", "categories[1]");
        assertThat(r.body()).doesNotContain("123456789");
    }

    @Test
    void professionalWithoutOrganisationIs403() throws Exception {
        var mvc = SecuredMockMvc.of(context);
        mvc.perform(post(EVALUATE)
                        .with(jwt().jwt(j -> j.subject("no-org-user")
                                        .claim("realm_access", Map.of("roles", List.of("professional"))))
                                .authorities(new SimpleGrantedAuthority("ROLE_professional")))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(Api.json(Map.of(
                                "purpose",
                                "ACCOUNTABILITY",
                                "actingRole",
                                "MUNICIPAL_ACCESS",
                                "holder",
                                "plusteam",
                                "recipient",
                                "gemeente-geldrop-mierlo",
                                "categories",
                                List.of("BSN")))))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:deelpoort:problem:organisation-required"));
    }

    // ---- refusals name only the grounds the caller's organisation may know of ----

    @Test
    void aConsentPorthosRecordedForItsOwnExchangeIsNotNamedToWaalreOrThePlusTeam() {
        String bsn = freshBsn();
        // Porthos shares its own data with Veilig Thuis for an MDO (F10), on the resident's consent.
        Map<String, Object> consent = new LinkedHashMap<>();
        consent.put(
                "subject",
                Map.of("bsn", bsn, "birthDate", LocalDate.now().minusYears(40).toString()));
        consent.put("givenBy", List.of(Map.of("role", "SUBJECT")));
        consent.put("purposes", List.of("MDO"));
        consent.put("recipients", List.of("veilig-thuis"));
        consent.put("holders", List.of("porthos"));
        consent.put("categories", List.of("BSN", "PERSONALIA", "CASE_NOTES"));
        consent.put("method", "WRITTEN");
        consent.put("evidenceReference", "scan-2026-0099");
        Api.Response recorded = api().post("/api/v1/consents", tokens().user("dirk.porthos"), Api.json(consent));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        String consentId = recorded.json().path("id").asString();

        // CMD Waalre, holder, asks for an MDO with the PlusTeam; then the PlusTeam, as recipient.
        for (String user : List.of("carla.cmd-waalre", "anna.plusteam")) {
            Api.Response r = api().post(
                            EVALUATE,
                            tokens().user(user),
                            Api.json(mdo(bsn, user.equals("anna.plusteam") ? "CARE_PROVIDER" : "MUNICIPAL_ACCESS")));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().path("decision").asString()).as(user).isEqualTo("DENY");
            assertThat(codes(r.json())).as(user).containsOnly("CONSENT_MISSING");
            assertThat(r.body())
                    .as(user)
                    .doesNotContain(consentId)
                    .doesNotContain("porthos")
                    .doesNotContain("veilig-thuis")
                    .doesNotContain(bsn);
        }

        // Porthos itself, as its named holder, is told why its consent does not cover this exchange.
        Map<String, Object> own = mdo(bsn, "CARE_PROVIDER");
        own.put("holder", "porthos");
        own.put("recipientRole", "CARE_PROVIDER");
        Api.Response r = api().post(EVALUATE, tokens().user("dirk.porthos"), Api.json(own));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(codes(r.json())).contains("CONSENT_SCOPE");
        assertThat(r.body()).contains(consentId);
    }

    @Test
    void anOverrideVeiligThuisGaveThePlusTeamIsUnknownToWaalreAndDoesNotCount() {
        String bsn = freshBsn();
        Map<String, Object> override = new LinkedHashMap<>();
        override.put("subject", Map.of("bsn", bsn));
        override.put("purpose", "MDO");
        override.put("recipients", List.of("plusteam"));
        override.put("categories", List.of("BSN", "PERSONALIA", "CASE_NOTES"));
        override.put("riskLevel", "HOOG");
        override.put(
                "justification",
                "Acute zorg over de veiligheid van de kinderen na een melding van huiselijk geweld vannacht.");
        override.put("meldcodeStep", 3);
        override.put("durationHours", 24);
        Api.Response declared = api().post("/api/v1/overrides", tokens().user("fleur.veiligthuis"), Api.json(override));
        assertThat(declared.status()).as(declared.body()).isEqualTo(201);
        String overrideId = declared.json().path("id").asString();

        Map<String, Object> invoked = mdo(bsn, "MUNICIPAL_ACCESS");
        invoked.put("overrideId", overrideId);
        Api.Response r = api().post(EVALUATE, tokens().user("carla.cmd-waalre"), Api.json(invoked));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("decision").asString()).isEqualTo("DENY");
        assertThat(r.json().path("overrideId").isString())
                .as("not authorised by it")
                .isFalse();
        assertThat(codes(r.json())).containsOnly("CONSENT_MISSING", "OVERRIDE_UNKNOWN");
        assertThat(r.body()).doesNotContain("veilig-thuis").doesNotContain(bsn);
    }

    // ---- every field with a null, an empty string or a wrong type is a 422 naming it ----

    @Test
    void aNullCategoryIs422NamingItsIndex() {
        Api.Response r = api().post(
                        EVALUATE,
                        tokens().user("anna.plusteam"),
                        "{\"purpose\": \"ACCOUNTABILITY\", \"actingRole\": \"CARE_PROVIDER\", \"holder\": \"plusteam\","
                                + " \"recipient\": \"gemeente-geldrop-mierlo\", \"recipientRole\": \"MUNICIPAL_ACCESS\","
                                + " \"categories\": [null]}");
        JsonNode problem = problem(r, 422, "urn:deelpoort:problem:invalid-request");
        assertThat(invalidFields(problem)).containsExactly(Map.entry("categories[0]", "is required"));
    }

    @Test
    void emptyStringsNullsAndWrongTypesInsideTheListAreEachNamed() {
        Api.Response r = api().post(
                        EVALUATE,
                        tokens().user("anna.plusteam"),
                        "{\"subject\": {\"bsn\": null}, \"purpose\": null, \"actingRole\": \"\", \"holder\": \"\","
                                + " \"recipient\": null, \"recipientRole\": \"MUNICIPAL_ACCESS\","
                                + " \"categories\": [\"BSN\", \"\", 999993653, {\"a\": \"999993653\"}, [\"BSN\"], true]}");
        JsonNode problem = problem(r, 422, "urn:deelpoort:problem:invalid-request");
        Map<String, String> fields = invalidFields(problem);
        assertThat(fields.keySet())
                .containsExactlyInAnyOrder(
                        "subject.bsn",
                        "purpose",
                        "actingRole",
                        "holder",
                        "recipient",
                        "categories[1]",
                        "categories[2]",
                        "categories[3]",
                        "categories[4]",
                        "categories[5]");
        assertThat(fields.get("purpose")).isEqualTo("is required");
        assertThat(fields.get("categories[1]")).isEqualTo("is required");
        assertThat(fields.get("categories[2]")).startsWith("must be a string");
        assertThat(fields.get("categories[3]")).startsWith("must be a string");
        assertThat(r.body()).doesNotContain("999993653");
    }

    @Test
    void anOverrideIdThatIsNotAUuidIs422WithoutRepeatingIt() {
        Map<String, Object> body = mdo(freshBsn(), "MUNICIPAL_ACCESS");
        body.put("overrideId", "999993653");
        Api.Response r = api().post(EVALUATE, tokens().user("carla.cmd-waalre"), Api.json(body));
        JsonNode problem = problem(r, 422, "urn:deelpoort:problem:invalid-request");
        assertThat(invalidFields(problem)).containsOnlyKeys("overrideId");
        assertThat(r.body()).doesNotContain("999993653");
    }

    /** CMD Waalre shares with the PlusTeam for an MDO (F10: consent, overridable). */
    private static Map<String, Object> mdo(String bsn, String actingRole) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("subject", Map.of("bsn", bsn));
        q.put("purpose", "MDO");
        q.put("actingRole", actingRole);
        q.put("holder", "gemeente-waalre");
        q.put("recipient", "plusteam");
        q.put("recipientRole", actingRole.equals("MUNICIPAL_ACCESS") ? "ADVISOR" : actingRole);
        q.put("categories", List.of("BSN", "PERSONALIA", "CASE_NOTES"));
        return q;
    }

    private static JsonNode problem(Api.Response r, int status, String type) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        JsonNode body = r.json();
        assertThat(body.path("type").asString()).as(r.body()).isEqualTo(type);
        return body;
    }

    private static Map<String, String> invalidFields(JsonNode problem) {
        Map<String, String> out = new LinkedHashMap<>();
        problem.path("invalidFields")
                .forEach(f ->
                        out.put(f.path("field").asString(), f.path("problem").asString()));
        return out;
    }

    /** Every reason code of a decision: request-level and per withheld category. */
    private static List<String> codes(JsonNode decision) {
        List<String> out = new ArrayList<>();
        decision.path("reasons").forEach(x -> out.add(x.path("code").asString()));
        decision.path("withheld")
                .forEach(w ->
                        w.path("reasons").forEach(x -> out.add(x.path("code").asString())));
        return out;
    }

    private Api.Response evaluated(String user, Map<String, Object> body) {
        Api.Response r = api().post(EVALUATE, tokens().user(user), Api.json(body));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r;
    }

    private JsonNode evaluate(String user, Map<String, Object> body, int expectedStatus) {
        Api.Response r = api().post(EVALUATE, tokens().user(user), Api.json(body));
        assertThat(r.status()).as(r.body()).isEqualTo(expectedStatus);
        return r.json();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }
}
