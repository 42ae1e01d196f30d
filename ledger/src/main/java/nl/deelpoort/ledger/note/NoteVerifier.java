package nl.deelpoort.ledger.note;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Opens C2SP signed notes signed by one Ed25519 key, given in the vkey form {@code
 * <name>+<hex id>+<base64(0x01 ‖ public key)>}. Signature lines of other keys are skipped (so a log
 * can add a key before it retires one, and witnesses can cosign); a line that claims this key's name
 * and id but does not verify makes the note fail.
 */
public final class NoteVerifier {

    /** More signatures than this and the note is refused, as in the reference implementation. */
    static final int MAX_SIGNATURES = 100;

    private static final String SIG_PREFIX = "\u2014 ";

    private final String name;
    private final int keyId;
    private final byte[] publicKey;
    private final Ed25519PublicKeyParameters params;

    NoteVerifier(String name, byte[] publicKey) {
        NoteKeys.checkName(name);
        this.name = name;
        this.publicKey = publicKey.clone();
        this.keyId = NoteKeys.keyId(name, publicKey);
        this.params = new Ed25519PublicKeyParameters(publicKey, 0);
    }

    /**
     * Parses a verifier key.
     *
     * @throws IllegalArgumentException if it is malformed or its id does not match name and key
     */
    public static NoteVerifier fromVerifierKey(String vkey) {
        String text = vkey == null ? "" : vkey.strip();
        String[] parts = text.split("\\+", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("a verifier key is <name>+<hex id>+<base64 key>");
        }
        int id = NoteKeys.parseHexId(parts[1]);
        NoteVerifier v = new NoteVerifier(parts[0], NoteKeys.ed25519KeyBytes(parts[2]));
        if (v.keyId != id) {
            throw new IllegalArgumentException("verifier key id does not match its name and key");
        }
        return v;
    }

    public String name() {
        return name;
    }

    public int keyId() {
        return keyId;
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The vkey form of this key. */
    public String verifierKey() {
        return name + "+" + NoteKeys.hexId(keyId) + "+" + NoteKeys.encodeKeyBytes(publicKey);
    }

    /**
     * Checks a signed note and returns its text (the body, ending in a newline).
     *
     * @throws NoteVerificationException if the note is malformed, has no valid signature by this key,
     *     or has a line claiming this key whose signature does not verify
     */
    public String open(String note) {
        return open(note, List.of(this)).text();
    }

    /**
     * Checks a signed note against several trusted keys: each signature line is checked with the key
     * its name and key id name, lines of other keys are skipped, and at least one must verify.
     *
     * @return the note's text and the key that signed it (the first verified line's)
     * @throws NoteVerificationException as {@link #open(String)}, for any of the keys
     */
    static KeyRing.Opened open(String note, List<NoteVerifier> trusted) {
        if (note == null || !note.endsWith("\n")) {
            throw new NoteVerificationException("malformed note: it must end with a newline");
        }
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            throw new NoteVerificationException("malformed note: no blank line before the signatures");
        }
        String text = note.substring(0, split + 1);
        checkText(text);
        String[] lines = note.substring(split + 2).split("\n", -1);
        // split leaves one empty string after the final newline.
        int count = lines.length - 1;
        if (count == 0) {
            throw new NoteVerificationException("malformed note: no signature lines");
        }
        if (count > MAX_SIGNATURES) {
            throw new NoteVerificationException("malformed note: more than " + MAX_SIGNATURES + " signatures");
        }
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        NoteVerifier signer = null;
        for (int i = 0; i < count; i++) {
            String line = lines[i];
            if (!line.startsWith(SIG_PREFIX)) {
                throw new NoteVerificationException(
                        "malformed note: signature line " + (i + 1) + " does not start with '— '");
            }
            String rest = line.substring(SIG_PREFIX.length());
            int space = rest.indexOf(' ');
            if (space <= 0) {
                throw new NoteVerificationException("malformed note: signature line " + (i + 1) + " has no key name");
            }
            String sigName = rest.substring(0, space);
            byte[] blob;
            try {
                NoteKeys.checkName(sigName);
                blob = NoteKeys.strictBase64(rest.substring(space + 1));
            } catch (IllegalArgumentException e) {
                throw new NoteVerificationException(
                        "malformed note: signature line " + (i + 1) + ": " + e.getMessage());
            }
            if (blob.length < 5) {
                throw new NoteVerificationException("malformed note: signature line " + (i + 1) + " is too short");
            }
            int id = ((blob[0] & 0xff) << 24) | ((blob[1] & 0xff) << 16) | ((blob[2] & 0xff) << 8) | (blob[3] & 0xff);
            NoteVerifier key = null;
            for (NoteVerifier candidate : trusted) {
                if (sigName.equals(candidate.name) && id == candidate.keyId) {
                    key = candidate;
                    break;
                }
            }
            if (key == null) {
                continue;
            }
            if (blob.length != 4 + 64 || !key.verifySignature(message, blob)) {
                throw new NoteVerificationException(
                        "invalid signature by " + key.name + "+" + NoteKeys.hexId(key.keyId));
            }
            if (signer == null) {
                signer = key;
            }
        }
        if (signer == null) {
            throw new NoteVerificationException("note has no signature by "
                    + (trusted.size() == 1 ? "" : "any of ")
                    + String.join(
                            ", ",
                            trusted.stream()
                                    .map(k -> k.name + "+" + NoteKeys.hexId(k.keyId))
                                    .toList()));
        }
        return new KeyRing.Opened(text, signer);
    }

    private boolean verifySignature(byte[] message, byte[] blob) {
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, params);
        verifier.update(message, 0, message.length);
        byte[] sig = new byte[64];
        System.arraycopy(blob, 4, sig, 0, 64);
        return verifier.verifySignature(sig);
    }

    /** Note text: valid UTF-8 (it is a String here), no controls but newline, ends with a newline. */
    static void checkText(String text) {
        if (text.isEmpty() || !text.endsWith("\n")) {
            throw new NoteVerificationException("malformed note: text must end with a newline");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\n') || c == 0x7f) {
                throw new NoteVerificationException("malformed note: control character in text");
            }
        }
        try {
            StandardCharsets.UTF_8
                    .newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(java.nio.CharBuffer.wrap(text));
        } catch (CharacterCodingException e) {
            throw new NoteVerificationException("malformed note: text is not valid Unicode");
        }
    }
}
