package nl.deelpoort.ledger.cli;

import java.io.PrintStream;
import java.security.SecureRandom;
import nl.deelpoort.ledger.note.NoteSigner;

/**
 * Generates an Ed25519 checkpoint signing key: prints the signer key (secret, keep it in the
 * gateway's secret store) and the verifier key (publish it). Exit 0, or 2 on bad usage.
 */
public final class GenerateKey {

    private GenerateKey() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 1) {
            err.println(
                    "usage: java -cp ledger-cli.jar nl.deelpoort.ledger.cli.GenerateKey <key name, e.g. the log origin>");
            return VerifyLog.USAGE;
        }
        NoteSigner signer;
        try {
            signer = NoteSigner.generate(args[0], new SecureRandom());
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return VerifyLog.USAGE;
        }
        out.println(signer.privateKey());
        out.println(signer.verifierKey());
        return VerifyLog.OK;
    }
}
