package nl.deelpoort.ledger.note;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/** The parts of the C2SP signed-note key formats that signer and verifier share. */
final class NoteKeys {

    /** The signature algorithm byte for Ed25519 in key ids and encoded keys. */
    static final byte ALG_ED25519 = 0x01;

    private NoteKeys() {}

    /** First four bytes of SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key), big-endian. */
    static int keyId(String name, byte[] publicKey) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(name.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0x0A);
            md.update(ALG_ED25519);
            md.update(publicKey);
            byte[] h = md.digest();
            return ((h[0] & 0xff) << 24) | ((h[1] & 0xff) << 16) | ((h[2] & 0xff) << 8) | (h[3] & 0xff);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
        }
    }

    static String hexId(int keyId) {
        return HexFormat.of().toHexDigits(keyId);
    }

    /** A key name: non-empty, no '+' and no white space (signed-note spec). */
    static void checkName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a key name must not be empty");
        }
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            if (cp == '+' || Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.isISOControl(cp)) {
                throw new IllegalArgumentException("a key name must not contain '+', spaces or controls");
            }
            i += Character.charCount(cp);
        }
    }

    /** The 8 lower-case hex digits of a key id; anything else is refused. */
    static int parseHexId(String hex) {
        if (hex.length() != 8 || !hex.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            throw new IllegalArgumentException("a key id is 8 lower-case hex digits");
        }
        return Integer.parseUnsignedInt(hex, 16);
    }

    /** Standard base64 that must be in canonical form (padding present, no stray bits). */
    static byte[] strictBase64(String text) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not base64");
        }
        if (!Base64.getEncoder().encodeToString(bytes).equals(text)) {
            throw new IllegalArgumentException("not canonical base64");
        }
        return bytes;
    }

    /** 0x01 ‖ 32 key bytes, as both encoded key forms carry them. */
    static byte[] ed25519KeyBytes(String base64) {
        byte[] raw = strictBase64(base64);
        if (raw.length != 33 || raw[0] != ALG_ED25519) {
            throw new IllegalArgumentException("not an Ed25519 key (algorithm 0x01, 32 bytes)");
        }
        byte[] key = new byte[32];
        System.arraycopy(raw, 1, key, 0, 32);
        return key;
    }

    static String encodeKeyBytes(byte[] key) {
        byte[] raw = new byte[33];
        raw[0] = ALG_ED25519;
        System.arraycopy(key, 0, raw, 1, 32);
        return Base64.getEncoder().encodeToString(raw);
    }
}
