package nl.deelpoort.ledger.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import nl.deelpoort.ledger.LedgerFormatException;
import nl.deelpoort.ledger.note.Checkpoint;
import nl.deelpoort.ledger.note.KeyRing;
import nl.deelpoort.ledger.note.NoteVerificationException;
import nl.deelpoort.ledger.verify.ExportLine;
import nl.deelpoort.ledger.verify.LogVerificationException;
import nl.deelpoort.ledger.verify.LogVerifier;

/**
 * The offline verifier: checks a log export (JSON Lines) against a signed checkpoint and, optionally,
 * an older checkpoint, with nothing but the log's public key. The export may mix full lines and
 * redacted leaves ({@link ExportLine#redacted()}); the verdict counts both. Exit codes: {@value #OK} all checks
 * passed, {@value #FAILED} verification failed, {@value #USAGE} usage or I/O error.
 */
public final class VerifyLog {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    static final String USAGE_TEXT = """
            usage: java -jar ledger-cli.jar --log <export.jsonl> --checkpoint <checkpoint.txt>
                     (--key <name+id+key> | --key-file <public-keys.txt>)...
                     [--previous-checkpoint <older-checkpoint.txt>] [--origin <origin>]

            Checks every entry of the export (leaf hash recomputed from the canonical bytes, bytes
            decode and carry their seq, seq dense from 0), rebuilds the RFC 9162 Merkle tree, and checks
            the root and Ed25519 signature of the checkpoint (and of the older one, which proves the log
            only grew in between). Redacted leaves (lines with "redacted":true and only seq and leafHash,
            e.g. other organisations' entries) are accepted: their seq is checked and their leaf hash
            goes into the tree as given, so a wrong one makes the root differ from the checkpoint, but
            their contents cannot be checked. The verdict says how many entries were checked in full and
            how many as redacted leaves.
            --key and --key-file may be repeated, and a key file may hold several keys (one per line,
            # comments allowed): all are trusted, and each checkpoint is checked with the key its
            signature names (name and key id), so a log whose signing key was changed between the
            previous checkpoint and the checkpoint verifies with the old and the new key.
            Exit 0: verified; 1: verification failed; 2: usage or I/O error.
            """;

    private VerifyLog() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the verifier and returns the exit code, writing the verdict to out and problems to err. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.print(USAGE_TEXT);
            return USAGE;
        }
        if (o == null) {
            out.print(USAGE_TEXT);
            return OK;
        }
        KeyRing keys;
        String checkpointNote;
        String previousNote = null;
        try {
            StringBuilder keyText = new StringBuilder();
            for (String key : o.keys) {
                keyText.append(key).append('\n');
            }
            for (Path keyFile : o.keyFiles) {
                keyText.append(Files.readString(keyFile, StandardCharsets.UTF_8))
                        .append('\n');
            }
            keys = KeyRing.parse(keyText.toString());
            checkpointNote = Files.readString(o.checkpoint, StandardCharsets.UTF_8);
            if (o.previous != null) {
                previousNote = Files.readString(o.previous, StandardCharsets.UTF_8);
            }
        } catch (IllegalArgumentException e) {
            err.println("error: verifier key: " + e.getMessage());
            return USAGE;
        } catch (IOException e) {
            err.println("error: cannot read " + e.getMessage());
            return USAGE;
        }
        try {
            KeyRing.Opened signedCheckpoint = openNote("checkpoint", checkpointNote, keys);
            Checkpoint checkpoint = parseCheckpoint("checkpoint", signedCheckpoint, o.origin);
            Checkpoint previous = null;
            KeyRing.Opened signedPrevious = null;
            if (previousNote != null) {
                signedPrevious = openNote("previous checkpoint", previousNote, keys);
                previous = parseCheckpoint("previous checkpoint", signedPrevious, checkpoint.origin());
                if (previous.size() > checkpoint.size()) {
                    throw new LogVerificationException(
                            -1,
                            "previous checkpoint (size " + previous.size() + ") is larger than the checkpoint (size "
                                    + checkpoint.size() + ")");
                }
            }
            LogVerifier verifier = previous == null
                    ? new LogVerifier(checkpoint.size())
                    : new LogVerifier(previous.size(), checkpoint.size());
            long redactedCovered = readExport(o.log, verifier, checkpoint.size());
            long fullCovered = Math.min(verifier.size(), checkpoint.size()) - redactedCovered;
            if (verifier.size() < checkpoint.size()) {
                throw new LogVerificationException(
                        verifier.size(),
                        "missing: the export ends after " + verifier.size() + " entries but the checkpoint covers "
                                + checkpoint.size() + " (log truncated)");
            }
            if (previous != null && !MessageDigest.isEqual(verifier.rootAt(previous.size()), previous.rootHash())) {
                throw new LogVerificationException(
                        -1,
                        "the first " + previous.size() + " entries do not give the root of the previous checkpoint:"
                                + " the log was rewritten below seq " + previous.size());
            }
            if (!MessageDigest.isEqual(verifier.rootAt(checkpoint.size()), checkpoint.rootHash())) {
                throw new LogVerificationException(
                        -1,
                        "the first " + checkpoint.size() + " entries do not give the root of the checkpoint: entries"
                                + (previous == null ? "" : " from seq " + previous.size())
                                + " differ from what was signed"
                                + (redactedCovered > 0
                                        ? " (possibly a redacted leaf hash, which only the root can check)"
                                        : ""));
            }
            out.println("OK: " + checkpoint.size() + " entries verified (" + fullCovered + " in full, "
                    + redactedCovered + " as redacted leaves) against checkpoint " + checkpoint.origin()
                    + " size " + checkpoint.size() + " root "
                    + Base64.getEncoder().encodeToString(checkpoint.rootHash()) + " (signed by "
                    + signedCheckpoint.signer().name() + ", key "
                    + keyIdOf(signedCheckpoint) + ")");
            if (previous != null) {
                out.println("OK: consistent with previous checkpoint size " + previous.size() + " (signed by "
                        + signedPrevious.signer().name() + ", key " + keyIdOf(signedPrevious) + ")");
            }
            if (verifier.size() > checkpoint.size()) {
                long laterRedacted = verifier.redactedEntries() - redactedCovered;
                out.println("note: " + (verifier.size() - checkpoint.size()) + " later entries ("
                        + (verifier.size() - checkpoint.size() - laterRedacted) + " in full, " + laterRedacted
                        + " as redacted leaves) are well-formed but not yet covered by the checkpoint");
            }
            return OK;
        } catch (LogVerificationException e) {
            err.println("FAILED: " + e.getMessage());
            return FAILED;
        } catch (IOException e) {
            err.println("error: cannot read the export: " + e.getMessage());
            return USAGE;
        }
    }

    private static String keyIdOf(KeyRing.Opened opened) {
        return opened.signer().verifierKey().split("\\+", 3)[1];
    }

    private static KeyRing.Opened openNote(String what, String note, KeyRing keys) {
        try {
            return keys.open(note);
        } catch (NoteVerificationException e) {
            throw new LogVerificationException(-1, what + ": " + e.getMessage());
        }
    }

    private static Checkpoint parseCheckpoint(String what, KeyRing.Opened note, String origin) {
        Checkpoint cp;
        try {
            cp = Checkpoint.parse(note.text());
        } catch (LedgerFormatException e) {
            throw new LogVerificationException(-1, what + ": " + e.getMessage());
        }
        if (origin != null && !origin.equals(cp.origin())) {
            throw new LogVerificationException(-1, what + ": origin is " + cp.origin() + ", expected " + origin);
        }
        return cp;
    }

    /** Lines per batch handed to {@link LogVerifier#addAll}: enough to keep the cores busy, little memory. */
    private static final int BATCH = 4096;

    /**
     * Feeds the export to the verifier; returns how many of the entries below seq {@code covered} (those
     * the checkpoint signs) were redacted leaves.
     */
    private static long readExport(Path log, LogVerifier verifier, long covered) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
            List<ExportLine> batch = new ArrayList<>(BATCH);
            long redactedCovered = 0;
            String line;
            long lineNo = 0;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    batch.add(ExportLine.parse(line));
                } catch (LedgerFormatException e) {
                    // Entries before the malformed line come first: they may hold an earlier problem.
                    verifier.addAll(batch);
                    throw new LogVerificationException(
                            verifier.size(), "line " + lineNo + " of the export is malformed: " + e.getMessage());
                }
                if (batch.size() == BATCH) {
                    verifier.addAll(batch);
                    redactedCovered += redactedBelow(batch, covered);
                    batch.clear();
                }
            }
            verifier.addAll(batch);
            return redactedCovered + redactedBelow(batch, covered);
        }
    }

    /** Redacted lines of an accepted batch (so their seqs are the dense positions) below seq {@code covered}. */
    private static long redactedBelow(List<ExportLine> batch, long covered) {
        return batch.stream().filter(l -> l.redacted() && l.seq() < covered).count();
    }

    private record Options(
            Path log, Path checkpoint, List<String> keys, List<Path> keyFiles, Path previous, String origin) {

        /** Null means: help was asked for. */
        static Options parse(String[] args) {
            Path log = null;
            Path checkpoint = null;
            List<Path> keyFiles = new ArrayList<>();
            Path previous = null;
            List<String> keys = new ArrayList<>();
            String origin = null;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("-h") || a.equals("--help")) {
                    return null;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value after " + a);
                }
                String v = args[++i];
                switch (a) {
                    case "--log" -> log = Path.of(v);
                    case "--checkpoint" -> checkpoint = Path.of(v);
                    case "--key" -> keys.add(v);
                    case "--key-file" -> keyFiles.add(Path.of(v));
                    case "--previous-checkpoint" -> previous = Path.of(v);
                    case "--origin" -> origin = v;
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
            if (log == null || checkpoint == null) {
                throw new IllegalArgumentException("--log and --checkpoint are required");
            }
            if (keys.isEmpty() && keyFiles.isEmpty()) {
                throw new IllegalArgumentException("give at least one --key or --key-file");
            }
            return new Options(log, checkpoint, keys, keyFiles, previous, origin);
        }
    }
}
