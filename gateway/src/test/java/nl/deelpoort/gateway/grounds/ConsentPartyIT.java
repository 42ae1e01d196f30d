package nl.deelpoort.gateway.grounds;

import static nl.deelpoort.gateway.grounds.GroundsFixtures.EVALUATE;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.bornYearsAgo;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.decisionCodes;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.escalationConsent;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.escalationQuestion;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.fields;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.freshBsn;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.giver;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.ok;
import static org.assertj.core.api.Assertions.assertThat;

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
import tools.jackson.databind.JsonNode;

/**
 * A consent is recorded only by an organisation that takes part in every exchange it covers: no
 * organisation can authorise an exchange between two others (issue "Oversight without leaks").
 */
class ConsentPartyIT extends IntegrationTest {

    private static final String CONSENTS = "/api/v1/consents";
    private static final String INVALID = "urn:deelpoort:problem:invalid-request";

    @Autowired
    SubjectPseudonyms pseudonyms;

    /** What geldrop-mierlo would record to let Waalre share with the PlusTeam. */
    private static Map<String, Object> geldropConsent(String bsn, Consumer<Map<String, Object>> change) {
        Map<String, Object> body =
                new LinkedHashMap<>(escalationConsent(bsn, bornYearsAgo(40), List.of(giver("SUBJECT"))));
        body.remove("holders");
        change.accept(body);
        return body;
    }

    @Test
    void aConsentRecordedByAnOrganisationThatTakesNoPartInItIsRefused() {
        String bsn = freshBsn();
        String bram = tokens().user("bram.cmd-gm");

        Api.Response r = api().post(CONSENTS, bram, Api.json(geldropConsent(bsn, b -> {})));

        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.contentType()).startsWith("application/problem+json");
        JsonNode problem = r.json();
        assertThat(problem.path("type").asString()).isEqualTo(INVALID);
        assertThat(fields(problem)).containsExactly("holders");
        assertThat(problem.path("invalidFields").get(0).path("problem").asString())
                .contains("gemeente-geldrop-mierlo")
                .contains("only recipient")
                .contains("only holder");
        assertThat(r.body()).doesNotContain(bsn).doesNotContain("gemeente-waalre");
        assertThat(pseudonyms.existingPseudonym(Bsn.of(bsn)))
                .as("a refused consent leaves no trace of the subject")
                .isEmpty();

        JsonNode d =
                ok(api().post(EVALUATE, tokens().user("carla.cmd-waalre"), Api.json(escalationQuestion(bsn))), 200);
        assertThat(d.path("decision").asString()).isEqualTo("DENY");
        assertThat(decisionCodes(d)).contains("CONSENT_MISSING");
    }

    @Test
    void theExchangeWaalreToPlusteamIsNotAuthorisedByAnythingGeldropMierloCanRecord() {
        String bsn = freshBsn();
        String bram = tokens().user("bram.cmd-gm");
        record Attempt(String name, Consumer<Map<String, Object>> change) {}
        List<Attempt> attempts = List.of(
                new Attempt("no holders named", b -> {}),
                new Attempt("Waalre named as holder", b -> b.put("holders", List.of("gemeente-waalre"))),
                new Attempt(
                        "itself and Waalre as holders",
                        b -> b.put("holders", List.of("gemeente-geldrop-mierlo", "gemeente-waalre"))),
                new Attempt("itself as a second recipient for an MDO", b -> {
                    b.put("purposes", List.of("ESCALATION", "MDO"));
                    b.put("recipients", List.of("plusteam", "gemeente-geldrop-mierlo"));
                    b.put("holders", List.of("gemeente-waalre"));
                }),
                new Attempt("itself as a second recipient, any holder", b -> {
                    b.put("purposes", List.of("ESCALATION", "MDO"));
                    b.put("recipients", List.of("plusteam", "gemeente-geldrop-mierlo"));
                }));
        for (Attempt a : attempts) {
            Api.Response r = api().post(CONSENTS, bram, Api.json(geldropConsent(bsn, a.change())));
            assertThat(r.status()).as(a.name() + ": " + r.body()).isEqualTo(422);
            assertThat(r.json().path("type").asString()).as(a.name()).isEqualTo(INVALID);
            assertThat(fields(r.json())).as(a.name()).containsAnyOf("holders", "recipients");
            assertThat(r.body()).as(a.name()).doesNotContain(bsn);
        }
        assertThat(pseudonyms.existingPseudonym(Bsn.of(bsn))).isEmpty();

        // What it may record: a consent for sharing its own data with the PlusTeam. It does not
        // cover Waalre's data, and Waalre is not told that it exists.
        JsonNode own = ok(
                api().post(
                                CONSENTS,
                                bram,
                                Api.json(geldropConsent(
                                        bsn, b -> b.put("holders", List.of("gemeente-geldrop-mierlo"))))),
                201);
        Api.Response asked = api().post(EVALUATE, tokens().user("carla.cmd-waalre"), Api.json(escalationQuestion(bsn)));
        JsonNode d = ok(asked, 200);
        assertThat(d.path("decision").asString()).isEqualTo("DENY");
        assertThat(decisionCodes(d)).contains("CONSENT_MISSING");
        assertThat(asked.body()).doesNotContain(own.path("id").asString());
    }

    @Test
    void theOnlyRecipientOrTheOnlyNamedHolderStillRecords() {
        String carla = tokens().user("carla.cmd-waalre");
        Map<String, Object> asHolder = escalationConsent(freshBsn(), bornYearsAgo(40), List.of(giver("SUBJECT")));
        assertThat(api().post(CONSENTS, carla, Api.json(asHolder)).status()).isEqualTo(201);

        Map<String, Object> asRecipient = escalationConsent(freshBsn(), bornYearsAgo(40), List.of(giver("SUBJECT")));
        asRecipient.remove("holders");
        Api.Response r = api().post(CONSENTS, tokens().user("anna.plusteam"), Api.json(asRecipient));
        assertThat(r.status()).as(r.body()).isEqualTo(201);

        Map<String, Object> recipientNamingHolders =
                escalationConsent(freshBsn(), bornYearsAgo(40), List.of(giver("SUBJECT")));
        recipientNamingHolders.put("holders", List.of("gemeente-waalre", "gemeente-geldrop-mierlo"));
        Api.Response both = api().post(CONSENTS, tokens().user("anna.plusteam"), Api.json(recipientNamingHolders));
        assertThat(both.status()).as(both.body()).isEqualTo(201);
    }
}
