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
import java.util.Map;
import nl.deelpoort.gateway.audit.report.ReportFixtures;
import nl.deelpoort.gateway.support.Api;
import nl.deelpoort.gateway.support.IntegrationTest;
import nl.deelpoort.ledger.LogEntry;
import nl.deelpoort.ledger.LogEntryCodec;
import nl.deelpoort.ledger.cli.VerifyLog;
import nl.deelpoort.ledger.merkle.MerkleHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The log as each viewer may see it (issue "Oversight without leaks"): a privacy officer reads the
 * entries of their own organisation in full and every other entry as a redacted leaf, an administrator
 * reads every entry redacted, and the export still verifies offline over the whole log.
 *
 * <p>The subject of each test is pushed by the PlusTeam twice: a confidential report to Veilig Thuis
 * (PlusTeam and Veilig Thuis only) and an advice to Geldrop-Mierlo (PlusTeam and Geldrop-Mierlo).
 * gert.fg is Geldrop-Mierlo's officer, hanna.fg the PlusTeam's, kees.beheer the administrator.
 */
class LogScopingIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String GM = "gemeente-geldrop-mierlo";

    @Autowired
    Checkpointer checkpointer;

    @Autowired
    LogReader reader;

    @TempDir
    Path dir;

    private record Made(String bsn, long confidential, long advice) {}

    private Made twoPushes() {
        String anna = tokens().user("anna.plusteam");
        String bsn = ReportFixtures.freshBsn();
        long confidential = ReportFixtures.reportToVeiligThuis(api(), anna, bsn);
        long advice =
                ReportFixtures.pushAdvice(api(), anna, bsn).path("disclosureId").asLong();
        return new Made(bsn, confidential, advice);
    }

    private JsonNode entry(long seq, String user) {
        Api.Response r = api().get("/api/v1/log/entries/" + seq, tokens().user(user));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static void assertRedacted(JsonNode view, long seq) {
        assertThat(view.path("redacted").asBoolean()).isTrue();
        assertThat(view.path("seq").asLong()).isEqualTo(seq);
        assertThat(Base64.getDecoder().decode(view.path("leafHash").asString())).hasSize(32);
        List<String> members = new ArrayList<>();
        view.propertyNames().forEach(members::add);
        assertThat(members).containsExactlyInAnyOrder("seq", "leafHash", "redacted");
    }

    @Test
    void officersReadTheirOwnOrganisationsEntriesInFullAndOthersAsRedactedLeaves() {
        Made m = twoPushes();

        JsonNode hannaConfidential = entry(m.confidential(), "hanna.fg");
        assertThat(hannaConfidential.path("redacted").asBoolean()).isFalse();
        byte[] canonical =
                Base64.getDecoder().decode(hannaConfidential.path("canonical").asString());
        assertThat(Base64.getDecoder().decode(hannaConfidential.path("leafHash").asString()))
                .isEqualTo(MerkleHash.leafHash(canonical));
        assertThat(hannaConfidential.path("entry").path("recipient").asString()).isEqualTo("veilig-thuis");

        Api.Response gertConfidential = api().get("/api/v1/log/entries/" + m.confidential(), tokens().user("gert.fg"));
        assertThat(gertConfidential.status()).isEqualTo(200);
        assertRedacted(gertConfidential.json(), m.confidential());
        assertThat(gertConfidential.json().path("leafHash").asString())
                .isEqualTo(hannaConfidential.path("leafHash").asString());
        String pseudonym =
                hannaConfidential.path("entry").path("subjectPseudonym").asString();
        assertThat(gertConfidential.body()).doesNotContain("veilig-thuis", "plusteam", pseudonym, "canonical", m.bsn());

        JsonNode gertAdvice = entry(m.advice(), "gert.fg");
        assertThat(gertAdvice.path("redacted").asBoolean()).isFalse();
        assertThat(gertAdvice.path("entry").path("recipient").asString()).isEqualTo(GM);
        assertThat(entry(m.advice(), "hanna.fg").path("redacted").asBoolean()).isFalse();
    }

    @Test
    void anAdministratorReadsEveryEntryRedactedButStillVerifiesTheWholeLog() throws Exception {
        Made m = twoPushes();
        assertRedacted(entry(m.confidential(), "kees.beheer"), m.confidential());
        assertRedacted(entry(m.advice(), "kees.beheer"), m.advice());

        String kees = tokens().user("kees.beheer");
        Exported export = export(kees);
        assertThat(export.lines()).allSatisfy(line -> {
            assertThat(line.path("redacted").asBoolean()).isTrue();
            assertThat(line.has("canonical")).isFalse();
        });
        assertThat(export.body()).doesNotContain("plusteam", GM, "veilig-thuis");
        assertThat(verify(export)).isEqualTo(VerifyLog.OK);

        // Proofs are hashes only and stay open to administrators.
        assertThat(api().get("/api/v1/log/entries/" + m.advice() + "/inclusion-proof", kees)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void anOfficersExportHasOwnEntriesInFullOthersRedactedAndVerifiesOffline() throws Exception {
        Made m = twoPushes();
        String gert = tokens().user("gert.fg");
        Exported export = export(gert);
        JsonNode confidential = export.line(m.confidential());
        assertThat(confidential.path("redacted").asBoolean()).isTrue();
        assertThat(confidential.has("canonical")).isFalse();
        JsonNode advice = export.line(m.advice());
        assertThat(advice.path("redacted").asBoolean()).isFalse();
        assertThat(decode(advice).recipient()).isEqualTo(GM);
        for (JsonNode line : export.lines()) {
            if (line.has("canonical")) {
                LogEntry e = decode(line);
                assertThat(List.of(
                                String.valueOf(e.requestingOrganisation()),
                                String.valueOf(e.holder()),
                                String.valueOf(e.recipient())))
                        .as("full line %d", e.seq())
                        .contains(GM);
            }
        }
        assertThat(verify(export)).as("mixed full and redacted lines").isEqualTo(VerifyLog.OK);
    }

    /**
     * Leak 1: timeline for the BSN, the officer's own AUDIT_QUERY entry shows the pseudonym, the
     * export shows every entry with that pseudonym. Now the export shows only his own organisation's.
     */
    @Test
    void theThreeCallLinkingAttackFindsNoOtherOrganisationsEntries() {
        Made m = twoPushes();
        String gert = tokens().user("gert.fg");
        Api.Response timeline =
                api().post("/api/v1/audit/timeline", gert, Api.json(Map.of("subject", Map.of("bsn", m.bsn()))));
        assertThat(timeline.status()).as(timeline.body()).isEqualTo(200);
        long own = Long.parseLong(timeline.header("X-Disclosure-Id"));
        String pseudonym =
                entry(own, "gert.fg").path("entry").path("subjectPseudonym").asString();
        assertThat(pseudonym).as("the subject is known to Geldrop-Mierlo").isNotEmpty();

        List<Long> linked = new ArrayList<>();
        for (JsonNode line : export(gert).lines()) {
            if (line.has("canonical")) {
                LogEntry e = decode(line);
                if (pseudonym.equals(e.subjectPseudonym())) {
                    linked.add(e.seq());
                    assertThat(List.of(
                                    String.valueOf(e.requestingOrganisation()),
                                    String.valueOf(e.holder()),
                                    String.valueOf(e.recipient())))
                            .contains(GM);
                }
            }
        }
        assertThat(linked).contains(m.advice(), own).doesNotContain(m.confidential());
        assertThat(api().get("/api/v1/log/entries/" + m.confidential(), gert).body())
                .doesNotContain(pseudonym);
    }

    /** An export and the checkpoint and key served just before it (the export covers the checkpoint). */
    private record Exported(String body, List<JsonNode> lines, String checkpoint, String key) {
        JsonNode line(long seq) {
            return lines.stream()
                    .filter(l -> l.path("seq").asLong() == seq)
                    .findFirst()
                    .orElseThrow();
        }
    }

    private Exported export(String token) {
        checkpointer.checkpointNow();
        Api.Response checkpoint = api().get("/api/v1/log/checkpoint", token);
        Api.Response key = api().get("/api/v1/log/public-key", token);
        assertThat(checkpoint.status()).isEqualTo(200);
        Api.Response r = api().get("/api/v1/log/export", token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/x-ndjson");
        List<JsonNode> lines = r.body().lines().map(JSON::readTree).toList();
        assertThat(lines).hasSize((int) lines.get(lines.size() - 1).path("seq").asLong() + 1);
        return new Exported(r.body(), lines, checkpoint.body(), key.body());
    }

    private static LogEntry decode(JsonNode line) {
        return LogEntryCodec.decode(
                Base64.getDecoder().decode(line.path("canonical").asString()));
    }

    /** The offline verifier against the checkpoint and key the API serves, as an auditor would run it. */
    private int verify(Exported export) throws Exception {
        Path log = Files.writeString(dir.resolve("export.jsonl"), export.body());
        Path cp = Files.writeString(dir.resolve("checkpoint.txt"), export.checkpoint());
        Path pub = Files.writeString(dir.resolve("log.pub"), export.key());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = VerifyLog.run(
                new String[] {
                    "--log", log.toString(),
                    "--checkpoint", cp.toString(),
                    "--key-file", pub.toString(),
                    "--origin", "deelpoort.local/log"
                },
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).as(out + " " + err).isEqualTo(VerifyLog.OK);
        return exit;
    }
}
