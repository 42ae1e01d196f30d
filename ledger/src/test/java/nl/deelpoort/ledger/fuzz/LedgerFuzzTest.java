package nl.deelpoort.ledger.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.deelpoort.ledger.CanonicalEntryValidatorTest;
import nl.deelpoort.ledger.Json;
import nl.deelpoort.ledger.LedgerFormatException;
import nl.deelpoort.ledger.LogEntry;
import nl.deelpoort.ledger.LogEntryCodec;
import nl.deelpoort.ledger.merkle.MerkleVerifier;
import nl.deelpoort.ledger.note.Checkpoint;
import nl.deelpoort.ledger.note.NoteSigner;
import nl.deelpoort.ledger.note.NoteVerificationException;
import nl.deelpoort.ledger.note.NoteVerifier;
import nl.deelpoort.ledger.verify.ExportLine;

/**
 * Coverage-guided fuzzing (Jazzer) of everything the offline verifier reads from an untrusted file
 * or server: canonical entries, JSON, export lines, checkpoints, signed notes, verifier keys and
 * proofs. The only failures allowed are the parsers' own, named exceptions; a decoded entry must
 * encode back to exactly the bytes it came from (the canonical form is unique).
 *
 * <p>In the normal build ({@code ./mvnw verify}) each test replays its seeds and the inputs kept
 * under {@code src/test/resources/nl/deelpoort/ledger/fuzz/LedgerFuzzTestInputs/<test>/} (regression
 * mode). To fuzz: {@code JAZZER_FUZZ=1 ./mvnw -pl ledger test -Dtest=LedgerFuzzTest#canonicalEntries}
 * (docs/reliability.md); a finding is written there as a new input and fails the build until fixed.
 */
class LedgerFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void canonicalEntries(byte @NotNull [] bytes) {
        LogEntry entry;
        try {
            entry = LogEntryCodec.decode(bytes);
        } catch (LedgerFormatException expected) {
            // The verifier's in-place check refuses whatever the strict decoder refuses, whatever seq it expects.
            long seq = CanonicalEntryValidatorTest.seqIn(bytes);
            assertThat(LogEntryCodec.isCanonicalEntry(bytes, seq))
                    .as("validator refuses too")
                    .isFalse();
            return;
        }
        assertThat(LogEntryCodec.encode(entry)).as("canonical bytes are unique").isEqualTo(bytes);
        assertThat(LogEntryCodec.isCanonicalEntry(bytes, entry.seq()))
                .as("validator accepts too")
                .isTrue();
        assertThat(LogEntryCodec.isCanonicalEntry(bytes, entry.seq() + 1))
                .as("only at its own seq")
                .isFalse();
    }

    @FuzzTest(maxDuration = "5m")
    void json(@NotNull String text) {
        try {
            Json.parse(text);
        } catch (LedgerFormatException expected) {
            // the parser's own refusal
        }
    }

    @FuzzTest(maxDuration = "5m")
    void exportLines(@NotNull String line) {
        try {
            ExportLine parsed = ExportLine.parse(line);
            assertThat(parsed.seq()).isNotNegative();
        } catch (LedgerFormatException expected) {
            // the parser's own refusal
        }
    }

    @FuzzTest(maxDuration = "5m")
    void checkpoints(@NotNull String body) {
        try {
            Checkpoint c = Checkpoint.parse(body);
            assertThat(c.size()).isNotNegative();
            assertThat(c.rootHash()).hasSize(32);
        } catch (LedgerFormatException expected) {
            // the parser's own refusal
        }
    }

    @FuzzTest(maxDuration = "5m")
    void signedNotesAndVerifierKeys(@NotNull String vkey, @NotNull String note) {
        NoteVerifier verifier;
        try {
            verifier = NoteVerifier.fromVerifierKey(vkey);
        } catch (IllegalArgumentException expected) {
            verifier = KNOWN;
        }
        try {
            verifier.open(note);
        } catch (NoteVerificationException expected) {
            // malformed or not signed by this key
        }
    }

    @FuzzTest(maxDuration = "5m")
    void inclusionProofs(long index, long size, byte @NotNull [] material) {
        byte[] leaf = Arrays.copyOf(material, 32);
        List<byte[]> proof = new ArrayList<>();
        for (int i = 32; i + 32 <= material.length && proof.size() < 70; i += 32) {
            proof.add(Arrays.copyOfRange(material, i, i + 32));
        }
        // Never an exception, whatever the numbers: an answer, usually false.
        MerkleVerifier.verifyInclusion(index, size, leaf, proof, new byte[32]);
        MerkleVerifier.verifyConsistency(index, size, proof, leaf, new byte[32]);
    }

    /** A real key, so that notes the fuzzer builds from a signed seed reach the signature check. */
    private static final NoteSigner SIGNER = NoteSigner.fromSeed("deelpoort.test", new byte[32]);

    private static final NoteVerifier KNOWN = SIGNER.verifier();
}
