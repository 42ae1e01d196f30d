package nl.deelpoort.ledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import nl.deelpoort.ledger.LogEntryCodec;
import nl.deelpoort.ledger.TestEntries;
import nl.deelpoort.ledger.merkle.InMemorySubtreeStore;
import nl.deelpoort.ledger.merkle.MerkleHash;
import nl.deelpoort.ledger.merkle.MerkleProofs;
import nl.deelpoort.ledger.note.Checkpoint;
import nl.deelpoort.ledger.note.NoteSigner;
import nl.deelpoort.ledger.verify.ExportLine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyLogTest {

    private static final String ORIGIN = "deelpoort.example/log";
    private static final int SIZE = 20;
    private static final NoteSigner SIGNER = NoteSigner.generate(ORIGIN, new SecureRandom());

    @TempDir
    Path dir;

    private List<ExportLine> lines;
    private InMemorySubtreeStore store;
    private Path log;
    private Path checkpoint;
    private Path previous;
    private Path keyFile;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void writeAGoodLog() throws IOException {
        lines = new ArrayList<>();
        store = new InMemorySubtreeStore();
        for (int i = 0; i < SIZE; i++) {
            byte[] canonical = LogEntryCodec.encode(TestEntries.typical(i));
            byte[] leaf = MerkleHash.leafHash(canonical);
            store.append(leaf);
            lines.add(new ExportLine(i, canonical, leaf));
        }
        log = dir.resolve("export.jsonl");
        writeLog(lines);
        checkpoint = Files.writeString(
                dir.resolve("checkpoint.txt"), checkpoint(SIZE).sign(SIGNER));
        previous = Files.writeString(dir.resolve("previous.txt"), checkpoint(8).sign(SIGNER));
        keyFile = Files.writeString(dir.resolve("key.pub"), SIGNER.verifierKey() + "\n");
    }

    private Checkpoint checkpoint(long size) {
        return new Checkpoint(ORIGIN, size, MerkleProofs.rootHash(store, size));
    }

    private void writeLog(List<ExportLine> export) throws IOException {
        Files.write(log, export.stream().map(ExportLine::format).toList());
    }

    private int run(String... args) {
        return VerifyLog.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private int verify(String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--log", log.toString(), "--checkpoint", checkpoint.toString(), "--key-file", keyFile.toString()));
        args.addAll(List.of(extra));
        return run(args.toArray(String[]::new));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aGoodLogVerifies() {
        assertThat(verify()).as(err()).isEqualTo(VerifyLog.OK);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("OK: 20 entries verified (20 in full, 0 as redacted leaves)");
        assertThat(run("--log", log.toString(), "--checkpoint", checkpoint.toString(), "--key", SIGNER.verifierKey()))
                .isEqualTo(VerifyLog.OK);
    }

    @Test
    void aGoodLogIsConsistentWithAnOlderCheckpoint() {
        assertThat(verify("--previous-checkpoint", previous.toString(), "--origin", ORIGIN))
                .as(err())
                .isEqualTo(VerifyLog.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("consistent with previous checkpoint size 8");
    }

    @Test
    void entriesAfterTheCheckpointAreCheckedButReportedAsNotCovered() throws IOException {
        Files.writeString(checkpoint, checkpoint(15).sign(SIGNER));
        assertThat(verify()).as(err()).isEqualTo(VerifyLog.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("5 later entries");
    }

    @Test
    void tamperedBytesAreNamed() throws IOException {
        ExportLine original = lines.get(7);
        byte[] changed = LogEntryCodec.encode(
                TestEntries.typical(7).toBuilder().decision("PERMIT").build());
        lines.set(7, new ExportLine(7, changed, original.leafHash()));
        writeLog(lines);
        assertThat(verify()).isEqualTo(VerifyLog.FAILED);
        assertThat(err()).contains("entry seq 7").contains("leaf hash does not match");
    }

    @Test
    void tamperedBytesWithARecomputedLeafHashBreakTheRoot() throws IOException {
        byte[] changed = LogEntryCodec.encode(
                TestEntries.typical(7).toBuilder().decision("PERMIT").build());
        lines.set(7, new ExportLine(7, changed, MerkleHash.leafHash(changed)));
        writeLog(lines);
        assertThat(verify("--previous-checkpoint", previous.toString())).isEqualTo(VerifyLog.FAILED);
        assertThat(err()).contains("do not give the root of the previous checkpoint");
    }

    @Test
    void bytesThatAreNotAnEntryAreNamed() throws IOException {
        byte[] junk = "{\"seq\":3}".getBytes(StandardCharsets.UTF_8);
        lines.set(3, new ExportLine(3, junk, MerkleHash.leafHash(junk)));
        writeLog(lines);
        assertThat(verify()).isEqualTo(VerifyLog.FAILED);
        assertThat(err()).contains("entry seq 3").contains("do not decode");
    }

    @Test
    void aRemovedEntryIsNamed() throws IOException {
        lines.remove(5);
        writeLog(lines);
        assertThat(verify()).isEqualTo(VerifyLog.FAILED);
        assertThat(err()).contains("entry seq 5").contains("found seq 6");
    }

    @Test
    void aReorderedPairIsNamed() throws IOException {
        Collections.swap(lines, 3, 4);
        writeLog(lines);
        assertThat(verify()).isEqualTo(VerifyLog.FAILED);
        assertThat(err()).contains("entry seq 3").contains("out of order");
    }

    @Test
    void aReorderedPairWithRenumberedLinesIsNamed() throws IOException {
        ExportLine third = lines.get(3);
        ExportLine fourth = lines.get(4);
        lines.set(3, new ExportLine(3, fourth.canonical(), fourth.leafHash()));
        lines.set(4, new ExportLine(4, third.canonical(), third.leafHash()));
        writeLog(lines);
        assertThat(verify()).isEqualTo(VerifyLog.FAILED);
        assertThat(err()).contains("entry seq 3").contains("canonical bytes carry seq 4");
    }

    @Test
    void aTruncatedLogIsNamed() throws IOException {
        writeLog(lines.subList(0, SIZE - 3));
        assertThat(verify()).isEqualTo(VerifyLog.FAILED);
        assertThat(err()).contains("entry seq 17").contains("truncated");
    }

    @Test
    void aForgedSignatureFails() throws IOException {
        String note = Files.readString(checkpoint);
        Files.writeString(checkpoint, note.replace(ORIGIN + "\n" + SIZE + "\n", ORIGIN + "\n" + (SIZE - 1) + "\n"));
        assertThat(verify()).isEqualTo(VerifyLog.FAILED);
        assertThat(err()).contains("checkpoint").contains("invalid signature");
    }

    @Test
    void aCheckpointSignedByAnotherKeyFails() throws IOException {
        NoteSigner other = NoteSigner.generate(ORIGIN, new SecureRandom());
        Files.writeString(checkpoint, checkpoint(SIZE).sign(other));
        assertThat(verify()).isEqualTo(VerifyLog.FAILED);
        assertThat(err()).contains("no signature by " + ORIGIN);
    }

    @Test
    void aForkedOlderCheckpointFails() throws IOException {
        InMemorySubtreeStore fork = new InMemorySubtreeStore();
        for (int i = 0; i < 8; i++) {
            fork.append(MerkleHash.leafHash(("other " + i).getBytes(StandardCharsets.UTF_8)));
        }
        Files.writeString(previous, new Checkpoint(ORIGIN, 8, fork.root()).sign(SIGNER));
        assertThat(verify("--previous-checkpoint", previous.toString())).isEqualTo(VerifyLog.FAILED);
        assertThat(err()).contains("previous checkpoint");
    }

    @Test
    void aWrongOriginFails() {
        assertThat(verify("--origin", "somewhere.else/log")).isEqualTo(VerifyLog.FAILED);
        assertThat(err()).contains("origin");
    }

    @Test
    void aMalformedLineIsNamed() throws IOException {
        List<String> text = new ArrayList<>(Files.readAllLines(log));
        text.set(2, "{\"seq\":2,\"canonical\":\"%%%\",\"leafHash\":\"\"}");
        Files.write(log, text);
        assertThat(verify()).isEqualTo(VerifyLog.FAILED);
        assertThat(err()).contains("entry seq 2").contains("line 3");
    }

    @Test
    void extraMembersOnALineAreIgnored() throws IOException {
        List<String> text = Stream.of(Files.readString(log).split("\n"))
                .map(l -> l.substring(0, l.length() - 1) + ",\"decoded\":{\"kind\":\"DISCLOSURE\",\"n\":1.5}}")
                .toList();
        Files.write(log, text);
        assertThat(verify()).as(err()).isEqualTo(VerifyLog.OK);
    }

    /**
     * The log as a privacy officer of one organisation sees it: entries 0..19, salted (version 2) for
     * even seqs and version 1 for odd ones, every third one (seq 1, 4, 7, ..., 19) as a redacted leaf.
     */
    private void writeAMixedLog() throws IOException {
        lines = new ArrayList<>();
        store = new InMemorySubtreeStore();
        for (int i = 0; i < SIZE; i++) {
            byte[] canonical = LogEntryCodec.encode(i % 2 == 0 ? TestEntries.typicalSalted(i) : TestEntries.typical(i));
            byte[] leaf = MerkleHash.leafHash(canonical);
            store.append(leaf);
            lines.add(i % 3 == 1 ? ExportLine.redacted(i, leaf) : new ExportLine(i, canonical, leaf));
        }
        writeLog(lines);
        Files.writeString(checkpoint, checkpoint(SIZE).sign(SIGNER));
        Files.writeString(previous, checkpoint(8).sign(SIGNER));
    }

    @Test
    void aLogWithRedactedLeavesVerifies() throws IOException {
        writeAMixedLog();
        assertThat(Files.readAllLines(log).get(1))
                .endsWith(",\"redacted\":true}")
                .doesNotContain("canonical");
        assertThat(verify("--previous-checkpoint", previous.toString()))
                .as(err())
                .isEqualTo(VerifyLog.OK);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("OK: 20 entries verified (13 in full, 7 as redacted leaves) against checkpoint " + ORIGIN)
                .contains("consistent with previous checkpoint size 8");
    }

    @Test
    void redactedLeavesAfterTheCheckpointAreCountedApart() throws IOException {
        writeAMixedLog();
        Files.writeString(checkpoint, checkpoint(15).sign(SIGNER));
        assertThat(verify()).as(err()).isEqualTo(VerifyLog.OK);
        // Seqs 1, 4, 7, 10, 13 are redacted below 15; 16 and 19 after it.
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("OK: 15 entries verified (10 in full, 5 as redacted leaves)")
                .contains("5 later entries (3 in full, 2 as redacted leaves)");
    }

    @Test
    void aWrongRedactedLeafHashBreaksTheRoot() throws IOException {
        writeAMixedLog();
        byte[] forged = lines.get(13).leafHash();
        forged[31] ^= 1;
        lines.set(13, ExportLine.redacted(13, forged));
        writeLog(lines);
        assertThat(verify("--previous-checkpoint", previous.toString())).isEqualTo(VerifyLog.FAILED);
        assertThat(err()).contains("do not give the root of the checkpoint").contains("redacted leaf hash");
    }

    @Test
    void aRedactedLeafReplacingAFullEntryWithAnotherHashBreaksTheRoot() throws IOException {
        // Hiding an entry's bytes does not allow changing it: the leaf hash of some other entry fails.
        byte[] other = LogEntryCodec.encode(TestEntries.typicalSalted(6));
        lines.set(6, ExportLine.redacted(6, MerkleHash.leafHash(other)));
        writeLog(lines);
        assertThat(verify()).isEqualTo(VerifyLog.FAILED);
        assertThat(err()).contains("do not give the root of the checkpoint");
    }

    @Test
    void aRedactedLeafOutOfOrderIsNamed() throws IOException {
        writeAMixedLog();
        ExportLine redacted = lines.get(7);
        lines.set(7, ExportLine.redacted(9, redacted.leafHash()));
        writeLog(lines);
        assertThat(verify()).isEqualTo(VerifyLog.FAILED);
        assertThat(err()).contains("entry seq 7").contains("found redacted seq 9");
    }

    @Test
    void aRedactedLineThatAlsoCarriesBytesIsMalformed() throws IOException {
        writeAMixedLog();
        List<String> text = new ArrayList<>(Files.readAllLines(log));
        text.set(4, text.get(4).replace("\"leafHash\"", "\"canonical\":\"e30=\",\"leafHash\""));
        Files.write(log, text);
        assertThat(verify()).isEqualTo(VerifyLog.FAILED);
        assertThat(err()).contains("entry seq 4").contains("line 5").contains("must not carry");
    }

    @Test
    void usageTextMentionsRedactedLeaves() {
        assertThat(run("--help")).isEqualTo(VerifyLog.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Redacted leaves");
    }

    @Test
    void usageAndInputProblemsExitWithTwo() {
        assertThat(run()).isEqualTo(VerifyLog.USAGE);
        assertThat(run("--log", log.toString(), "--checkpoint")).isEqualTo(VerifyLog.USAGE);
        assertThat(run("--log", log.toString(), "--checkpoint", checkpoint.toString()))
                .isEqualTo(VerifyLog.USAGE);
        assertThat(run("--bogus", "x")).isEqualTo(VerifyLog.USAGE);
        assertThat(verify("--key", "x")).isEqualTo(VerifyLog.USAGE);
        assertThat(run(
                        "--log",
                        dir.resolve("missing").toString(),
                        "--checkpoint",
                        checkpoint.toString(),
                        "--key",
                        SIGNER.verifierKey()))
                .isEqualTo(VerifyLog.USAGE);
        assertThat(run("--log", log.toString(), "--checkpoint", checkpoint.toString(), "--key", "not+a+key"))
                .isEqualTo(VerifyLog.USAGE);
        assertThat(err()).contains("usage:");
        assertThat(run("--help")).isEqualTo(VerifyLog.OK);
    }

    // --- a signing-key change: the previous checkpoint carries the old key's signature, the new one the new key's

    private static final NoteSigner NEW_SIGNER = NoteSigner.generate(ORIGIN, new SecureRandom());

    @Test
    void aLogVerifiesAcrossASigningKeyChangeWithBothKeys() throws IOException {
        Files.writeString(checkpoint, checkpoint(SIZE).sign(NEW_SIGNER));
        Path keys = Files.writeString(
                dir.resolve("keys.pub"),
                "# old key, retired 2027-01-01\n" + SIGNER.verifierKey() + "\n\n" + NEW_SIGNER.verifierKey() + "\n");

        assertThat(run(
                        "--log", log.toString(),
                        "--checkpoint", checkpoint.toString(),
                        "--previous-checkpoint", previous.toString(),
                        "--key-file", keys.toString()))
                .as(err())
                .isEqualTo(VerifyLog.OK);
        String id = NEW_SIGNER.verifierKey().split("\\+")[1];
        String oldId = SIGNER.verifierKey().split("\\+")[1];
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("size 20 root")
                .contains("(signed by " + ORIGIN + ", key " + id + ")")
                .contains("consistent with previous checkpoint size 8 (signed by " + ORIGIN + ", key " + oldId + ")");
    }

    @Test
    void repeatedKeyOptionsAreAllTrusted() throws IOException {
        Files.writeString(checkpoint, checkpoint(SIZE).sign(NEW_SIGNER));

        assertThat(run(
                        "--log", log.toString(),
                        "--checkpoint", checkpoint.toString(),
                        "--previous-checkpoint", previous.toString(),
                        "--key", SIGNER.verifierKey(),
                        "--key", NEW_SIGNER.verifierKey()))
                .as(err())
                .isEqualTo(VerifyLog.OK);
    }

    @Test
    void withOnlyTheNewKeyTheOldCheckpointIsNotTrusted() throws IOException {
        Files.writeString(checkpoint, checkpoint(SIZE).sign(NEW_SIGNER));

        assertThat(run(
                        "--log", log.toString(),
                        "--checkpoint", checkpoint.toString(),
                        "--previous-checkpoint", previous.toString(),
                        "--key", NEW_SIGNER.verifierKey()))
                .isEqualTo(VerifyLog.FAILED);
        assertThat(err()).contains("previous checkpoint: note has no signature by " + ORIGIN);
    }

    @Test
    void aSignatureNamingATrustedKeyMustVerifyWithThatKey() throws IOException {
        // The old key's line carries the new key's signature: it names a trusted key but does not verify
        // with it. That another trusted key would have verified the bytes does not save it.
        String signedByNew = checkpoint(SIZE).sign(NEW_SIGNER);
        String oldLine =
                checkpoint(SIZE).sign(SIGNER).lines().reduce((a, b) -> b).orElseThrow();
        String newLine = signedByNew.lines().reduce((a, b) -> b).orElseThrow();
        String oldPrefix = oldLine.substring(0, oldLine.lastIndexOf(' ') + 1);
        byte[] oldBlob = java.util.Base64.getDecoder().decode(oldLine.substring(oldLine.lastIndexOf(' ') + 1));
        byte[] newBlob = java.util.Base64.getDecoder().decode(newLine.substring(newLine.lastIndexOf(' ') + 1));
        System.arraycopy(newBlob, 4, oldBlob, 4, 64);
        String forged = signedByNew.replace(
                newLine, oldPrefix + java.util.Base64.getEncoder().encodeToString(oldBlob));
        Files.writeString(checkpoint, forged);

        assertThat(run(
                        "--log", log.toString(),
                        "--checkpoint", checkpoint.toString(),
                        "--key", SIGNER.verifierKey(),
                        "--key", NEW_SIGNER.verifierKey()))
                .isEqualTo(VerifyLog.FAILED);
        assertThat(err())
                .contains("checkpoint: invalid signature by " + ORIGIN + "+"
                        + SIGNER.verifierKey().split("\\+")[1]);
    }
}
