package nl.deelpoort.gateway.grounds;

import static nl.deelpoort.gateway.grounds.GroundsFixtures.EVALUATE;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.bornYearsAgo;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.decisionCodes;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.escalationConsent;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.escalationQuestion;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.freshBsn;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.giver;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import nl.deelpoort.gateway.audit.report.ReportFixtures;
import nl.deelpoort.gateway.support.Api;
import nl.deelpoort.gateway.support.IntegrationTest;
import nl.deelpoort.gateway.support.SecuredMockMvc;
import nl.deelpoort.ledger.EntryKind;
import nl.deelpoort.ledger.LogEntry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A resident's own consents through {@code /api/v1/me/consents}: consents recorded by CMD Waalre with
 * real tokens, residents with fresh BSNs (the realm has one demo resident, so their tokens are made
 * with {@code jwt()}; the console test uses jan.inwoner's real login).
 */
class ResidentConsentIT extends IntegrationTest {

    private static final String MINE = "/api/v1/me/consents";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebApplicationContext context;

    @Autowired
    DataSource dataSource;

    private String carla() {
        return tokens().user("carla.cmd-waalre");
    }

    private String consent(String bsn, String born, List<Map<String, Object>> givers) {
        return ok(api().post("/api/v1/consents", carla(), Api.json(escalationConsent(bsn, born, givers))), 201)
                .path("id")
                .asString();
    }

    @Test
    void aResidentWithdrawsTheirOwnConsentAndTheNextDecisionIsRefused() throws Exception {
        String bsn = freshBsn();
        String id = consent(bsn, bornYearsAgo(30), List.of(giver("SUBJECT")));
        JsonNode before = ok(api().post(EVALUATE, carla(), Api.json(escalationQuestion(bsn))), 200);
        assertThat(before.path("decision").asString()).isEqualTo("PERMIT");

        MockHttpServletResponse listed = call(get(MINE), bsn);
        assertThat(listed.getStatus()).isEqualTo(200);
        JsonNode mine = json(listed);
        assertThat(mine.path("count").asInt()).isEqualTo(1);
        JsonNode own = mine.path("consents").get(0);
        assertThat(own.path("id").asString()).isEqualTo(id);
        assertThat(own.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(own.path("withdrawable").asBoolean()).isTrue();
        assertThat(own.path("recordedBy").asString()).isEqualTo("gemeente-waalre");
        assertThat(listed.getContentAsString())
                .as("the organisations' evidence and users stay with them")
                .doesNotContain("scan-2026-0042", "evidenceReference", "recordedByUser", bsn);

        MockHttpServletResponse withdrawn = call(post(MINE + "/" + id + "/withdrawal"), bsn);
        assertThat(withdrawn.getStatus()).as(withdrawn.getContentAsString()).isEqualTo(200);
        JsonNode after = json(withdrawn);
        assertThat(after.path("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(after.path("withdrawable").asBoolean()).isFalse();
        assertThat(after.path("withdrawal").path("withdrawnBy").asString()).isEqualTo("SUBJECT");
        long seq = after.path("withdrawal").path("disclosureId").asLong();
        assertThat(withdrawn.getHeader("X-Disclosure-Id")).isEqualTo(Long.toString(seq));

        LogEntry logged = ReportFixtures.entry(dataSource, seq);
        assertThat(logged.kind()).isEqualTo(EntryKind.CONSENT_WITHDRAWN);
        assertThat(logged.consentId()).isEqualTo(id);
        assertThat(logged.requestingOrganisation())
                .as("recorded for the organisation that recorded the consent, so its officers see it")
                .isEqualTo("gemeente-waalre");
        assertThat(logged.user()).isEqualTo("resident-" + bsn.substring(5));
        assertThat(logged.attributes()).containsEntry("withdrawnBy", "SUBJECT").containsEntry("channel", "resident");

        JsonNode refused = ok(api().post(EVALUATE, carla(), Api.json(escalationQuestion(bsn))), 200);
        assertThat(refused.path("decision").asString()).isEqualTo("DENY");
        assertThat(decisionCodes(refused)).contains("CONSENT_WITHDRAWN");

        JsonNode professional = ok(api().get("/api/v1/consents/" + id, carla()), 200);
        assertThat(professional.path("history").get(1).path("event").asString()).isEqualTo("WITHDRAWN");
        assertThat(professional.path("history").get(1).path("withdrawnBy").asString())
                .isEqualTo("SUBJECT");

        assertThat(call(post(MINE + "/" + id + "/withdrawal"), bsn).getStatus())
                .as("withdrawn already")
                .isEqualTo(409);
    }

    @Test
    void aConsentSomeoneElseGaveIsShownButOnlyTheyCanWithdrawIt() throws Exception {
        String child = freshBsn();
        String id = consent(child, bornYearsAgo(10), List.of(giver("PARENT_WITH_AUTHORITY")));

        JsonNode own = json(call(get(MINE), child)).path("consents").get(0);
        assertThat(own.path("id").asString()).isEqualTo(id);
        assertThat(own.path("givenBy").toString()).contains("PARENT_WITH_AUTHORITY");
        assertThat(own.path("withdrawable").asBoolean()).isFalse();

        MockHttpServletResponse refused = call(post(MINE + "/" + id + "/withdrawal"), child);
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(refused.getContentAsString()).contains("given for you by someone else");
        assertThat(json(call(get(MINE), child))
                        .path("consents")
                        .get(0)
                        .path("status")
                        .asString())
                .isEqualTo("ACTIVE");
    }

    @Test
    void anotherResidentCannotSeeNorWithdrawIt() throws Exception {
        String bsn = freshBsn();
        String id = consent(bsn, bornYearsAgo(30), List.of(giver("SUBJECT")));
        String other = freshBsn();
        // The other resident has a history of their own, so the refusal is about this consent alone.
        consent(other, bornYearsAgo(40), List.of(giver("SUBJECT")));

        assertThat(json(call(get(MINE), other)).path("consents").toString()).doesNotContain(id);
        assertThat(call(post(MINE + "/" + id + "/withdrawal"), other).getStatus())
                .isEqualTo(404);
        assertThat(call(post(MINE + "/not-a-consent/withdrawal"), other).getStatus())
                .isEqualTo(404);
        assertThat(json(call(get(MINE), bsn))
                        .path("consents")
                        .get(0)
                        .path("status")
                        .asString())
                .isEqualTo("ACTIVE");
        assertThat(json(call(get(MINE), freshBsn())).path("count").asInt())
                .as("a resident never processed has none")
                .isZero();
    }

    @Test
    void aResidentTokenWithoutBsnIsRefused() throws Exception {
        MockHttpServletResponse r = mvc().perform(get(MINE)
                        .with(jwt().jwt(j -> j.subject("resident-without-bsn")
                                        .claim("realm_access", Map.of("roles", List.of("resident"))))
                                .authorities(new SimpleGrantedAuthority("ROLE_resident"))))
                .andReturn()
                .getResponse();
        assertThat(r.getStatus()).isEqualTo(403);
        assertThat(r.getContentAsString()).contains("names no valid BSN");
    }

    private MockHttpServletResponse call(MockHttpServletRequestBuilder request, String bsn) throws Exception {
        RequestBuilder asResident = request.with(jwt().jwt(j -> j.subject("resident-" + bsn.substring(5))
                        .claim("bsn", bsn)
                        .claim("realm_access", Map.of("roles", List.of("resident"))))
                .authorities(new SimpleGrantedAuthority("ROLE_resident")));
        return mvc().perform(asResident).andReturn().getResponse();
    }

    private static JsonNode json(MockHttpServletResponse r) throws Exception {
        return JSON.readTree(r.getContentAsString(StandardCharsets.UTF_8));
    }

    private MockMvc mvc() {
        return SecuredMockMvc.of(context);
    }
}
