package nl.deelpoort.gateway.grounds;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.fields;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.freshBsn;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.deelpoort.casefile.stub.PopulationRegisterStub;
import nl.deelpoort.gateway.support.Api;
import nl.deelpoort.gateway.support.IntegrationTest;
import nl.deelpoort.gateway.support.TestServices;
import nl.deelpoort.ledger.LogEntryCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A deployment that records consents while the population register cannot be asked: flagged UNVERIFIED (in the
 * answer and the log) and listed for the privacy officers of the recording organisation, and no one else.
 */
class UnverifiedConsentIT extends IntegrationTest {

    private static final String CONSENTS = "/api/v1/consents";
    private static final String UNVERIFIED = "/api/v1/consents/unverified";

    @DynamicPropertySource
    static void populationRegister(DynamicPropertyRegistry registry) {
        TestServices.get().populationRegisterProperties().forEach((k, v) -> registry.add(k, () -> v));
        registry.add("deelpoort.population.when-unavailable", () -> "RECORD_UNVERIFIED");
    }

    @Autowired
    JdbcTemplate jdbc;

    private StubMapping down;

    @BeforeEach
    void registerDown() {
        down = brp().stubFor(post(urlPathEqualTo(PopulationRegisterStub.BASE_PATH + "/personen"))
                .atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    @AfterEach
    void registerUp() {
        brp().removeStub(down);
    }

    /** PlusTeam records a consent it is the sole recipient of, for the PlusTeam's privacy officer to see. */
    private static Map<String, Object> consent(String bsn, String birthDate) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("bsn", bsn);
        if (birthDate != null) {
            subject.put("birthDate", birthDate);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", subject);
        body.put("givenBy", List.of(Map.of("role", "SUBJECT")));
        body.put("purposes", List.of("ESCALATION"));
        body.put("recipients", List.of("plusteam"));
        body.put("categories", List.of("BSN", "PERSONALIA"));
        body.put("method", "WRITTEN");
        return body;
    }

    @Test
    void aConsentRecordedWithoutTheRegisterIsFlaggedLoggedAsSuchAndReviewedByTheRecordersOfficers() {
        Api.Response given =
                api().post(CONSENTS, tokens().user("anna.plusteam"), Api.json(consent(freshBsn(), "1980-01-01")));
        JsonNode consent = ok(given, 201);
        String id = consent.path("id").asString();
        assertThat(consent.path("registerCheck").path("source").asString()).isEqualTo("UNVERIFIED");
        assertThat(consent.path("registerCheck").path("givers").get(0).asString())
                .isEqualTo("UNVERIFIED");
        byte[] canonical = jdbc.queryForObject(
                "SELECT canonical FROM log_entry WHERE seq = ?",
                byte[].class,
                Long.parseLong(given.header("X-Disclosure-Id")));
        assertThat(LogEntryCodec.decode(canonical).attributes())
                .containsEntry("registerCheck", "UNVERIFIED")
                .containsKey("registerCheckedAt");

        assertThat(ids(ok(api().get(UNVERIFIED, tokens().user("hanna.fg")), 200)))
                .as("the PlusTeam's privacy officer")
                .contains(id);
        assertThat(ids(ok(api().get(UNVERIFIED, tokens().user("gert.fg")), 200)))
                .as("another organisation's privacy officer")
                .doesNotContain(id);
        assertThat(api().get(UNVERIFIED, tokens().user("anna.plusteam")).status())
                .as("a professional")
                .isEqualTo(403);
    }

    @Test
    void withoutTheRegisterTheEnteredBirthDateIsRequired() {
        Api.Response refused =
                api().post(CONSENTS, tokens().user("anna.plusteam"), Api.json(consent(freshBsn(), null)));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(fields(refused.json())).containsExactly("subject.birthDate");
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("consents").forEach(c -> ids.add(c.path("id").asString()));
        return ids;
    }

    private static WireMockServer brp() {
        return TestServices.get().populationRegister().server();
    }
}
