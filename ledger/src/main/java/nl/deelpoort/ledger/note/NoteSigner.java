package nl.deelpoort.ledger.note;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Signs C2SP signed notes with an Ed25519 key. The key travels in the signer form {@code
 * PRIVATE+KEY+<name>+<hex id>+<base64(0x01 ‖ 32-byte seed)>}, the one the Go reference
 * implementation reads and writes; keep that string secret.
 */
public final class NoteSigner {

    private final String name;
    private final int keyId;
    private final byte[] seed;
    private final Ed25519PrivateKeyParameters params;
    private final byte[] publicKey;

    private NoteSigner(String name, byte[] seed) {
        NoteKeys.checkName(name);
        this.name = name;
        this.seed = seed.clone();
        this.params = new Ed25519PrivateKeyParameters(seed, 0);
        this.publicKey = params.generatePublicKey().getEncoded();
        this.keyId = NoteKeys.keyId(name, publicKey);
    }

    /** A new key pair under the given name (the log's origin, by convention). */
    public static NoteSigner generate(String name, SecureRandom random) {
        byte[] seed = new byte[32];
        random.nextBytes(seed);
        return new NoteSigner(name, seed);
    }

    /** A signer from its 32-byte Ed25519 seed. */
    public static NoteSigner fromSeed(String name, byte[] seed) {
        if (seed == null || seed.length != 32) {
            throw new IllegalArgumentException("an Ed25519 seed is 32 bytes");
        }
        return new NoteSigner(name, seed);
    }

    /**
     * Parses a signer key.
     *
     * @throws IllegalArgumentException if it is malformed or its id does not match
     */
    public static NoteSigner fromPrivateKey(String skey) {
        String text = skey == null ? "" : skey.strip();
        String[] parts = text.split("\\+", 5);
        if (parts.length != 5 || !parts[0].equals("PRIVATE") || !parts[1].equals("KEY")) {
            throw new IllegalArgumentException("a signer key is PRIVATE+KEY+<name>+<hex id>+<base64 seed>");
        }
        int id = NoteKeys.parseHexId(parts[3]);
        NoteSigner signer = new NoteSigner(parts[2], NoteKeys.ed25519KeyBytes(parts[4]));
        if (signer.keyId != id) {
            throw new IllegalArgumentException("signer key id does not match its name and key");
        }
        return signer;
    }

    public String name() {
        return name;
    }

    public int keyId() {
        return keyId;
    }

    /** The signer form of this key (secret). */
    public String privateKey() {
        return "PRIVATE+KEY+" + name + "+" + NoteKeys.hexId(keyId) + "+" + NoteKeys.encodeKeyBytes(seed);
    }

    /** The matching verifier. */
    public NoteVerifier verifier() {
        return new NoteVerifier(name, publicKey);
    }

    /** The vkey form of the matching public key. */
    public String verifierKey() {
        return verifier().verifierKey();
    }

    /** The signature line for a note text: {@code — <name> <base64(key id ‖ signature)>\n}. */
    public String signatureLine(String text) {
        NoteVerifier.checkText(text);
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, params);
        signer.update(message, 0, message.length);
        byte[] sig = signer.generateSignature();
        byte[] blob = new byte[4 + sig.length];
        blob[0] = (byte) (keyId >>> 24);
        blob[1] = (byte) (keyId >>> 16);
        blob[2] = (byte) (keyId >>> 8);
        blob[3] = (byte) keyId;
        System.arraycopy(sig, 0, blob, 4, sig.length);
        return "\u2014 " + name + " " + Base64.getEncoder().encodeToString(blob) + "\n";
    }

    /** The signed note: text, a blank line, this key's signature line. */
    public String sign(String text) {
        return text + "\n" + signatureLine(text);
    }
}
