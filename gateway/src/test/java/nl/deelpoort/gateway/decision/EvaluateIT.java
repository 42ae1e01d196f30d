package nl.deelpoort.gateway.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.deelpoort.gateway.support.Api;
import nl.deelpoort.gateway.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
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
        JsonNode d = evaluate(
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
                        List.of("BSN", "CASE_NOTES")),
                200);
        assertThat(d.path("decision").asString()).isEqualTo("DENY");
        assertThat(d.toString()).contains("CONSENT_MISSING").doesNotContain("999990019");
        assertThat(d.path("disclosureId").isNumber())
                .as("a question about a person is logged")
                .isTrue();
    }

    @Test
    void generalQuestionNamesTheGroundsNeeded() {
        JsonNode d = evaluate(
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
                        List.of("BSN", "HEALTH")),
                200);
        assertThat(d.path("decision").asString()).isEqualTo("PARTIAL");
        assertThat(d.path("conditions").toString()).contains("CONSENT");
        assertThat(d.path("disclosureId").isNull())
                .as("a general question concerns nobody")
                .isTrue();
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
        var mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .build();
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
