package nl.deelpoort.ledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import nl.deelpoort.ledger.note.NoteSigner;
import nl.deelpoort.ledger.note.NoteVerifier;
import org.junit.jupiter.api.Test;

class GenerateKeyTest {

    @Test
    void printsAMatchingSignerAndVerifierKey() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = GenerateKey.run(
                new String[] {"deelpoort.example/log"}, new PrintStream(out, true), new PrintStream(err, true));
        assertThat(code).isEqualTo(VerifyLog.OK);
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(2);
        NoteSigner signer = NoteSigner.fromPrivateKey(lines[0]);
        NoteVerifier verifier = NoteVerifier.fromVerifierKey(lines[1]);
        assertThat(verifier.name()).isEqualTo("deelpoort.example/log");
        assertThat(verifier.open(signer.sign("x\n"))).isEqualTo("x\n");
    }

    @Test
    void refusesABadName() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(GenerateKey.run(
                        new String[] {"a name"},
                        new PrintStream(new ByteArrayOutputStream()),
                        new PrintStream(err, true)))
                .isEqualTo(VerifyLog.USAGE);
        assertThat(GenerateKey.run(
                        new String[0], new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true)))
                .isEqualTo(VerifyLog.USAGE);
    }
}
