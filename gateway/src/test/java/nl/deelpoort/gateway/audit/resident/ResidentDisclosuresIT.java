package nl.deelpoort.gateway.audit.resident;

import static nl.deelpoort.gateway.audit.report.ReportFixtures.JAN;
import static nl.deelpoort.gateway.audit.report.ReportFixtures.freshBsn;
import static nl.deelpoort.gateway.audit.report.ReportFixtures.pseudonymCount;
import static nl.deelpoort.gateway.audit.report.ReportFixtures.pushAdvice;
import static nl.deelpoort.gateway.audit.report.ReportFixtures.reportToVeiligThuis;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import nl.deelpoort.gateway.support.Api;
import nl.deelpoort.gateway.support.IntegrationTest;
import nl.deelpoort.gateway.support.SecuredMockMvc;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A resident's own view, with jan.inwoner's real Keycloak token and a second resident whose token is
 * made with {@code jwt()} (the realm has one demo resident).
 */
class ResidentDisclosuresIT extends IntegrationTest {

    private static final String MINE = "/api/v1/me/disclosures";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    DataSource dataSource;

    @Autowired
    WebApplicationContext context;

    @Test
    void janSeesTheAccountabilityPullInPlainDutchButNotTheConfidentialReportNorAnotherResidentsData() throws Exception {
        Api api = api();
        Map<String, Object> pull = new LinkedHashMap<>();
        pull.put("subject", Map.of("bsn", JAN));
        pull.put("purpose", "ACCOUNTABILITY");
        pull.put("actingRole", "MUNICIPAL_ACCESS");
        pull.put("holder", "plusteam");
        pull.put("categories", List.of("BSN", "CARE_DEPLOYED"));
        Api.Response pulled = api.post("/api/v1/disclosures", tokens().user("bram.cmd-gm"), Api.json(pull));
        assertThat(pulled.status()).as(pulled.body()).isEqualTo(200);
        long accountability = pulled.json().path("disclosureId").asLong();
        long confidential = reportToVeiligThuis(api, tokens().user("anna.plusteam"), JAN);
        String other = freshBsn();
        long othersAdvice = pushAdvice(api, tokens().user("anna.plusteam"), other)
                .path("disclosureId")
                .asLong();

        Api.Response r = api.get(MINE, tokens().user("jan.inwoner"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode body = r.json();
        List<Long> ids = ids(body);
        assertThat(ids).contains(accountability).doesNotContain(confidential, othersAdvice);
        assertThat(ids).as("newest first").isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(body.path("count").asInt()).isEqualTo(ids.size());
        for (JsonNode item : body.path("disclosures")) {
            assertThat(item.path("purpose").path("code").asString())
                    .isNotIn("SAFETY_REPORT", "SAFETY_INVESTIGATION", "SAFETY_CONSULTATION");
        }

        JsonNode item = find(body, accountability);
        assertThat(item.path("text").asString())
                .startsWith("Gemeente Geldrop-Mierlo (CMD) heeft op ")
                .contains(" uw BSN en ingezette zorg ontvangen van GR PlusTeam voor verantwoording.")
                .matches(".* op \\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober"
                        + "|november|december) \\d{4} uw .*");
        assertThat(item.path("recipient").path("id").asString()).isEqualTo("gemeente-geldrop-mierlo");
        assertThat(item.path("recipient").path("name").asString()).isEqualTo("Gemeente Geldrop-Mierlo (CMD)");
        assertThat(item.path("purpose").path("label").asString()).isEqualTo("verantwoording");
        assertThat(item.path("legalBasis").path("code").asString()).isEqualTo("LEGAL_OBLIGATION");
        assertThat(labels(item.path("categories"))).containsExactly("BSN", "ingezette zorg");
        assertThat(item.path("date").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(r.body()).doesNotContain(JAN, other);
    }

    @Test
    void aSecondResidentSeesOnlyTheirOwnAdviceOnceEvenAfterTheMunicipalityFetchedIt() throws Exception {
        Api api = api();
        String bsn = freshBsn();
        JsonNode created = pushAdvice(api, tokens().user("anna.plusteam"), bsn);
        long advice = created.path("disclosureId").asLong();
        Api.Response fetched =
                api.get("/api/v1/transfers/" + created.path("transferId").asString(), tokens().user("bram.cmd-gm"));
        assertThat(fetched.status()).as(fetched.body()).isEqualTo(200);
        long janOnly = reportToVeiligThuis(api, tokens().user("anna.plusteam"), JAN);

        JsonNode body = asResident(bsn);
        assertThat(ids(body))
                .as("the receipt is the same push, not a second one")
                .containsExactly(advice);
        JsonNode item = body.path("disclosures").get(0);
        assertThat(item.path("text").asString())
                .contains(" uw BSN, naam, geboortedatum en adres en gezinsplan ontvangen van GR PlusTeam voor advies"
                        + " en aanvraag van een voorziening.");
        assertThat(ids(body)).doesNotContain(janOnly);

        Api.Response jan = api.get(MINE, tokens().user("jan.inwoner"));
        assertThat(ids(jan.json())).doesNotContain(advice);
    }

    @Test
    void aResidentWithoutHistoryGetsAnEmptyListAndNoPseudonym() throws Exception {
        int before = pseudonymCount(dataSource);
        JsonNode body = asResident(freshBsn());
        assertThat(body.path("count").asInt()).isZero();
        assertThat(body.path("disclosures").isEmpty()).isTrue();
        assertThat(pseudonymCount(dataSource)).isEqualTo(before);
    }

    @Test
    void aProfessionalIsRefused() {
        Api.Response r = api().get(MINE, tokens().user("bram.cmd-gm"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().path("type").asString()).isEqualTo("urn:deelpoort:problem:forbidden");
    }

    @Test
    void aResidentTokenWithoutBsnIsRefused() throws Exception {
        int status = mvc().perform(get(MINE)
                        .with(jwt().jwt(j -> j.subject("resident-without-bsn")
                                        .claim("realm_access", Map.of("roles", List.of("resident"))))
                                .authorities(new SimpleGrantedAuthority("ROLE_resident"))))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(status).isEqualTo(403);
    }

    private JsonNode asResident(String bsn) throws Exception {
        MvcResult result = mvc().perform(get(MINE)
                        .with(jwt().jwt(j -> j.subject("second-resident")
                                        .claim("bsn", bsn)
                                        .claim("realm_access", Map.of("roles", List.of("resident"))))
                                .authorities(new SimpleGrantedAuthority("ROLE_resident"))))
                .andReturn();
        assertThat(result.getResponse().getStatus())
                .as(result.getResponse().getContentAsString())
                .isEqualTo(200);
        return JSON.readTree(result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
    }

    private MockMvc mvc() {
        return SecuredMockMvc.of(context);
    }

    private static List<Long> ids(JsonNode body) {
        List<Long> out = new ArrayList<>();
        body.path("disclosures").forEach(d -> out.add(d.path("disclosureId").asLong()));
        return out;
    }

    private static JsonNode find(JsonNode body, long id) {
        for (JsonNode d : body.path("disclosures")) {
            if (d.path("disclosureId").asLong() == id) {
                return d;
            }
        }
        throw new AssertionError("disclosure " + id + " not in " + body);
    }

    private static List<String> labels(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path("label").asString()));
        return out;
    }
}
