package nl.deelpoort.ledger.note;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import nl.deelpoort.ledger.LedgerFormatException;

/**
 * A C2SP tlog-checkpoint: origin, tree size and root hash (plus optional extension lines), which the
 * log signs as a signed note. The body is {@code <origin>\n<size>\n<base64 root>\n[extensions\n]}.
 */
public record Checkpoint(String origin, long size, byte[] rootHash, List<String> extensions) {

    public Checkpoint {
        if (origin == null || origin.isEmpty() || origin.contains("\n")) {
            throw new IllegalArgumentException("a checkpoint origin is one non-empty line");
        }
        if (size < 0) {
            throw new IllegalArgumentException("a tree size is not negative");
        }
        if (rootHash == null || rootHash.length != 32) {
            throw new IllegalArgumentException("a root hash is 32 bytes");
        }
        rootHash = rootHash.clone();
        extensions = List.copyOf(extensions == null ? List.of() : extensions);
        for (String e : extensions) {
            if (e.isEmpty() || e.contains("\n")) {
                throw new IllegalArgumentException("an extension is one non-empty line");
            }
        }
    }

    public Checkpoint(String origin, long size, byte[] rootHash) {
        this(origin, size, rootHash, List.of());
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    /** The note text that gets signed. */
    public String body() {
        StringBuilder sb = new StringBuilder()
                .append(origin)
                .append('\n')
                .append(size)
                .append('\n')
                .append(Base64.getEncoder().encodeToString(rootHash))
                .append('\n');
        extensions.forEach(e -> sb.append(e).append('\n'));
        return sb.toString();
    }

    /** The signed note for this checkpoint. */
    public String sign(NoteSigner signer) {
        return signer.sign(body());
    }

    /**
     * Verifies a signed checkpoint with the given key and parses its body.
     *
     * @throws NoteVerificationException if the signature does not hold
     * @throws LedgerFormatException if the signed body is not a checkpoint
     */
    public static Checkpoint open(String signedNote, NoteVerifier verifier) {
        return parse(verifier.open(signedNote));
    }

    /** Parses a checkpoint body (the note text, without signatures). */
    public static Checkpoint parse(String body) {
        if (!body.endsWith("\n")) {
            throw new LedgerFormatException("checkpoint: body must end with a newline");
        }
        String[] lines = body.substring(0, body.length() - 1).split("\n", -1);
        if (lines.length < 3) {
            throw new LedgerFormatException("checkpoint: needs origin, size and root hash lines");
        }
        String sizeText = lines[1];
        if (sizeText.isEmpty()
                || sizeText.length() > 19
                || !sizeText.chars().allMatch(c -> c >= '0' && c <= '9')
                || (sizeText.length() > 1 && sizeText.charAt(0) == '0')) {
            throw new LedgerFormatException("checkpoint: tree size is not a decimal number: " + sizeText);
        }
        long size;
        byte[] root;
        try {
            size = Long.parseLong(sizeText);
            root = NoteKeys.strictBase64(lines[2]);
            return new Checkpoint(lines[0], size, root, Arrays.asList(lines).subList(3, lines.length));
        } catch (IllegalArgumentException e) {
            throw new LedgerFormatException("checkpoint: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Checkpoint c
                && c.origin.equals(origin)
                && c.size == size
                && Arrays.equals(c.rootHash, rootHash)
                && c.extensions.equals(extensions);
    }

    @Override
    public int hashCode() {
        return (origin.hashCode() * 31 + Long.hashCode(size)) * 31 + Arrays.hashCode(rootHash);
    }

    @Override
    public String toString() {
        return "Checkpoint[" + origin + ", size " + size + ", root "
                + HexFormat.of().formatHex(rootHash) + "]";
    }
}
