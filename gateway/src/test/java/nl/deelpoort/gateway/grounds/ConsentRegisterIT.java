package nl.deelpoort.gateway.grounds;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.codes;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.escalationConsent;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.fields;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.freshBsn;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.ok;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.strings;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.deelpoort.casefile.stub.PopulationRegisterStub;
import nl.deelpoort.gateway.support.Api;
import nl.deelpoort.gateway.support.PopulationRegisterTest;
import nl.deelpoort.gateway.support.TestServices;
import nl.deelpoort.ledger.LogEntry;
import nl.deelpoort.ledger.LogEntryCodec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Consents recorded for the population register stub's households (casefile-stub {@code Households}), with the
 * gateway consulting the register as a deployment does (fail closed when it cannot be asked, the default), with an API
 * key and an OAuth2 client-credentials token from the real Keycloak: each lawful combination is accepted, each
 * unlawful one refused with its reason. docs/population-register.md.
 */
class ConsentRegisterIT extends PopulationRegisterTest {

    private static final String CONSENTS = "/api/v1/consents";

    // Households of the stub (ages fixed whenever the tests run, apart from the demo household).
    private static final String JULIA_13 = "999990305";
    private static final String ILSE_MOTHER = "999990287";
    private static final String BRAM_FATHER = "999990299";
    private static final String NOOR_9 = "999990214";
    private static final String SEM_17 = "999990226";
    private static final String EVA_MOTHER_SOLE = "999990196";
    private static final String TOM_FATHER_WITHOUT = "999990202";
    private static final String FINN_11 = "999990238";
    private static final String INGRID_GUARDIAN = "999990251";
    private static final String YARA_6_INSTITUTION = "999990263";
    private static final String MEES_5_UNDETERMINED = "999990275";
    private static final String LOTTE_DEMO = "999990032";
    private static final String SANNE_DEMO_MOTHER = "999990019";
    /**
     * An adult of the stand-in who is not the demo resident: consents recorded here stay active in the
     * shared database, and the resident's own tests (ResidentPagesIT) expect none for Jan Willem.
     */
    private static final String PETRA_ADULT = "999990317";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    private String carla() {
        return tokens().user("carla.cmd-waalre");
    }

    private static Map<String, Object> giver(String role, String bsn) {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("role", role);
        if (bsn != null) {
            g.put("bsn", bsn);
        }
        return g;
    }

    private Api.Response record(String subject, String birthDate, List<Map<String, Object>> givers) {
        return api().post(CONSENTS, carla(), Api.json(escalationConsent(subject, birthDate, givers)));
    }

    @Test
    void eachLawfulCombinationOfTheHouseholdsIsRecordedWithTheRegistersFacts() {
        record Lawful(String scenario, String subject, String authority, List<Map<String, Object>> givers) {}
        List<Lawful> lawful = List.of(
                new Lawful(
                        "13-year-old with her mother (joint authority)",
                        JULIA_13,
                        "BOTH_PARENTS",
                        List.of(giver("SUBJECT", null), giver("PARENT_WITH_AUTHORITY", ILSE_MOTHER))),
                new Lawful(
                        "13-year-old with her father (joint authority)",
                        JULIA_13,
                        "BOTH_PARENTS",
                        List.of(giver("SUBJECT", null), giver("PARENT_WITH_AUTHORITY", BRAM_FATHER))),
                new Lawful(
                        "9-year-old by the mother with sole authority",
                        NOOR_9,
                        "ONE_PARENT",
                        List.of(giver("PARENT_WITH_AUTHORITY", EVA_MOTHER_SOLE))),
                new Lawful("17-year-old alone", SEM_17, "ONE_PARENT", List.of(giver("SUBJECT", null))),
                new Lawful(
                        "11-year-old by the registered guardian",
                        FINN_11,
                        "GUARDIANSHIP",
                        List.of(giver("GUARDIAN", INGRID_GUARDIAN))),
                new Lawful(
                        "6-year-old by the guardian institution",
                        YARA_6_INSTITUTION,
                        "GUARDIANSHIP",
                        List.of(giver("GUARDIAN", null))),
                new Lawful("an adult personally", PETRA_ADULT, "NONE_REGISTERED", List.of(giver("SUBJECT", null))));
        for (Lawful c : lawful) {
            Api.Response given = record(c.subject(), null, c.givers());
            JsonNode consent = ok(given, 201);
            JsonNode check = consent.path("registerCheck");
            assertThat(check.path("source").asString()).as(c.scenario()).isEqualTo("BRP");
            assertThat(check.path("authority").asString()).as(c.scenario()).isEqualTo(c.authority());
            assertThat(check.path("checkedAt").isString()).as(c.scenario()).isTrue();
            assertThat(check.path("givers").size())
                    .as(c.scenario())
                    .isEqualTo(c.givers().size());
            LogEntry entry = logEntry(given);
            assertThat(entry.attributes())
                    .as(c.scenario())
                    .containsEntry("registerCheck", "BRP")
                    .containsEntry("registerAuthority", c.authority())
                    .containsKey("registerCheckedAt");
            String canonical = canonical(given);
            c.givers().forEach(g -> {
                if (g.get("bsn") != null) {
                    assertThat(canonical).as("no giver's BSN in the log").doesNotContain((String) g.get("bsn"));
                }
            });
            assertThat(canonical).doesNotContain(c.subject());
        }
    }

    @Test
    void aParentsRelationIsRecordedAsAFactAndTheirBsnIsKeptNowhere() {
        Api.Response given =
                record(JULIA_13, null, List.of(giver("SUBJECT", null), giver("PARENT_WITH_AUTHORITY", ILSE_MOTHER)));
        JsonNode consent = ok(given, 201);
        assertThat(strings(consent.path("registerCheck").path("givers")))
                .containsExactly("SUBJECT", "REGISTERED_PARENT");
        assertThat(consent.path("registerCheck").path("ageAtConsent").asInt()).isEqualTo(13);
        assertThat(logEntry(given).attributes()).containsEntry("givenByRegister", "SUBJECT,REGISTERED_PARENT");
        assertThat(given.body()).doesNotContain(ILSE_MOTHER);
        Map<String, Object> row = jdbc.queryForMap(
                "SELECT c::text AS everything FROM consent c WHERE id = ?::uuid",
                consent.path("id").asString());
        assertThat((String) row.get("everything")).doesNotContain(ILSE_MOTHER);
    }

    @Test
    void theDemoHouseholdsTypedBirthDateAgreesWithTheRegister() {
        JsonNode consent = ok(
                record(
                        LOTTE_DEMO,
                        "2012-05-01",
                        List.of(giver("SUBJECT", null), giver("PARENT_WITH_AUTHORITY", SANNE_DEMO_MOTHER))),
                201);
        assertThat(consent.path("registerCheck").path("authority").asString()).isEqualTo("BOTH_PARENTS");
    }

    @Test
    void eachUnlawfulCombinationIsRefusedWithTheReasonOfTheConsentRules() {
        record Unlawful(
                String scenario,
                String subject,
                String birthDate,
                List<Map<String, Object>> givers,
                String field,
                String code,
                String words) {}
        List<Unlawful> unlawful = List.of(
                new Unlawful(
                        "a parent without authority",
                        NOOR_9,
                        null,
                        List.of(giver("PARENT_WITH_AUTHORITY", TOM_FATHER_WITHOUT)),
                        "givenBy[0]",
                        "CONSENT_GIVER_NOT_COMPETENT",
                        "holds no authority"),
                new Unlawful(
                        "a guardian where the register names none",
                        NOOR_9,
                        null,
                        List.of(giver("GUARDIAN", INGRID_GUARDIAN)),
                        "givenBy[0]",
                        "CONSENT_GIVER_NOT_COMPETENT",
                        "names no guardian"),
                new Unlawful(
                        "another person than the registered guardian",
                        FINN_11,
                        null,
                        List.of(giver("GUARDIAN", EVA_MOTHER_SOLE)),
                        "givenBy[0]",
                        "CONSENT_GIVER_NOT_COMPETENT",
                        "not the subject's guardian"),
                new Unlawful(
                        "a 17-year-old's parent signing alone",
                        SEM_17,
                        null,
                        List.of(giver("PARENT_WITH_AUTHORITY", EVA_MOTHER_SOLE)),
                        "givenBy",
                        "CONSENT_GIVER_NOT_COMPETENT",
                        "a parent alone cannot"),
                new Unlawful(
                        "a typed birth date that differs from the register's",
                        LOTTE_DEMO,
                        "2012-01-05",
                        List.of(giver("SUBJECT", null), giver("PARENT_WITH_AUTHORITY", SANNE_DEMO_MOTHER)),
                        "subject.birthDate",
                        "CONSENT_BIRTH_DATE_MISMATCH",
                        "(5 January 2012) differs from the birth date in the BRP (1 May 2012)"),
                new Unlawful(
                        "a parent whose authority the register cannot determine",
                        MEES_5_UNDETERMINED,
                        null,
                        List.of(giver("PARENT_WITH_AUTHORITY", EVA_MOTHER_SOLE)),
                        "givenBy[0]",
                        "CONSENT_GIVER_NOT_COMPETENT",
                        "nobody holds established authority"),
                new Unlawful(
                        "a parent without a BSN to check",
                        JULIA_13,
                        null,
                        List.of(giver("SUBJECT", null), giver("PARENT_WITH_AUTHORITY", null)),
                        "givenBy[1].bsn",
                        "CONSENT_GIVER_NOT_COMPETENT",
                        "needs the BSN"),
                new Unlawful(
                        "a subject the register does not know",
                        freshBsn(),
                        "1980-01-01",
                        List.of(giver("SUBJECT", null)),
                        "subject.bsn",
                        "CONSENT_SUBJECT_NOT_REGISTERED",
                        "knows no living person"));
        for (Unlawful c : unlawful) {
            Api.Response refused = record(c.subject(), c.birthDate(), c.givers());
            assertThat(refused.status())
                    .as(c.scenario() + ": " + refused.body())
                    .isEqualTo(422);
            assertThat(fields(refused.json())).as(c.scenario()).containsExactly(c.field());
            assertThat(codes(refused.json())).as(c.scenario()).containsExactly(c.code());
            assertThat(refused.body()).as(c.scenario()).contains(c.words()).doesNotContain("9999");
            assertThat(refused.header("X-Disclosure-Id"))
                    .as(c.scenario() + ": nothing logged")
                    .isNull();
        }
    }

    @Test
    void theRegisterIsAskedWithTheApiKeyAndATokenForOnlyTheFieldsTheRulesNeed() {
        ok(record(PETRA_ADULT, null, List.of(giver("SUBJECT", null))), 201);
        brp().verify(postRequestedFor(urlPathEqualTo(PopulationRegisterStub.BASE_PATH + "/personen"))
                .withHeader(PopulationRegisterStub.API_KEY_HEADER, equalTo(PopulationRegisterStub.DEV_API_KEY))
                .withHeader("Authorization", matching("Bearer [A-Za-z0-9._-]+"))
                .withRequestBody(equalTo("{\"type\":\"RaadpleegMetBurgerservicenummer\",\"burgerservicenummer\":[\""
                        + PETRA_ADULT
                        + "\"],\"fields\":[\"burgerservicenummer\",\"geboorte.datum\",\"leeftijd\",\"gezag\"]}")));
    }

    @Test
    void theRegistersGuardIsMeteredLikeTheCaseFiles() {
        double before = successfulCalls();
        ok(record(PETRA_ADULT, null, List.of(giver("SUBJECT", null))), 201);
        assertThat(successfulCalls()).as("the query was judged by the breaker").isEqualTo(before + 1);
        assertThat(meters.get("resilience4j.circuitbreaker.state")
                        .tag("name", "population-register")
                        .tag("state", "closed")
                        .gauge()
                        .value())
                .isEqualTo(1.0);
        assertThat(meters.get("resilience4j.bulkhead.max.allowed.concurrent.calls")
                        .tag("name", "population-register")
                        .gauge()
                        .value())
                .as("deelpoort.population.max-connections")
                .isEqualTo(10.0);
        assertThat(meters.find("resilience4j.timelimiter.calls")
                        .tag("name", "population-register")
                        .tag("kind", "successful")
                        .counter())
                .isNotNull();
    }

    private double successfulCalls() {
        var timer = meters.find("resilience4j.circuitbreaker.calls")
                .tag("name", "population-register")
                .tag("kind", "successful")
                .timer();
        return timer == null ? 0 : timer.count();
    }

    @Test
    void whenTheRegisterFailsTheConsentIsRefusedAndNothingIsRecorded() {
        String subject = freshBsn();
        StubMapping down = brp().stubFor(post(urlPathEqualTo(PopulationRegisterStub.BASE_PATH + "/personen"))
                .atPriority(1)
                .willReturn(serverError()));
        try {
            Api.Response refused = record(subject, "1980-01-01", List.of(giver("SUBJECT", null)));
            assertThat(refused.status()).as(refused.body()).isEqualTo(503);
            assertThat(refused.json().path("detail").asString()).contains("population register");
            assertThat(refused.body()).doesNotContain(subject);
            assertThat(refused.header("X-Disclosure-Id")).isNull();
        } finally {
            brp().removeStub(down);
        }
        JsonNode found =
                ok(api().post(CONSENTS + "/search", carla(), Api.json(Map.of("subject", Map.of("bsn", subject)))), 200);
        assertThat(found.path("consents").size()).isZero();
    }

    private static WireMockServer brp() {
        return TestServices.get().populationRegister().server();
    }

    private LogEntry logEntry(Api.Response given) {
        return LogEntryCodec.decode(canonicalBytes(given));
    }

    private String canonical(Api.Response given) {
        return new String(canonicalBytes(given), StandardCharsets.UTF_8);
    }

    private byte[] canonicalBytes(Api.Response given) {
        return jdbc.queryForObject(
                "SELECT canonical FROM log_entry WHERE seq = ?",
                byte[].class,
                Long.parseLong(given.header("X-Disclosure-Id")));
    }
}
