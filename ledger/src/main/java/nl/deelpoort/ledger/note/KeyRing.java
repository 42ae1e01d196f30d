package nl.deelpoort.ledger.note;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The verifier keys a log has signed with over its life, all trusted: after a signing-key change the
 * older checkpoints carry the old key's signature and the newer ones the new key's. Each note is
 * checked with the key its signature line names (by name and key id, as C2SP signed notes identify a
 * key), never with "whichever key happens to verify"; a line that names a trusted key but does not
 * verify fails the note, as with one key.
 */
public final class KeyRing {

    private final List<NoteVerifier> keys;

    private KeyRing(List<NoteVerifier> keys) {
        this.keys = keys;
    }

    /**
     * A ring of these keys (duplicates are kept once).
     *
     * @throws IllegalArgumentException if there is none
     */
    public static KeyRing of(Collection<NoteVerifier> keys) {
        List<NoteVerifier> distinct = new ArrayList<>();
        for (NoteVerifier key : keys) {
            if (distinct.stream().noneMatch(k -> k.verifierKey().equals(key.verifierKey()))) {
                distinct.add(key);
            }
        }
        if (distinct.isEmpty()) {
            throw new IllegalArgumentException("no verifier key given");
        }
        return new KeyRing(List.copyOf(distinct));
    }

    /**
     * Parses verifier keys, one vkey ({@code <name>+<hex id>+<base64 key>}) per line; blank lines and
     * lines starting with {@code #} are skipped.
     *
     * @throws IllegalArgumentException if a line is not a verifier key, or there is no key
     */
    public static KeyRing parse(String text) {
        List<NoteVerifier> keys = new ArrayList<>();
        String[] lines = text == null ? new String[0] : text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                keys.add(NoteVerifier.fromVerifierKey(line));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return of(keys);
    }

    public List<NoteVerifier> keys() {
        return keys;
    }

    /**
     * Checks a signed note with the trusted key its signature names.
     *
     * @throws NoteVerificationException if it is malformed, no line names a trusted key, or a line
     *     naming a trusted key does not verify
     */
    public Opened open(String note) {
        return NoteVerifier.open(note, keys);
    }

    /**
     * A verified note.
     *
     * @param text the note's body, ending in a newline
     * @param signer the trusted key whose signature verified
     */
    public record Opened(String text, NoteVerifier signer) {}
}
