package nl.deelpoort.ledger.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import nl.deelpoort.ledger.LedgerFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignedNoteTest {

    // The example key and note of the C2SP signed-note spec and the Go reference implementation
    // (golang.org/x/mod/sumdb/note). Ed25519 is deterministic, so signing must reproduce it exactly.
    static final String VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    static final String SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    static final String TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    static final String NOTE = TEXT
            + "\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    @Test
    void reproducesTheReferenceKeyAndSignatureByteForByte() {
        NoteSigner signer = NoteSigner.fromPrivateKey(SKEY);
        assertThat(signer.verifierKey()).isEqualTo(VKEY);
        assertThat(signer.privateKey()).isEqualTo(SKEY);
        assertThat(Integer.toHexString(signer.keyId())).isEqualTo("c74f20a3");
        assertThat(signer.sign(TEXT)).isEqualTo(NOTE);
        assertThat(NoteVerifier.fromVerifierKey(VKEY).open(NOTE)).isEqualTo(TEXT);
    }

    @Test
    void ignoresSignaturesOfOtherKeysButNeedsOneOfItsOwn() {
        NoteVerifier peter = NoteVerifier.fromVerifierKey(VKEY);
        NoteSigner other = NoteSigner.generate("other.example/log", new SecureRandom());
        String both = TEXT + "\n" + other.signatureLine(TEXT) + NOTE.substring(TEXT.length() + 1);
        assertThat(peter.open(both)).isEqualTo(TEXT);
        assertThat(other.verifier().open(both)).isEqualTo(TEXT);
        assertThatThrownBy(() -> peter.open(other.sign(TEXT)))
                .isInstanceOf(NoteVerificationException.class)
                .hasMessageContaining("no signature by PeterNeumann");
        // Same name, another key: a different key id, so not this key's signature either.
        NoteSigner impostor = NoteSigner.generate("PeterNeumann", new SecureRandom());
        assertThatThrownBy(() -> peter.open(impostor.sign(TEXT))).isInstanceOf(NoteVerificationException.class);
    }

    @Test
    void refusesAChangedBodyOrAForgedSignature() {
        NoteVerifier peter = NoteVerifier.fromVerifierKey(VKEY);
        assertThatThrownBy(() -> peter.open(NOTE.replace("cryptography", "cryptographY")))
                .isInstanceOf(NoteVerificationException.class)
                .hasMessageContaining("invalid signature");
        byte[] blob = Base64.getDecoder()
                .decode("x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=");
        blob[10] ^= 1;
        String forged = TEXT + "\n\u2014 PeterNeumann " + Base64.getEncoder().encodeToString(blob) + "\n";
        assertThatThrownBy(() -> peter.open(forged)).isInstanceOf(NoteVerificationException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "no signatures\n",
                "text\n\n",
                "text\n\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=",
                "text\n\n- PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n",
                "text\n\n\u2014 PeterNeumann\n",
                "text\n\n\u2014 PeterNeumann AAAA\n",
                "text\n\n\u2014 PeterNeumann not-base64!\n",
                "te\u0007xt\n\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n"
            })
    void refusesMalformedNotes(String note) {
        NoteVerifier peter = NoteVerifier.fromVerifierKey(VKEY);
        assertThatThrownBy(() -> peter.open(note)).isInstanceOf(NoteVerificationException.class);
    }

    @Test
    void refusesManglingsOfTheVerifierKey() {
        byte[] b = VKEY.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int i = 0; i < b.length; i++) {
            b[i]++;
            String mangled = new String(b, java.nio.charset.StandardCharsets.US_ASCII);
            b[i]--;
            assertThatThrownBy(() -> NoteVerifier.fromVerifierKey(mangled))
                    .as(mangled)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        for (int len = 0; len < VKEY.length(); len++) {
            String cut = VKEY.substring(0, len);
            assertThatThrownBy(() -> NoteVerifier.fromVerifierKey(cut))
                    .as(cut)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> NoteSigner.fromPrivateKey(SKEY.replace("c74f20a3", "c74f20a4")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NoteSigner.generate("bad name", new SecureRandom()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NoteSigner.generate("bad+name", new SecureRandom()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void generatedKeysRoundTripThroughTheirTextForms() {
        NoteSigner signer = NoteSigner.generate("deelpoort.example/log", new SecureRandom());
        NoteSigner again = NoteSigner.fromPrivateKey(signer.privateKey());
        NoteVerifier verifier = NoteVerifier.fromVerifierKey(signer.verifierKey());
        assertThat(again.verifierKey()).isEqualTo(signer.verifierKey());
        assertThat(verifier.keyId()).isEqualTo(signer.keyId());
        assertThat(verifier.open(again.sign("hello\n"))).isEqualTo("hello\n");
    }

    @Test
    void checkpointBodyFollowsTlogCheckpoint() {
        byte[] root = new byte[32];
        root[0] = 1;
        Checkpoint cp = new Checkpoint("deelpoort.example/log", 1234, root);
        assertThat(cp.body())
                .isEqualTo("deelpoort.example/log\n1234\n" + Base64.getEncoder().encodeToString(root) + "\n");
        NoteSigner signer = NoteSigner.generate("deelpoort.example/log", new SecureRandom());
        String note = cp.sign(signer);
        assertThat(note).startsWith(cp.body() + "\n\u2014 deelpoort.example/log ");
        assertThat(Checkpoint.open(note, signer.verifier())).isEqualTo(cp);
        assertThatThrownBy(() -> Checkpoint.open(note.replace("1234", "1235"), signer.verifier()))
                .isInstanceOf(NoteVerificationException.class);
        Checkpoint withExtension = Checkpoint.parse(cp.body() + "extension line\n");
        assertThat(withExtension.extensions()).isEqualTo(List.of("extension line"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "origin\n12\n",
                "origin\n012\nAQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n",
                "origin\n-1\nAQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n",
                "origin\n12\nAQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n",
                "origin\n12\nAQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==\n",
                "\n12\nAQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n",
                "origin\n12\nAQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n\n",
                "origin\n12\nAQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="
            })
    void refusesMalformedCheckpoints(String body) {
        assertThatThrownBy(() -> Checkpoint.parse(body)).isInstanceOf(LedgerFormatException.class);
    }
}
