package nl.deelpoort.gateway.logstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import nl.deelpoort.gateway.support.Api;
import nl.deelpoort.gateway.support.IntegrationTest;
import nl.deelpoort.ledger.EntryKind;
import nl.deelpoort.ledger.LogEntry;
import nl.deelpoort.ledger.cli.VerifyLog;
import nl.deelpoort.ledger.merkle.MerkleHash;
import nl.deelpoort.ledger.merkle.MerkleVerifier;
import nl.deelpoort.ledger.note.Checkpoint;
import nl.deelpoort.ledger.note.NoteVerifier;
import nl.deelpoort.ledger.verify.ExportLine;
import nl.deelpoort.ledger.verify.LogVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The log's endpoints, checked the way an outside auditor would: only with the ledger's verifiers. */
class LogEndpointsIT extends IntegrationTest {

    @Autowired
    DisclosureLog log;

    @Autowired
    Checkpointer checkpointer;

    @TempDir
    Path dir;

    private String fg() {
        return tokens().user("hanna.fg");
    }

    private long appendDisclosure(String purpose) {
        return log.append(LogEntry.builder(EntryKind.DISCLOSURE)
                .decision("PERMIT")
                .purpose(purpose)
                .legalBasis("CONSENT")
                .requestingOrganisation("plusteam")
                .holder("gemeente-waalre")
                .recipient("plusteam")
                .categoriesRequested(List.of("PERSONALIA"))
                .categoriesReleased(List.of("PERSONALIA")));
    }

    private NoteVerifier servedKey() {
        Api.Response key = api().get("/api/v1/log/public-key", tokens().user("anna.plusteam"));
        assertThat(key.status()).isEqualTo(200);
        assertThat(key.contentType()).startsWith("text/plain");
        return NoteVerifier.fromVerifierKey(key.body());
    }

    private Checkpoint servedCheckpoint(NoteVerifier key) {
        Api.Response r = api().get("/api/v1/log/checkpoint", tokens().user("anna.plusteam"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/plain");
        return Checkpoint.open(r.body(), key);
    }

    @Test
    void checkpointIsSignedWithTheServedKeyAndProofsVerifyAgainstIt() {
        long first = appendDisclosure("ESCALATION");
        checkpointer.checkpointNow();
        NoteVerifier key = servedKey();
        Checkpoint older = servedCheckpoint(key);
        assertThat(older.origin()).isEqualTo("deelpoort.local/log");
        assertThat(older.size()).isGreaterThan(first);

        List<Long> mine = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            mine.add(appendDisclosure("SIGNAL"));
        }
        checkpointer.checkpointNow();
        Checkpoint newer = servedCheckpoint(key);
        assertThat(newer.size()).isGreaterThan(mine.get(mine.size() - 1));

        mine.add(first);
        for (long seq : mine) {
            JsonNode entry = api().get("/api/v1/log/entries/" + seq, fg()).json();
            assertThat(entry.path("redacted").asBoolean())
                    .as("the PlusTeam's own entry")
                    .isFalse();
            byte[] canonical =
                    Base64.getDecoder().decode(entry.path("canonical").asString());
            byte[] leaf = Base64.getDecoder().decode(entry.path("leafHash").asString());
            assertThat(leaf).isEqualTo(MerkleHash.leafHash(canonical));
            assertThat(entry.path("entry").path("seq").asLong()).isEqualTo(seq);
            assertThat(entry.path("entry").path("kind").asString()).isEqualTo("DISCLOSURE");

            JsonNode proof = api().get("/api/v1/log/entries/" + seq + "/inclusion-proof?treeSize=" + newer.size(), fg())
                    .json();
            assertThat(proof.path("treeSize").asLong()).isEqualTo(newer.size());
            assertThat(proof.path("rootHash").asString())
                    .isEqualTo(Base64.getEncoder().encodeToString(newer.rootHash()));
            assertThat(MerkleVerifier.verifyInclusion(seq, newer.size(), leaf, hashes(proof), newer.rootHash()))
                    .as("inclusion of %d", seq)
                    .isTrue();
        }

        JsonNode consistency = api().get(
                        "/api/v1/log/consistency-proof?from=" + older.size() + "&to=" + newer.size(), fg())
                .json();
        assertThat(MerkleVerifier.verifyConsistency(
                        older.size(), newer.size(), hashes(consistency), older.rootHash(), newer.rootHash()))
                .isTrue();
    }

    @Test
    void exportVerifiesOfflineAgainstTheServedCheckpointAndKey() throws Exception {
        for (int i = 0; i < 3; i++) {
            appendDisclosure("ESCALATION");
        }
        checkpointer.checkpointNow();
        Api.Response checkpoint = api().get("/api/v1/log/checkpoint", fg());
        Api.Response key = api().get("/api/v1/log/public-key", fg());
        Api.Response export = api().get("/api/v1/log/export", fg());
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("application/x-ndjson");

        List<ExportLine> lines = export.body().lines().map(ExportLine::parse).toList();
        long size = Checkpoint.open(checkpoint.body(), NoteVerifier.fromVerifierKey(key.body()))
                .size();
        LogVerifier verifier = new LogVerifier(size);
        verifier.addAll(lines);
        assertThat(verifier.size()).isGreaterThanOrEqualTo(size);

        Path log = Files.writeString(dir.resolve("export.jsonl"), export.body());
        Path cp = Files.writeString(dir.resolve("checkpoint.txt"), checkpoint.body());
        Path pub = Files.writeString(dir.resolve("log.pub"), key.body());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = VerifyLog.run(
                new String[] {
                    "--log",
                    log.toString(),
                    "--checkpoint",
                    cp.toString(),
                    "--key-file",
                    pub.toString(),
                    "--origin",
                    "deelpoort.local/log"
                },
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).as(out + " " + err).isEqualTo(VerifyLog.OK);

        Api.Response part = api().get("/api/v1/log/export?fromSeq=1&toSeq=2", fg());
        assertThat(part.status()).as(part.body()).isEqualTo(200);
        assertThat(part.body().lines().map(ExportLine::parse).map(ExportLine::seq))
                .containsExactly(1L, 2L);
    }

    @Test
    void integrityIsReportedOkAndExported() {
        appendDisclosure("SIGNAL");
        checkpointer.checkpointNow();
        JsonNode report = api().get("/api/v1/audit/integrity", tokens().user("kees.beheer"))
                .json();
        assertThat(report.path("status").asString()).as(report.toString()).isEqualTo("OK");
        assertThat(report.path("treeSize").asLong())
                .isGreaterThanOrEqualTo(
                        report.path("checkpoint").path("treeSize").asLong());
        assertThat(report.path("checkedAt").asString()).isNotEmpty();
        assertThat(api().get("/actuator/prometheus", null).body().lines())
                .anyMatch(line -> line.matches("deelpoort_log_integrity_ok(\\{.*})? 1(\\.0)?"));
    }

    @Test
    void onlyAuditorsReadEntriesProofsAndExport() {
        long seq = appendDisclosure("SIGNAL");
        String anna = tokens().user("anna.plusteam");
        for (String path : List.of(
                "/api/v1/log/export",
                "/api/v1/log/entries/" + seq,
                "/api/v1/log/entries/" + seq + "/inclusion-proof",
                "/api/v1/log/consistency-proof?from=0",
                "/api/v1/audit/integrity")) {
            Api.Response r = api().get(path, anna);
            assertThat(r.status()).as(path).isEqualTo(403);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
        assertThat(api().get("/api/v1/log/export", tokens().user("kees.beheer")).status())
                .isEqualTo(200);
        for (String path : List.of("/api/v1/log/export", "/api/v1/log/checkpoint", "/api/v1/log/public-key")) {
            assertThat(api().get(path, null).status()).as(path).isEqualTo(401);
        }
    }

    @Test
    void requestsOutsideTheLogAreNamedProblems() {
        long size = appendDisclosure("SIGNAL") + 1;
        Api.Response missing = api().get("/api/v1/log/entries/" + (size + 1000), fg());
        assertThat(missing.status()).isEqualTo(404);

        Api.Response tooBig = api().get("/api/v1/log/entries/0/inclusion-proof?treeSize=" + (size + 1000), fg());
        assertThat(tooBig.status()).isEqualTo(422);
        assertThat(tooBig.json().path("invalidFields").get(0).path("field").asString())
                .isEqualTo("treeSize");

        Api.Response backwards = api().get("/api/v1/log/consistency-proof?from=2&to=1", fg());
        assertThat(backwards.status()).isEqualTo(422);
        assertThat(backwards.json().path("invalidFields").get(0).path("field").asString())
                .isEqualTo("from");
    }

    private static List<byte[]> hashes(JsonNode proof) {
        List<byte[]> out = new ArrayList<>();
        proof.path("hashes").forEach(h -> out.add(Base64.getDecoder().decode(h.asString())));
        return out;
    }
}
