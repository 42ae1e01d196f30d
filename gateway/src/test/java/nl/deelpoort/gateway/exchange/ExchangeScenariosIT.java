package nl.deelpoort.gateway.exchange;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static nl.deelpoort.gateway.exchange.ExchangeFixtures.DISCLOSURES;
import static nl.deelpoort.gateway.exchange.ExchangeFixtures.INBOX;
import static nl.deelpoort.gateway.exchange.ExchangeFixtures.STUB_PLUSTEAM;
import static nl.deelpoort.gateway.exchange.ExchangeFixtures.TRANSFERS;
import static nl.deelpoort.gateway.exchange.ExchangeFixtures.codes;
import static nl.deelpoort.gateway.exchange.ExchangeFixtures.entry;
import static nl.deelpoort.gateway.exchange.ExchangeFixtures.freshBsn;
import static nl.deelpoort.gateway.exchange.ExchangeFixtures.names;
import static nl.deelpoort.gateway.exchange.ExchangeFixtures.ok;
import static nl.deelpoort.gateway.exchange.ExchangeFixtures.pull;
import static nl.deelpoort.gateway.exchange.ExchangeFixtures.push;
import static nl.deelpoort.gateway.exchange.ExchangeFixtures.strings;
import static nl.deelpoort.gateway.exchange.ExchangeFixtures.transferCount;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import nl.deelpoort.gateway.support.Api;
import nl.deelpoort.gateway.support.IntegrationTest;
import nl.deelpoort.gateway.support.TestServices;
import nl.deelpoort.ledger.EntryKind;
import nl.deelpoort.ledger.LogEntry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The exchange scenarios of the issue, one test each, against the real gateway, Keycloak, PostgreSQL
 * and the case file stub (demo dossiers from its README where the content matters).
 */
class ExchangeScenariosIT extends IntegrationTest {

    /** Mila (2016), OTS by gi-intervence; her file has CARE_DEPLOYED, SUPPORT_PLAN, HEALTH-free. */
    private static final String MILA = "999990123";
    /** Fatima (1990), domestic violence: SAFETY, HEALTH and JUSTICE in her file. */
    private static final String FATIMA = "999990068";

    @Autowired
    DataSource dataSource;

    @Test
    void municipalityPullsAccountabilityDataFromThePlusTeamAndGetsExactlyBsnAndCareDeployed() {
        Api.Response r = api().post(
                        DISCLOSURES,
                        tokens().user("bram.cmd-gm"),
                        Api.json(pull(MILA, "ACCOUNTABILITY", "MUNICIPAL_ACCESS", "plusteam", "BSN", "CARE_DEPLOYED")));
        JsonNode d = ok(r, 200);
        assertThat(d.path("decision").asString()).isEqualTo("PERMIT");
        assertThat(d.path("flow").asString()).isEqualTo("F4");
        assertThat(strings(d.path("released"))).containsExactly("BSN", "CARE_DEPLOYED");
        assertThat(names(d.path("data"))).containsExactlyInAnyOrder("BSN", "CARE_DEPLOYED");
        assertThat(d.path("data").path("BSN").asString()).isEqualTo(MILA);
        assertThat(d.path("data").path("CARE_DEPLOYED").isEmpty()).isFalse();
        assertThat(r.body()).doesNotContain("PERSONALIA", "SUPPORT_PLAN", "SAFETY", "999990135");

        long seq = d.path("disclosureId").asLong();
        assertThat(r.header("X-Disclosure-Id")).isEqualTo(Long.toString(seq));
        assertThat(r.header("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
        LogEntry logged = entry(dataSource, seq);
        assertThat(logged.kind()).isEqualTo(EntryKind.DISCLOSURE);
        assertThat(logged.holder()).isEqualTo("plusteam");
        assertThat(logged.recipient()).isEqualTo("gemeente-geldrop-mierlo");
        assertThat(logged.categoriesReleased()).containsExactly("BSN", "CARE_DEPLOYED");
        assertThat(logged.subjectPseudonym()).isNotBlank().doesNotContain(MILA);
    }

    @Test
    void municipalityAsksForTheSupportPlanTooAndItIsWithheldWithItsReason() {
        JsonNode d = ok(
                api().post(
                                DISCLOSURES,
                                tokens().user("bram.cmd-gm"),
                                Api.json(pull(
                                        MILA,
                                        "ACCOUNTABILITY",
                                        "MUNICIPAL_ACCESS",
                                        "plusteam",
                                        "BSN",
                                        "CARE_DEPLOYED",
                                        "SUPPORT_PLAN"))),
                200);
        assertThat(d.path("decision").asString()).isEqualTo("PARTIAL");
        assertThat(names(d.path("data"))).containsExactlyInAnyOrder("BSN", "CARE_DEPLOYED");
        JsonNode withheld = d.path("withheld").get(0);
        assertThat(withheld.path("category").asString()).isEqualTo("SUPPORT_PLAN");
        assertThat(codes(withheld)).containsExactly("CATEGORY_NOT_IN_FLOW");
        assertThat(withheld.path("reasons").get(0).path("message_nl").asString())
                .isNotBlank();
        assertThat(entry(dataSource, d.path("disclosureId").asLong()).categoriesRequested())
                .containsExactly("BSN", "SUPPORT_PLAN", "CARE_DEPLOYED");
    }

    @Test
    void plusTeamPushesAnAdviceToTheMunicipalityWhichFetchesItFromItsInbox() {
        String bsn = freshBsn();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("BSN", bsn);
        payload.put("PERSONALIA", Map.of("givenNames", "Noor", "surname", "Jansen"));
        payload.put("HOUSEHOLD", Map.of("composition", "eenoudergezin"));
        payload.put("ASSESSMENT", Map.of("risk", "midden"));
        payload.put("SUPPORT_PLAN", Map.of("advice", "Schuldhulpverlening en gezinscoach, 6 maanden."));
        JsonNode created = ok(
                api().post(
                                TRANSFERS,
                                tokens().user("anna.plusteam"),
                                Api.json(push(
                                        bsn,
                                        "PROVISION_APPLICATION",
                                        "ADVISOR",
                                        "gemeente-geldrop-mierlo",
                                        "MUNICIPAL_ACCESS",
                                        payload))),
                201);
        assertThat(created.path("decision").asString()).isEqualTo("PERMIT");
        assertThat(created.path("flow").asString()).isEqualTo("F3");
        String id = created.path("transferId").asString();
        long disclosure = created.path("disclosureId").asLong();
        LogEntry transfer = entry(dataSource, disclosure);
        assertThat(transfer.kind()).isEqualTo(EntryKind.TRANSFER);
        assertThat(transfer.referenceId()).isEqualTo(id);

        String bram = tokens().user("bram.cmd-gm");
        Api.Response inbox = api().get(INBOX, bram);
        JsonNode item = findTransfer(ok(inbox, 200), id);
        assertThat(item.path("sender").asString()).isEqualTo("plusteam");
        assertThat(item.path("purpose").asString()).isEqualTo("PROVISION_APPLICATION");
        assertThat(strings(item.path("categories")))
                .containsExactly("BSN", "PERSONALIA", "HOUSEHOLD", "ASSESSMENT", "SUPPORT_PLAN");
        assertThat(inbox.body()).as("the inbox shows metadata only").doesNotContain(bsn, "Noor", "Schuldhulp");

        Api.Response fetched = api().get(TRANSFERS + "/" + id, bram);
        JsonNode t = ok(fetched, 200);
        assertThat(t.path("data").path("BSN").asString()).isEqualTo(bsn);
        assertThat(t.path("data").path("SUPPORT_PLAN").path("advice").asString())
                .startsWith("Schuldhulp");
        long receipt = t.path("receiptId").asLong();
        assertThat(fetched.header("X-Disclosure-Id")).isEqualTo(Long.toString(receipt));
        LogEntry logged = entry(dataSource, receipt);
        assertThat(logged.kind()).isEqualTo(EntryKind.RECEIPT);
        assertThat(logged.referenceId()).isEqualTo(Long.toString(disclosure));
        assertThat(logged.subjectPseudonym()).isEqualTo(transfer.subjectPseudonym());

        assertThat(findTransfer(ok(api().get(INBOX, bram), 200), id))
                .as("a fetched transfer leaves the inbox")
                .isNull();
        assertThat(api().get(TRANSFERS + "/" + id, tokens().user("carla.cmd-waalre"))
                        .status())
                .as("another organisation does not learn it exists")
                .isEqualTo(404);
        assertThat(api().get(TRANSFERS + "/" + id, tokens().user("anna.plusteam"))
                        .status())
                .as("not even the sender")
                .isEqualTo(404);
    }

    @Test
    void cmdWaalrePushesAnEscalationToThePlusTeamWithoutConsentAndNothingIsStored() {
        String bsn = freshBsn();
        int before = transferCount(dataSource);
        Api.Response r = api().post(
                        TRANSFERS, tokens().user("carla.cmd-waalre"), Api.json(escalation(bsn, "BSN", "CASE_NOTES")));
        JsonNode problem = ok(r, 403);
        assertThat(problem.path("type").asString()).isEqualTo("urn:deelpoort:problem:disclosure-denied");
        assertThat(codes(problem)).contains("CONSENT_MISSING");
        long seq = problem.path("disclosureId").asLong();
        assertThat(r.header("X-Disclosure-Id")).isEqualTo(Long.toString(seq));
        LogEntry logged = entry(dataSource, seq);
        assertThat(logged.kind()).isEqualTo(EntryKind.TRANSFER);
        assertThat(logged.decision()).isEqualTo("DENY");
        assertThat(logged.referenceId()).as("no transfer exists to refer to").isNull();
        assertThat(transferCount(dataSource)).isEqualTo(before);
        assertThat(r.body()).doesNotContain(bsn, "journaal");
    }

    @Test
    void cmdWaalrePushesAnEscalationToThePlusTeamWithConsentAndOnlyReleasedSectionsAreStored() {
        String bsn = freshBsn();
        String carla = tokens().user("carla.cmd-waalre");
        Map<String, Object> consent = new LinkedHashMap<>();
        consent.put(
                "subject",
                Map.of("bsn", bsn, "birthDate", LocalDate.now().minusYears(40).toString()));
        consent.put("givenBy", List.of(Map.of("role", "SUBJECT")));
        consent.put("purposes", List.of("ESCALATION"));
        consent.put("recipients", List.of("plusteam"));
        consent.put("holders", List.of("gemeente-waalre"));
        consent.put("categories", List.of("BSN", "PERSONALIA", "CASE_NOTES"));
        consent.put("method", "WRITTEN");
        consent.put("evidenceReference", "scan-2026-0042");
        ok(api().post("/api/v1/consents", carla, Api.json(consent)), 201);

        JsonNode created = ok(
                api().post(
                                TRANSFERS,
                                carla,
                                Api.json(escalation(bsn, "BSN", "PERSONALIA", "CASE_NOTES", "HEALTH", "SAFETY"))),
                201);
        assertThat(created.path("decision").asString()).isEqualTo("PARTIAL");
        assertThat(strings(created.path("released"))).containsExactly("BSN", "PERSONALIA", "CASE_NOTES");
        List<String> withheld = new java.util.ArrayList<>();
        created.path("withheld").forEach(w -> withheld.add(w.path("category").asString()));
        assertThat(withheld).containsExactlyInAnyOrder("HEALTH", "SAFETY");
        String id = created.path("transferId").asString();

        byte[] stored = new JdbcTemplate(dataSource)
                .queryForObject("SELECT ciphertext FROM transfer WHERE id = ?::uuid", byte[].class, id);
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1))
                .as("encrypted at rest")
                .doesNotContain(bsn, "journaal", "PERSONALIA");

        String anna = tokens().user("anna.plusteam");
        assertThat(findTransfer(ok(api().get(INBOX, anna), 200), id)).isNotNull();
        JsonNode t = ok(api().get(TRANSFERS + "/" + id, anna), 200);
        assertThat(names(t.path("data"))).containsExactlyInAnyOrder("BSN", "PERSONALIA", "CASE_NOTES");
        assertThat(t.toString()).doesNotContain("gezondheid", "signaal");
        LogEntry receipt = entry(dataSource, t.path("receiptId").asLong());
        assertThat(receipt.kind()).isEqualTo(EntryKind.RECEIPT);
        assertThat(receipt.referenceId()).isEqualTo(created.path("disclosureId").asString());
        assertThat(receipt.categoriesReleased()).containsExactly("BSN", "PERSONALIA", "CASE_NOTES");
    }

    @Test
    void plusTeamProfessionalReportsToVeiligThuisAsAConfidentialEntry() {
        String bsn = freshBsn();
        JsonNode created = ok(
                api().post(
                                TRANSFERS,
                                tokens().user("anna.plusteam"),
                                Api.json(push(
                                        bsn,
                                        "SAFETY_REPORT",
                                        "CARE_PROVIDER",
                                        "veilig-thuis",
                                        "SAFETY_INVESTIGATION",
                                        Map.of(
                                                "BSN", bsn,
                                                "SAFETY", Map.of("signal", "zorgen over veiligheid kinderen"),
                                                "CASE_NOTES", List.of(Map.of("note", "melding na huisbezoek")))))),
                201);
        assertThat(created.path("flow").asString()).isEqualTo("F5");
        assertThat(created.path("confidential").asBoolean()).isTrue();
        assertThat(entry(dataSource, created.path("disclosureId").asLong()).confidential())
                .isTrue();

        String fleur = tokens().user("fleur.veiligthuis");
        String id = created.path("transferId").asString();
        JsonNode item = findTransfer(ok(api().get(INBOX, fleur), 200), id);
        assertThat(item).isNotNull();
        assertThat(item.path("confidential").asBoolean()).isTrue();
        JsonNode t = ok(api().get(TRANSFERS + "/" + id, fleur), 200);
        assertThat(t.path("data").path("SAFETY").path("signal").asString()).startsWith("zorgen");
        assertThat(entry(dataSource, t.path("receiptId").asLong()).confidential())
                .isTrue();
    }

    @Test
    void veiligThuisInAdviceRolePullsAndGetsNoIdentifyingCategories() {
        Api.Response r = api().post(
                        DISCLOSURES,
                        tokens().user("fleur.veiligthuis"),
                        Api.json(pull(
                                FATIMA,
                                "SAFETY_CONSULTATION",
                                "SAFETY_ADVICE",
                                "plusteam",
                                "BSN",
                                "PERSONALIA",
                                "HOUSEHOLD",
                                "ASSESSMENT",
                                "SAFETY")));
        JsonNode d = ok(r, 200);
        assertThat(d.path("flow").asString()).isEqualTo("F7");
        assertThat(strings(d.path("released"))).containsExactly("ASSESSMENT", "SAFETY");
        assertThat(names(d.path("data"))).containsExactlyInAnyOrder("ASSESSMENT", "SAFETY");
        assertThat(r.body()).as("nothing that points at Fatima").doesNotContain(FATIMA, "El Amrani", "999990081");
        assertThat(d.path("confidential").asBoolean()).isTrue();
    }

    @Test
    void certifiedInstitutionPullsUnderAMeasureAndNotWithoutOne() {
        String child = freshBsn();
        String birthDate = LocalDate.now().minusYears(9).minusDays(40).toString();
        String eva = tokens().user("eva.gi");
        Map<String, Object> question = pull(
                child, "CHILD_PROTECTION", "CHILD_PROTECTION", "plusteam", "BSN", "HOUSEHOLD", "SAFETY", "CASE_NOTES");
        Api.Response without = api().post(DISCLOSURES, eva, Api.json(question));
        assertThat(without.status()).as(without.body()).isEqualTo(403);
        assertThat(without.json().path("disclosureId").isNumber()).isTrue();
        assertThat(without.header("X-Disclosure-Id"))
                .isEqualTo(without.json().path("disclosureId").asString());

        Map<String, Object> measure = new LinkedHashMap<>();
        measure.put("subject", Map.of("bsn", child, "birthDate", birthDate));
        measure.put("type", "OTS");
        measure.put("courtReference", "C/01/412345 / JE RK 26-1234");
        measure.put("validFrom", LocalDate.now().toString());
        measure.put("validUntil", LocalDate.now().plusYears(1).toString());
        String measureId = ok(api().post("/api/v1/measures", eva, Api.json(measure)), 201)
                .path("id")
                .asString();

        JsonNode d = ok(api().post(DISCLOSURES, eva, Api.json(question)), 200);
        assertThat(d.path("decision").asString()).isEqualTo("PERMIT");
        assertThat(d.path("flow").asString()).isEqualTo("F8");
        assertThat(d.path("measureId").asString()).isEqualTo(measureId);
        List<String> released = strings(d.path("released"));
        assertThat(released).containsExactly("BSN", "HOUSEHOLD", "CASE_NOTES", "SAFETY");
        // A fresh subject gets the stub's synthetic file, which has no SAFETY section: released
        // sections the file lacks are simply absent.
        assertThat(names(d.path("data"))).isSubsetOf(released).contains("BSN", "HOUSEHOLD", "CASE_NOTES");
        assertThat(entry(dataSource, d.path("disclosureId").asLong()).measureId())
                .isEqualTo(measureId);
    }

    @Test
    void topicusTriesToPullAndIsRefused() {
        String bsn = freshBsn();
        Api.Response r = api().post(
                        DISCLOSURES,
                        tokens().user("ivo.topicus"),
                        Api.json(pull(bsn, "ACCOUNTABILITY", "MUNICIPAL_ACCESS", "plusteam", "BSN", "CARE_DEPLOYED")));
        assertThat(r.status()).as(r.body()).isEqualTo(403);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertFileSystemNotAskedFor(bsn);
    }

    @Test
    void aPrivacyOfficerTriesToPullAndIsRefused() {
        String bsn = freshBsn();
        Api.Response r = api().post(
                        DISCLOSURES,
                        tokens().user("gert.fg"),
                        Api.json(pull(bsn, "ACCOUNTABILITY", "MUNICIPAL_ACCESS", "plusteam", "BSN", "CARE_DEPLOYED")));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().path("type").asString()).isEqualTo("urn:deelpoort:problem:forbidden");
        assertFileSystemNotAskedFor(bsn);
    }

    private static Map<String, Object> escalation(String bsn, String... categories) {
        Map<String, Object> payload = new LinkedHashMap<>();
        for (String c : categories) {
            payload.put(
                    c,
                    switch (c) {
                        case "BSN" -> bsn;
                        case "PERSONALIA" -> Map.of("givenNames", "Sem", "surname", "de Vries");
                        case "CASE_NOTES" -> List.of(Map.of("note", "journaal: gesprek met moeder"));
                        case "HEALTH" -> Map.of("note", "gezondheid: angstklachten");
                        case "SAFETY" -> Map.of("note", "signaal: ruzies thuis");
                        default -> Map.of("note", c);
                    });
        }
        return push(bsn, "ESCALATION", "MUNICIPAL_ACCESS", "plusteam", "ADVISOR", payload);
    }

    private static JsonNode findTransfer(JsonNode inbox, String id) {
        for (JsonNode t : inbox.path("transfers")) {
            if (t.path("transferId").asString().equals(id)) {
                return t;
            }
        }
        return null;
    }

    private static void assertFileSystemNotAskedFor(String bsn) {
        TestServices.get()
                .caseFiles()
                .server()
                .verify(
                        0,
                        postRequestedFor(urlPathEqualTo(STUB_PLUSTEAM))
                                .withRequestBody(matchingJsonPath("$.bsn", equalTo(bsn))));
    }
}
