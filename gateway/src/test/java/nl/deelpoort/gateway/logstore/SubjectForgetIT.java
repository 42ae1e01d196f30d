package nl.deelpoort.gateway.logstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.deelpoort.gateway.audit.report.ReportFixtures;
import nl.deelpoort.gateway.support.Api;
import nl.deelpoort.gateway.support.IntegrationTest;
import nl.deelpoort.ledger.EntryKind;
import nl.deelpoort.ledger.LogEntry;
import nl.deelpoort.ledger.LogEntryCodec;
import nl.deelpoort.ledger.Pseudonyms;
import nl.deelpoort.ledger.merkle.MerkleVerifier;
import nl.deelpoort.policy.Bsn;
import nl.deelpoort.policy.Framework;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Forgetting, per controller (leak 2): an officer unlinks a subject for their own organisation only,
 * and only a subject known to it; the subject's secret is crypto-shredded once every organisation that
 * processed it has unlinked it, while every hash and proof stays valid.
 */
class SubjectForgetIT extends IntegrationTest {

    private static final String FORGET = "/api/v1/audit/subjects/forget";
    private static final String GM = "gemeente-geldrop-mierlo";

    /** A valid test BSN (11-check), not the demo residents', only used in reason texts here. */
    private static final Bsn OTHER = Bsn.of("123456782");

    @Autowired
    SubjectPseudonyms pseudonyms;

    @Autowired
    DisclosureLog log;

    @Autowired
    Checkpointer checkpointer;

    @Autowired
    IntegrityCheck integrity;

    @Autowired
    LogReader reader;

    @Autowired
    LogSettings settings;

    @Autowired
    JdbcTemplate jdbc;

    private Api.Response forget(String user, String bsn, String reason) {
        return api().post(
                        FORGET, tokens().user(user), Api.json(Map.of("subject", Map.of("bsn", bsn), "reason", reason)));
    }

    private LogEntry stored(long seq) {
        return LogEntryCodec.decode(reader.entry(seq).orElseThrow().canonical());
    }

    /** Unlink rows of the BSN, by the same HMAC lookup as the subject secret. */
    private List<String> unlinkedBy(String bsn) {
        byte[] lookup = Pseudonyms.lookupKey(LogKeys.pseudonymKey(settings, true), bsn);
        return jdbc.queryForList(
                "SELECT organisation FROM subject_unlinked WHERE lookup = ? ORDER BY organisation",
                String.class,
                lookup);
    }

    private List<Long> forgottenForAllAfter(long seq) {
        return jdbc.queryForList(
                "SELECT seq FROM log_entry WHERE kind = 'SUBJECT_FORGOTTEN' AND seq > ? AND requesting_organisation IS NULL",
                Long.class,
                seq);
    }

    private JsonNode timeline(String user, String bsn) {
        Api.Response r = api().post(
                        "/api/v1/audit/timeline", tokens().user(user), Api.json(Map.of("subject", Map.of("bsn", bsn))));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private JsonNode report(String user, String bsn) {
        Api.Response r = api().post(
                        "/api/v1/audit/subject-access-report",
                        tokens().user(user),
                        Api.json(Map.of("subject", Map.of("bsn", bsn), "format", "json")));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static List<String> members(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.propertyNames().forEach(out::add);
        return out;
    }

    @Test
    void eachOrganisationUnlinksForItselfAndTheLastOneShredsTheSubject() {
        // The PlusTeam advises Geldrop-Mierlo: both organisations processed the subject.
        String bsn = ReportFixtures.freshBsn();
        long advice = ReportFixtures.pushAdvice(api(), tokens().user("anna.plusteam"), bsn)
                .path("disclosureId")
                .asLong();
        String before = pseudonyms.existingPseudonym(Bsn.of(bsn)).orElseThrow();
        assertThat(report("gert.fg", bsn).path("report").path("total").asInt()).isEqualTo(1);
        LogReader.StoredCheckpoint older = checkpointer.checkpointNow();

        // Geldrop-Mierlo forgets: unlinked for Geldrop-Mierlo only.
        Api.Response gert = forget("gert.fg", bsn, "erasure request");
        assertThat(gert.status()).as(gert.body()).isEqualTo(200);
        assertThat(members(gert.json())).containsExactly("forgotten", "disclosureId");
        assertThat(gert.json().path("forgotten").asBoolean()).isTrue();
        long gertSeq = gert.json().path("disclosureId").asLong();
        assertThat(gert.header("X-Disclosure-Id")).isEqualTo(Long.toString(gertSeq));
        assertThat(gert.body()).doesNotContain(bsn, "plusteam");

        LogEntry gertsEntry = stored(gertSeq);
        assertThat(gertsEntry.kind()).isEqualTo(EntryKind.SUBJECT_FORGOTTEN);
        assertThat(gertsEntry.requestingOrganisation()).isEqualTo(GM);
        assertThat(gertsEntry.subjectPseudonym()).isEqualTo(before);
        assertThat(gertsEntry.attributes()).containsExactlyEntriesOf(Map.of("reason", "erasure request"));
        assertThat(new String(reader.entry(gertSeq).orElseThrow().canonical(), StandardCharsets.UTF_8))
                .doesNotContain(bsn);

        assertThat(pseudonyms.existingPseudonym(Bsn.of(bsn)))
                .as("the PlusTeam still processes it")
                .contains(before);
        assertThat(unlinkedBy(bsn)).containsExactly(GM);
        assertThat(forgottenForAllAfter(gertSeq)).isEmpty();

        // For Geldrop-Mierlo the subject is gone; for the PlusTeam nothing changed.
        JsonNode gertTimeline = timeline("gert.fg", bsn);
        assertThat(gertTimeline.path("subjectKnown").asBoolean()).isFalse();
        assertThat(gertTimeline.path("events").size()).isZero();
        assertThat(report("gert.fg", bsn).path("report").path("total").asInt()).isZero();
        JsonNode hannaTimeline = timeline("hanna.fg", bsn);
        assertThat(hannaTimeline.path("subjectKnown").asBoolean()).isTrue();
        assertThat(hannaTimeline.path("events").toString()).contains("\"seq\":" + advice);
        assertThat(report("hanna.fg", bsn).path("report").path("total").asInt()).isEqualTo(1);

        // A second forget by Geldrop-Mierlo: no longer known to it.
        long size = reader.size();
        assertThat(forget("gert.fg", bsn, "erasure request").status()).isEqualTo(404);
        assertThat(reader.size()).isEqualTo(size);

        // The PlusTeam forgets too: the last organisation, so the secret is destroyed for everyone.
        Api.Response hanna = forget("hanna.fg", bsn, "retention ended");
        assertThat(hanna.status()).as(hanna.body()).isEqualTo(200);
        assertThat(members(hanna.json())).as("the same answer as an unlinking").isEqualTo(members(gert.json()));
        long hannaSeq = hanna.json().path("disclosureId").asLong();
        assertThat(stored(hannaSeq).requestingOrganisation()).isEqualTo("plusteam");
        assertThat(stored(hannaSeq).subjectPseudonym()).isEqualTo(before);

        List<Long> forAll = forgottenForAllAfter(hannaSeq);
        assertThat(forAll).hasSize(1);
        LogEntry shred = stored(forAll.get(0));
        assertThat(shred.kind()).isEqualTo(EntryKind.SUBJECT_FORGOTTEN);
        assertThat(shred.attributes()).containsExactlyEntriesOf(Map.of("scope", "all"));
        assertThat(shred.subjectPseudonym()).isNull();
        assertThat(shred.requestingOrganisation()).isNull();
        assertThat(shred.holder()).isNull();
        assertThat(shred.recipient()).isNull();
        assertThat(shred.user()).isNull();
        Api.Response seen = api().get("/api/v1/log/entries/" + shred.seq(), tokens().user("hanna.fg"));
        assertThat(seen.json().path("redacted").asBoolean())
                .as("no officer reads it")
                .isTrue();

        assertThat(pseudonyms.existingPseudonym(Bsn.of(bsn))).isEmpty();
        assertThat(unlinkedBy(bsn)).as("nothing keyed by the BSN is left").isEmpty();
        assertThat(timeline("hanna.fg", bsn).path("subjectKnown").asBoolean()).isFalse();
        String after = pseudonyms.pseudonym(Bsn.of(bsn));
        assertThat(after).isNotEqualTo(before);

        // The old entries are unchanged, still proven in the new tree, and the log only grew.
        LogReader.StoredCheckpoint newer = checkpointer.checkpointNow();
        LogReader.InclusionProof p = reader.inclusionProof(advice, newer.treeSize());
        assertThat(MerkleVerifier.verifyInclusion(advice, newer.treeSize(), p.leafHash(), p.hashes(), newer.rootHash()))
                .isTrue();
        LogReader.ConsistencyProof c = reader.consistencyProof(older.treeSize(), newer.treeSize());
        assertThat(MerkleVerifier.verifyConsistency(
                        older.treeSize(), newer.treeSize(), c.hashes(), older.rootHash(), newer.rootHash()))
                .isTrue();
        assertThat(integrity.run().status()).isEqualTo(IntegrityCheck.Status.OK);
        assertThat(stored(advice).subjectPseudonym()).isEqualTo(before);
    }

    @Test
    void aSubjectNotKnownToTheOfficersOrganisationIs404AndLeavesNoTrace() {
        // Only the PlusTeam and Veilig Thuis processed this one; nobody processed the other.
        String othersOnly = ReportFixtures.freshBsn();
        ReportFixtures.reportToVeiligThuis(api(), tokens().user("anna.plusteam"), othersOnly);
        String pseudonym = pseudonyms.existingPseudonym(Bsn.of(othersOnly)).orElseThrow();
        String nobody = ReportFixtures.freshBsn();
        long size = reader.size();

        Api.Response a = forget("gert.fg", othersOnly, "erasure request");
        Api.Response b = forget("gert.fg", nobody, "erasure request");
        for (Api.Response r : List.of(a, b)) {
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().path("type").asString()).isEqualTo("urn:deelpoort:problem:not-found");
            assertThat(r.json().path("detail").asString())
                    .isEqualTo("No subject with that BSN is known to your organisation.");
            assertThat(r.body()).doesNotContain(othersOnly, nobody, pseudonym, "plusteam", "veilig-thuis");
            assertThat(r.header("X-Disclosure-Id")).isNull();
        }
        assertThat(a.body()).as("nobody or only others: the same answer").isEqualTo(b.body());
        assertThat(reader.size()).as("nothing logged").isEqualTo(size);
        assertThat(pseudonyms.existingPseudonym(Bsn.of(othersOnly))).contains(pseudonym);
        assertThat(pseudonyms.existingPseudonym(Bsn.of(nobody)))
                .as("nothing created")
                .isEmpty();
        assertThat(unlinkedBy(othersOnly)).isEmpty();
    }

    /**
     * A GI's measure keeps counting for the GI when another organisation forgets the subject: only
     * Geldrop-Mierlo unlinks it, so the secret the measure is stored under stays.
     */
    @Test
    void aGisMeasureStillOpensF8AfterAnotherOrganisationForgetsTheSubject() {
        String eva = tokens().user("eva.gi");
        String child = ReportFixtures.freshBsn();
        LocalDate today = LocalDate.now(Framework.ZONE);
        Map<String, Object> measure = new LinkedHashMap<>();
        measure.put(
                "subject",
                Map.of(
                        "bsn",
                        child,
                        "birthDate",
                        today.minusYears(10).minusDays(40).toString()));
        measure.put("type", "OTS");
        measure.put("courtReference", "C/01/412345 / JE RK 26-1234");
        measure.put("validFrom", today.toString());
        measure.put("validUntil", today.plusYears(1).toString());
        Api.Response registered = api().post("/api/v1/measures", eva, Api.json(measure));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(tandem(eva, child).path("decision").asString()).isEqualTo("PERMIT");

        // Geldrop-Mierlo processes the child, then its officer forgets it.
        Api.Response asked = api().post(
                        "/api/v1/decisions/evaluate",
                        tokens().user("bram.cmd-gm"),
                        Api.json(Map.of(
                                "subject",
                                Map.of("bsn", child),
                                "purpose",
                                "ACCOUNTABILITY",
                                "actingRole",
                                "MUNICIPAL_ACCESS",
                                "holder",
                                "plusteam",
                                "recipient",
                                GM,
                                "categories",
                                List.of("BSN", "CARE_DEPLOYED"))));
        assertThat(asked.status()).as(asked.body()).isEqualTo(200);
        Api.Response forgot = forget("gert.fg", child, "erasure request");
        assertThat(forgot.status()).as(forgot.body()).isEqualTo(200);

        JsonNode after = tandem(eva, child);
        assertThat(after.path("decision").asString()).isEqualTo("PERMIT");
        assertThat(after.path("flow").asString()).isEqualTo("F8");
        assertThat(after.path("measureId").asString())
                .isEqualTo(registered.json().path("id").asString());
        assertThat(pseudonyms.existingPseudonym(Bsn.of(child))).isPresent();
    }

    /** The GI asks the municipality for what only F8 (under a measure) releases. */
    private JsonNode tandem(String token, String bsn) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("subject", Map.of("bsn", bsn));
        q.put("purpose", "CHILD_PROTECTION");
        q.put("actingRole", "CHILD_PROTECTION");
        q.put("holder", "gemeente-waalre");
        q.put("recipient", "gi-intervence");
        q.put("categories", List.of("BSN", "CONTACT", "SAFETY"));
        Api.Response r = api().post("/api/v1/decisions/evaluate", token, Api.json(q));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    /** Leak 4: the reason is logged for ever, so no BSN in it, however it is written. */
    @Test
    void invalidInputIsRefusedWithTheFieldNamedAndNothingLogged() {
        String bsn = ReportFixtures.freshBsn();
        ReportFixtures.pushAdvice(api(), tokens().user("anna.plusteam"), bsn);
        long size = reader.size();
        Api.Response badBsn = forget("hanna.fg", "123456789", "erasure request");
        assertThat(badBsn.status()).isEqualTo(422);
        assertThat(badBsn.json().path("invalidFields").get(0).path("field").asString())
                .isEqualTo("subject.bsn");
        assertThat(badBsn.body()).doesNotContain("123456789");

        for (String reason : List.of(
                "request of " + OTHER.value(),
                "999 993 653",
                "9999.93.653",
                "verzoek van 999-993-653 ontvangen",
                "x".repeat(501))) {
            Api.Response r = forget("hanna.fg", bsn, reason);
            assertThat(r.status()).as(reason).isEqualTo(422);
            assertThat(r.json().path("type").asString()).isEqualTo("urn:deelpoort:problem:invalid-request");
            assertThat(r.json().path("invalidFields").get(0).path("field").asString())
                    .isEqualTo("reason");
            assertThat(r.body()).doesNotContain(OTHER.value(), "993", bsn);
        }
        assertThat(reader.size()).isEqualTo(size);
        assertThat(forget("hanna.fg", bsn, "")
                        .json()
                        .path("invalidFields")
                        .get(0)
                        .path("field")
                        .asString())
                .isEqualTo("reason");
    }

    @Test
    void onlyPrivacyOfficersForget() {
        String body = Api.json(Map.of("subject", Map.of("bsn", OTHER.value()), "reason", "erasure request"));
        assertThat(api().post(FORGET, tokens().user("anna.plusteam"), body).status())
                .isEqualTo(403);
        assertThat(api().post(FORGET, tokens().user("kees.beheer"), body).status())
                .isEqualTo(403);
        assertThat(api().post(FORGET, null, body).status()).isEqualTo(401);
    }

    @Test
    void pseudonymsHaveTheLedgerShapeAndNeverTheBsn() {
        String p = pseudonyms.pseudonym(OTHER);
        assertThat(p).hasSize(22).doesNotContain(OTHER.value());
        assertThat(Base64.getUrlDecoder().decode(p)).hasSize(16);
    }
}
