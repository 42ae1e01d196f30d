package nl.deelpoort.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import nl.deelpoort.gateway.audit.report.ReportFixtures;
import nl.deelpoort.gateway.logstore.SubjectPseudonyms;
import nl.deelpoort.gateway.support.Api;
import nl.deelpoort.gateway.support.IntegrationTest;
import nl.deelpoort.policy.Bsn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Leak 3, existence oracles: nothing an officer of Geldrop-Mierlo (gert.fg) gets back, his own audit
 * entries included, tells whether the PlusTeam processed a BSN. A BSN only the PlusTeam processed
 * answers exactly like a BSN nobody processed.
 */
class AuditOraclesIT extends IntegrationTest {

    @Autowired
    SubjectPseudonyms pseudonyms;

    /** A subject only the PlusTeam and Veilig Thuis processed: a confidential report. */
    private String plusteamOnly() {
        String bsn = ReportFixtures.freshBsn();
        ReportFixtures.reportToVeiligThuis(api(), tokens().user("anna.plusteam"), bsn);
        assertThat(pseudonyms.existingPseudonym(Bsn.of(bsn))).isPresent();
        return bsn;
    }

    private Api.Response post(String user, String path, Object body) {
        Api.Response r = api().post(path, tokens().user(user), Api.json(body));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r;
    }

    /** The officer's own AUDIT_QUERY entry, as he reads it through the log. */
    private JsonNode ownEntry(String user, Api.Response answer) {
        long seq = Long.parseLong(answer.header("X-Disclosure-Id"));
        Api.Response r = api().get("/api/v1/log/entries/" + seq, tokens().user(user));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("redacted").asBoolean()).isFalse();
        return r.json().path("entry");
    }

    @Test
    void theTimelineSaysSubjectKnownOnlyForTheOfficersOwnOrganisation() {
        String bsn = plusteamOnly();
        String never = ReportFixtures.freshBsn();
        Map<String, Object> body = Map.of("subject", Map.of("bsn", bsn));

        Api.Response gert = post("gert.fg", "/api/v1/audit/timeline", body);
        assertThat(gert.json().path("subjectKnown").asBoolean()).isFalse();
        assertThat(gert.json().path("events").size()).isZero();
        JsonNode gertsEntry = ownEntry("gert.fg", gert);
        assertThat(gertsEntry.has("subjectPseudonym"))
                .as("his own entry must not reveal that someone else processed the BSN")
                .isFalse();
        assertThat(gertsEntry.path("attributes").path("subject").asString()).isEqualTo("given");

        Api.Response nobody = post("gert.fg", "/api/v1/audit/timeline", Map.of("subject", Map.of("bsn", never)));
        assertThat(nobody.json().path("subjectKnown").asBoolean()).isFalse();
        assertThat(ownEntry("gert.fg", nobody).has("subjectPseudonym")).isFalse();
        assertThat(pseudonyms.existingPseudonym(Bsn.of(never)))
                .as("a look-up creates nothing")
                .isEmpty();

        Api.Response hanna = post("hanna.fg", "/api/v1/audit/timeline", body);
        assertThat(hanna.json().path("subjectKnown").asBoolean()).isTrue();
        assertThat(ownEntry("hanna.fg", hanna).path("subjectPseudonym").asString())
                .isEqualTo(pseudonyms.existingPseudonym(Bsn.of(bsn)).orElseThrow());
        for (Api.Response r : new Api.Response[] {gert, nobody, hanna}) {
            assertThat(r.body()).doesNotContain(bsn, never);
        }
    }

    @Test
    void searchAndSubjectAccessReportLogNoPseudonymOfASubjectOnlyOthersProcessed() {
        String bsn = plusteamOnly();
        String pseudonym = pseudonyms.existingPseudonym(Bsn.of(bsn)).orElseThrow();

        Api.Response search =
                post("gert.fg", "/api/v1/audit/disclosures/search", Map.of("subject", Map.of("bsn", bsn)));
        assertThat(search.json().path("hits").size()).isZero();
        assertThat(ownEntry("gert.fg", search).has("subjectPseudonym")).isFalse();

        Api.Response report = post(
                "gert.fg",
                "/api/v1/audit/subject-access-report",
                Map.of("subject", Map.of("bsn", bsn), "format", "json"));
        assertThat(report.json().path("report").path("total").asInt()).isZero();
        JsonNode entry = ownEntry("gert.fg", report);
        assertThat(entry.has("subjectPseudonym")).isFalse();
        Api.Response note = post(
                "gert.fg", "/api/v1/audit/subject-access-report/officer-note", Map.of("subject", Map.of("bsn", bsn)));
        assertThat(note.json().path("confidentialLeftOut").asInt())
                .as("not even a count of another organisation's confidential entries")
                .isZero();
        assertThat(ownEntry("gert.fg", note).has("subjectPseudonym")).isFalse();
        for (Api.Response r : new Api.Response[] {search, report, note}) {
            assertThat(r.body()).doesNotContain(bsn, pseudonym, "plusteam", "veilig-thuis");
        }
    }
}
