package nl.deelpoort.gateway.grounds;

import static nl.deelpoort.gateway.grounds.GroundsFixtures.EVALUATE;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.bornYearsAgo;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.codes;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.decisionCodes;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.escalationConsent;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.escalationQuestion;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.fields;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.freshBsn;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.giver;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.ok;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.strings;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.today;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import nl.deelpoort.gateway.logstore.SubjectPseudonyms;
import nl.deelpoort.gateway.support.Api;
import nl.deelpoort.gateway.support.IntegrationTest;
import nl.deelpoort.ledger.EntryKind;
import nl.deelpoort.ledger.LogEntry;
import nl.deelpoort.ledger.LogEntryCodec;
import nl.deelpoort.policy.Bsn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Consent through the API with real tokens, against the real PostgreSQL: scenarios, rules, access. */
class ConsentIT extends IntegrationTest {

    private static final String CONSENTS = "/api/v1/consents";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SubjectPseudonyms pseudonyms;

    private String carla() {
        return tokens().user("carla.cmd-waalre");
    }

    @Test
    void cmdWaalreEscalatesAHouseholdOnlyWithTheConsentOfTheDaughterAndHerMother() {
        String daughter = freshBsn();
        String born = bornYearsAgo(14);

        JsonNode before = ok(api().post(EVALUATE, carla(), Api.json(escalationQuestion(daughter))), 200);
        assertThat(before.path("decision").asString()).isEqualTo("DENY");
        assertThat(decisionCodes(before)).contains("CONSENT_MISSING");

        Api.Response motherAlone = api().post(
                        CONSENTS,
                        carla(),
                        Api.json(escalationConsent(daughter, born, List.of(giver("PARENT_WITH_AUTHORITY")))));
        assertThat(motherAlone.status()).isEqualTo(422);
        assertThat(codes(motherAlone.json())).containsExactly("CONSENT_GIVER_NOT_COMPETENT");
        assertThat(fields(motherAlone.json())).containsExactly("givenBy");
        assertThat(motherAlone.body()).doesNotContain(daughter);

        Api.Response given = api().post(
                        CONSENTS,
                        carla(),
                        Api.json(escalationConsent(
                                daughter,
                                born,
                                List.of(
                                        giver("SUBJECT"),
                                        Map.of("role", "PARENT_WITH_AUTHORITY", "name", "M. de Vries")))));
        JsonNode consent = ok(given, 201);
        String id = consent.path("id").asString();
        assertThat(consent.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(consent.path("validFrom").asString()).isEqualTo(today().toString());
        assertThat(consent.path("validUntil").asString())
                .as("default validity of the framework: twelve months")
                .isEqualTo(today().plusMonths(12).toString());
        assertThat(given.header("Location")).isEqualTo("/api/v1/consents/" + id);
        assertThat(given.header("X-Disclosure-Id"))
                .isEqualTo(consent.path("disclosureId").asString());
        assertThat(given.body()).doesNotContain(daughter);

        JsonNode permitted = ok(api().post(EVALUATE, carla(), Api.json(escalationQuestion(daughter))), 200);
        assertThat(permitted.path("decision").asString()).isEqualTo("PERMIT");
        assertThat(permitted.path("flow").asString()).isEqualTo("F1");
        assertThat(permitted.path("consentId").asString()).isEqualTo(id);

        JsonNode withdrawn = ok(
                api().post(
                                CONSENTS + "/" + id + "/withdrawal",
                                carla(),
                                Api.json(Map.of(
                                        "reason",
                                        "Moeder trekt toestemming in",
                                        "withdrawnBy",
                                        giver("PARENT_WITH_AUTHORITY")))),
                200);
        assertThat(withdrawn.path("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(events(withdrawn)).containsExactly("GIVEN", "WITHDRAWN");

        JsonNode after = ok(api().post(EVALUATE, carla(), Api.json(escalationQuestion(daughter))), 200);
        assertThat(after.path("decision").asString()).isEqualTo("DENY");
        assertThat(decisionCodes(after)).contains("CONSENT_WITHDRAWN");

        Api.Response again = api().post(
                        CONSENTS + "/" + id + "/withdrawal",
                        carla(),
                        Api.json(Map.of("reason", "nogmaals", "withdrawnBy", giver("SUBJECT"))));
        assertThat(again.status()).isEqualTo(409);

        JsonNode found = ok(
                api().post(CONSENTS + "/search", carla(), Api.json(Map.of("subject", Map.of("bsn", daughter)))), 200);
        assertThat(found.path("consents").size()).isEqualTo(1);
        JsonNode only = found.path("consents").get(0);
        assertThat(only.path("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(events(only)).containsExactly("GIVEN", "WITHDRAWN");
        assertThat(only.path("givenBy").toString()).contains("M. de Vries");
    }

    @Test
    void givenAndWithdrawnAreLoggedUnderThePseudonymAndTheBsnIsStoredNowhere() {
        String bsn = freshBsn();
        JsonNode consent = ok(
                api().post(
                                CONSENTS,
                                carla(),
                                Api.json(escalationConsent(bsn, bornYearsAgo(40), List.of(giver("SUBJECT"))))),
                201);
        String id = consent.path("id").asString();
        JsonNode withdrawn = ok(
                api().post(
                                CONSENTS + "/" + id + "/withdrawal",
                                carla(),
                                Api.json(Map.of("reason", "wil het niet meer", "withdrawnBy", giver("SUBJECT")))),
                200);
        String pseudonym = pseudonyms.existingPseudonym(Bsn.of(bsn)).orElseThrow();

        Map<String, Object> given = logEntry(consent.path("disclosureId").asLong());
        assertThat(given.get("kind")).isEqualTo("CONSENT_GIVEN");
        assertThat(given.get("subject_pseudonym")).isEqualTo(pseudonym);
        assertThat(given.get("consent_id")).isEqualTo(id);
        assertThat(given.get("requesting_organisation")).isEqualTo("gemeente-waalre");
        Map<String, Object> gone =
                logEntry(withdrawn.path("history").get(1).path("disclosureId").asLong());
        assertThat(gone.get("kind")).isEqualTo("CONSENT_WITHDRAWN");
        assertThat(gone.get("consent_id")).isEqualTo(id);
        for (Map<String, Object> entry : List.of(given, gone)) {
            assertThat(new String((byte[]) entry.get("canonical"), StandardCharsets.UTF_8))
                    .doesNotContain(bsn)
                    .doesNotContain("wil het niet meer");
        }
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM consent c JOIN consent_withdrawal w ON w.consent_id = c.id"
                                + " WHERE c.id = ?::uuid AND c.subject_pseudonym = ?",
                        Long.class,
                        id,
                        pseudonym))
                .isEqualTo(1L);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM consent WHERE array_to_string(given_by_names, ',') LIKE ?"
                                + " OR subject_pseudonym LIKE ? OR evidence_reference LIKE ?",
                        Long.class,
                        "%" + bsn + "%",
                        "%" + bsn + "%",
                        "%" + bsn + "%"))
                .isZero();
    }

    @Test
    void aGroundEventIsLoggedInTheTraceOfTheRequestThatCausedIt() {
        Api.Response given = api().post(
                        CONSENTS,
                        carla(),
                        Api.json(escalationConsent(freshBsn(), bornYearsAgo(40), List.of(giver("SUBJECT")))));
        assertThat(given.status()).as(given.body()).isEqualTo(201);
        String[] traceparent = given.header("traceparent").split("-");
        LogEntry entry = LogEntryCodec.decode((byte[])
                logEntry(Long.parseLong(given.header("X-Disclosure-Id"))).get("canonical"));
        assertThat(entry.kind()).isEqualTo(EntryKind.CONSENT_GIVEN);
        assertThat(entry.traceId()).isEqualTo(traceparent[1]);
        assertThat(entry.spanId()).isEqualTo(traceparent[2]);
    }

    @Test
    void everyBrokenRuleIsNamedWithItsFieldAndPolicyCode() {
        String bsn = freshBsn();
        String adult = bornYearsAgo(40);
        record Case(String name, Consumer<Map<String, Object>> change, String field, String code) {}
        List<Case> cases = List.of(
                new Case(
                        "BSN fails the 11-check",
                        b -> b.put("subject", Map.of("bsn", "123456789", "birthDate", adult)),
                        "subject.bsn",
                        null),
                new Case("birth date missing", b -> b.put("subject", Map.of("bsn", bsn)), "subject.birthDate", null),
                new Case(
                        "birth date in the future",
                        b -> b.put(
                                "subject",
                                Map.of(
                                        "bsn",
                                        bsn,
                                        "birthDate",
                                        today().plusDays(1).toString())),
                        "subject.birthDate",
                        null),
                new Case(
                        "child under 12 consenting alone",
                        b -> {
                            b.put("subject", Map.of("bsn", bsn, "birthDate", bornYearsAgo(10)));
                            b.put("givenBy", List.of(giver("SUBJECT")));
                        },
                        "givenBy",
                        "CONSENT_GIVER_NOT_COMPETENT"),
                new Case(
                        "16-year-old's parent alone",
                        b -> {
                            b.put("subject", Map.of("bsn", bsn, "birthDate", bornYearsAgo(16)));
                            b.put("givenBy", List.of(giver("PARENT_WITH_AUTHORITY")));
                        },
                        "givenBy",
                        "CONSENT_GIVER_NOT_COMPETENT"),
                new Case("no giver", b -> b.put("givenBy", List.of()), "givenBy", null),
                new Case("unknown purpose", b -> b.put("purposes", List.of("GOSSIP")), "purposes[0]", null),
                new Case(
                        "purpose without a consent-based flow",
                        b -> b.put("purposes", List.of("PROVISION_APPLICATION")),
                        "purposes[0]",
                        null),
                new Case("unknown recipient", b -> b.put("recipients", List.of("nobody")), "recipients[0]", null),
                new Case(
                        "recipient no consent-based flow reaches",
                        b -> b.put("recipients", List.of("plusteam", "veilig-thuis")),
                        "recipients[1]",
                        null),
                new Case("holder outside the flows", b -> b.put("holders", List.of("plusteam")), "holders[0]", null),
                new Case(
                        "category no consent-based flow releases",
                        b -> b.put("categories", List.of("BSN", "HEALTH")),
                        "categories[1]",
                        null),
                new Case(
                        "longer than the framework maximum",
                        b -> {
                            b.put("validFrom", today().toString());
                            b.put(
                                    "validUntil",
                                    today().plusMonths(12).plusDays(1).toString());
                        },
                        "validUntil",
                        "CONSENT_VALIDITY_INVALID"),
                new Case(
                        "ends before it starts",
                        b -> {
                            b.put("validFrom", today().toString());
                            b.put("validUntil", today().minusDays(1).toString());
                        },
                        "validUntil",
                        "CONSENT_VALIDITY_INVALID"),
                new Case("not a date", b -> b.put("validFrom", "22-11-2026"), "validFrom", null),
                new Case("no method", b -> b.remove("method"), "method", null));
        for (Case c : cases) {
            Map<String, Object> body =
                    new java.util.LinkedHashMap<>(escalationConsent(bsn, adult, List.of(giver("SUBJECT"))));
            c.change().accept(body);
            Api.Response r = api().post(CONSENTS, carla(), Api.json(body));
            assertThat(r.status()).as(c.name() + ": " + r.body()).isEqualTo(422);
            assertThat(r.contentType()).as(c.name()).startsWith("application/problem+json");
            assertThat(fields(r.json())).as(c.name()).contains(c.field());
            if (c.code() != null) {
                assertThat(codes(r.json())).as(c.name()).contains(c.code());
                assertThat(r.json().path("reasons").get(0).path("message_nl").asString())
                        .as(c.name())
                        .isNotBlank();
            }
            assertThat(r.body()).as(c.name()).doesNotContain(bsn);
        }
        assertThat(pseudonyms.existingPseudonym(Bsn.of(bsn)))
                .as("a refused consent leaves no trace of the subject")
                .isEmpty();
    }

    @Test
    void theRecorderMustBeAPartyToAConsentBasedFlowForTheScope() {
        // Porthos is neither a municipality (holder under F1) nor the PlusTeam (recipient).
        Map<String, Object> body = escalationConsent(freshBsn(), bornYearsAgo(40), List.of(giver("SUBJECT")));
        body.remove("holders");
        Api.Response r = api().post(CONSENTS, tokens().user("dirk.porthos"), Api.json(body));
        assertThat(r.status()).isEqualTo(422);
        assertThat(fields(r.json())).containsExactly("recipients");
        assertThat(r.json().path("detail").asString()).contains("porthos");

        // The PlusTeam records it as the recipient: fine.
        Api.Response recipient = api().post(CONSENTS, tokens().user("anna.plusteam"), Api.json(body));
        assertThat(recipient.status()).as(recipient.body()).isEqualTo(201);
    }

    @Test
    void onlyProfessionalsRecordConsent() {
        String body = Api.json(escalationConsent(freshBsn(), bornYearsAgo(40), List.of(giver("SUBJECT"))));
        for (String token : List.of(
                tokens().user("jan.inwoner"),
                tokens().user("hanna.fg"),
                tokens().user("kees.beheer"),
                tokens().system("gemeente-waalre"))) {
            Api.Response r = api().post(CONSENTS, token, body);
            assertThat(r.status()).as(r.body()).isEqualTo(403);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
        assertThat(api().post(CONSENTS, null, body).status()).isEqualTo(401);
    }

    @Test
    void organisationsSeeOnlyConsentsTheyRecordedOrThatNameThem() {
        String bsn = freshBsn();
        String id = ok(
                        api().post(
                                        CONSENTS,
                                        carla(),
                                        Api.json(escalationConsent(bsn, bornYearsAgo(40), List.of(giver("SUBJECT"))))),
                        201)
                .path("id")
                .asString();
        String search = Api.json(Map.of("subject", Map.of("bsn", bsn)));

        assertThat(api().get(CONSENTS + "/" + id, carla()).status()).isEqualTo(200);
        assertThat(api().get(CONSENTS + "/" + id, tokens().user("anna.plusteam"))
                        .status())
                .as("named recipient")
                .isEqualTo(200);
        assertThat(api().get(CONSENTS + "/" + id, tokens().user("hanna.fg")).status())
                .as("privacy officer of the recipient")
                .isEqualTo(200);

        String bram = tokens().user("bram.cmd-gm");
        assertThat(api().get(CONSENTS + "/" + id, bram).status()).isEqualTo(404);
        assertThat(ok(api().post(CONSENTS + "/search", bram, search), 200)
                        .path("consents")
                        .size())
                .isZero();
        assertThat(api().post(
                                CONSENTS + "/" + id + "/withdrawal",
                                bram,
                                Api.json(Map.of("reason", "x", "withdrawnBy", giver("SUBJECT"))))
                        .status())
                .isEqualTo(404);
        assertThat(ok(api().post(CONSENTS + "/search", tokens().user("anna.plusteam"), search), 200)
                        .path("consents")
                        .size())
                .isEqualTo(1);
        assertThat(api().post(CONSENTS + "/search", tokens().user("jan.inwoner"), search)
                        .status())
                .isEqualTo(403);
    }

    @Test
    void unknownIdsAndUnknownSubjectsAreNotFoundAndLeaveNoTrace() {
        assertThat(api().get(CONSENTS + "/" + UUID.randomUUID(), carla()).status())
                .isEqualTo(404);
        assertThat(api().get(CONSENTS + "/not-a-uuid", carla()).status()).isEqualTo(404);
        String bsn = freshBsn();
        JsonNode found =
                ok(api().post(CONSENTS + "/search", carla(), Api.json(Map.of("subject", Map.of("bsn", bsn)))), 200);
        assertThat(found.path("consents").size()).isZero();
        assertThat(pseudonyms.existingPseudonym(Bsn.of(bsn))).isEmpty();
        Api.Response bad = api().post(CONSENTS + "/search", carla(), Api.json(Map.of("subject", Map.of("bsn", "123"))));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(fields(bad.json())).containsExactly("subject.bsn");
    }

    @Test
    void aConsentStartingLaterIsNotYetValidAndDoesNotPermit() {
        String bsn = freshBsn();
        Map<String, Object> body = escalationConsent(bsn, bornYearsAgo(40), List.of(giver("SUBJECT")));
        body.put("validFrom", today().plusDays(10).toString());
        JsonNode consent = ok(api().post(CONSENTS, carla(), Api.json(body)), 201);
        assertThat(consent.path("status").asString()).isEqualTo("NOT_YET_VALID");
        assertThat(consent.path("validUntil").asString())
                .isEqualTo(today().plusDays(10).plusMonths(12).toString());
        JsonNode d = ok(api().post(EVALUATE, carla(), Api.json(escalationQuestion(bsn))), 200);
        assertThat(d.path("decision").asString()).isEqualTo("DENY");
        assertThat(decisionCodes(d)).contains("CONSENT_NOT_YET_VALID");
    }

    @Test
    void aConsentCoversOnlyItsCategories() {
        String bsn = freshBsn();
        Map<String, Object> body = escalationConsent(bsn, bornYearsAgo(40), List.of(giver("SUBJECT")));
        body.put("categories", List.of("BSN", "PERSONALIA"));
        ok(api().post(CONSENTS, carla(), Api.json(body)), 201);
        JsonNode d = ok(api().post(EVALUATE, carla(), Api.json(escalationQuestion(bsn))), 200);
        assertThat(d.path("decision").asString()).isEqualTo("PARTIAL");
        assertThat(strings(d.path("released"))).containsExactly("BSN", "PERSONALIA");
        assertThat(decisionCodes(d)).contains("CONSENT_SCOPE");
    }

    private Map<String, Object> logEntry(long seq) {
        return jdbc.queryForMap(
                "SELECT kind, subject_pseudonym, consent_id, requesting_organisation, canonical FROM log_entry"
                        + " WHERE seq = ?",
                seq);
    }

    private static List<String> events(JsonNode consent) {
        List<String> events = new ArrayList<>();
        consent.path("history").forEach(e -> events.add(e.path("event").asString()));
        return events;
    }
}
