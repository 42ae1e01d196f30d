package nl.deelpoort.gateway.logstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import nl.deelpoort.gateway.support.Api;
import nl.deelpoort.gateway.support.IntegrationTest;
import nl.deelpoort.ledger.EntryKind;
import nl.deelpoort.ledger.LogEntry;
import nl.deelpoort.ledger.LogEntryCodec;
import nl.deelpoort.ledger.merkle.MerkleVerifier;
import nl.deelpoort.policy.Bsn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Crypto-shredding: forgetting unlinks a subject's entries while every hash and proof stays valid. */
class SubjectForgetIT extends IntegrationTest {

    /** Valid test BSNs (11-check), not the demo residents', so other tests' subjects stay untouched. */
    private static final Bsn SUBJECT = Bsn.of("111222333");

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

    @Test
    void forgetGivesANewPseudonymAndTheLogStillVerifies() {
        String before = pseudonyms.pseudonym(SUBJECT);
        assertThat(pseudonyms.pseudonym(SUBJECT)).isEqualTo(before);
        assertThat(pseudonyms.pseudonym(OTHER)).isNotEqualTo(before);
        long disclosure = log.append(LogEntry.builder(EntryKind.DISCLOSURE)
                .decision("PERMIT")
                .purpose("ESCALATION")
                .subjectPseudonym(before));
        LogReader.StoredCheckpoint older = checkpointer.checkpointNow();

        Api.Response r = api().post(
                        "/api/v1/audit/subjects/forget",
                        tokens().user("hanna.fg"),
                        Api.json(Map.of("subject", Map.of("bsn", SUBJECT.value()), "reason", "erasure request")));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.path("forgotten").asBoolean()).isTrue();
        long forgottenSeq = body.path("disclosureId").asLong();
        assertThat(r.header("X-Disclosure-Id")).isEqualTo(Long.toString(forgottenSeq));
        assertThat(r.body()).doesNotContain(SUBJECT.value());

        LogEntry forgotten =
                LogEntryCodec.decode(reader.entry(forgottenSeq).orElseThrow().canonical());
        assertThat(forgotten.kind()).isEqualTo(EntryKind.SUBJECT_FORGOTTEN);
        assertThat(forgotten.subjectPseudonym()).isEqualTo(before);
        assertThat(forgotten.attributes()).containsEntry("reason", "erasure request");
        assertThat(new String(reader.entry(forgottenSeq).orElseThrow().canonical(), StandardCharsets.UTF_8))
                .doesNotContain(SUBJECT.value());

        // The BSN no longer leads to the old pseudonym, and gets an unrelated new one.
        assertThat(pseudonyms.existingPseudonym(SUBJECT)).isEmpty();
        String after = pseudonyms.pseudonym(SUBJECT);
        assertThat(after).isNotEqualTo(before);
        assertThat(pseudonyms.pseudonym(OTHER)).isNotEqualTo(after);

        // The old entry is unchanged, still proven in the new tree, and the log only grew.
        LogReader.StoredCheckpoint newer = checkpointer.checkpointNow();
        LogReader.InclusionProof p = reader.inclusionProof(disclosure, newer.treeSize());
        assertThat(MerkleVerifier.verifyInclusion(
                        disclosure, newer.treeSize(), p.leafHash(), p.hashes(), newer.rootHash()))
                .isTrue();
        LogReader.ConsistencyProof c = reader.consistencyProof(older.treeSize(), newer.treeSize());
        assertThat(MerkleVerifier.verifyConsistency(
                        older.treeSize(), newer.treeSize(), c.hashes(), older.rootHash(), newer.rootHash()))
                .isTrue();
        assertThat(integrity.run().status()).isEqualTo(IntegrityCheck.Status.OK);
        assertThat(LogEntryCodec.decode(reader.entry(disclosure).orElseThrow().canonical())
                        .subjectPseudonym())
                .isEqualTo(before);
    }

    @Test
    void forgettingASubjectWithoutPseudonymIsStillLogged() {
        Bsn neverSeen = Bsn.of("999999990");
        Api.Response r = api().post(
                        "/api/v1/audit/subjects/forget",
                        tokens().user("gert.fg"),
                        Api.json(Map.of("subject", Map.of("bsn", neverSeen.value()), "reason", "retention ended")));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("hadPseudonym").asBoolean()).isFalse();
        LogEntry e =
                LogEntryCodec.decode(reader.entry(r.json().path("disclosureId").asLong())
                        .orElseThrow()
                        .canonical());
        assertThat(e.kind()).isEqualTo(EntryKind.SUBJECT_FORGOTTEN);
        assertThat(e.requestingOrganisation()).isEqualTo("gemeente-geldrop-mierlo");
        assertThat(e.subjectPseudonym()).isNull();
    }

    @Test
    void invalidInputIsRefusedWithTheFieldNamedAndNothingLogged() {
        long size = reader.size();
        Api.Response badBsn = api().post(
                        "/api/v1/audit/subjects/forget",
                        tokens().user("hanna.fg"),
                        Api.json(Map.of("subject", Map.of("bsn", "123456789"), "reason", "erasure request")));
        assertThat(badBsn.status()).isEqualTo(422);
        assertThat(badBsn.json().path("invalidFields").get(0).path("field").asString())
                .isEqualTo("subject.bsn");
        assertThat(badBsn.body()).doesNotContain("123456789");

        Api.Response bsnInReason = api().post(
                        "/api/v1/audit/subjects/forget",
                        tokens().user("hanna.fg"),
                        Api.json(Map.of(
                                "subject", Map.of("bsn", SUBJECT.value()), "reason", "request of " + OTHER.value())));
        assertThat(bsnInReason.status()).isEqualTo(422);
        assertThat(bsnInReason.json().path("invalidFields").get(0).path("field").asString())
                .isEqualTo("reason");
        assertThat(reader.size()).isEqualTo(size);
    }

    @Test
    void onlyPrivacyOfficersForget() {
        String body = Api.json(Map.of("subject", Map.of("bsn", OTHER.value()), "reason", "erasure request"));
        assertThat(api().post("/api/v1/audit/subjects/forget", tokens().user("anna.plusteam"), body)
                        .status())
                .isEqualTo(403);
        assertThat(api().post("/api/v1/audit/subjects/forget", tokens().user("kees.beheer"), body)
                        .status())
                .isEqualTo(403);
        assertThat(api().post("/api/v1/audit/subjects/forget", null, body).status())
                .isEqualTo(401);
    }

    @Test
    void pseudonymsHaveTheLedgerShapeAndNeverTheBsn() {
        String p = pseudonyms.pseudonym(OTHER);
        assertThat(p).hasSize(22).doesNotContain(OTHER.value());
        assertThat(Base64.getUrlDecoder().decode(p)).hasSize(16);
    }
}
