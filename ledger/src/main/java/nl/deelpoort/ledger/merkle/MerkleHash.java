package nl.deelpoort.ledger.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The RFC 9162 §2.1.1 hashes with SHA-256: leaf = H(0x00 ‖ d), node = H(0x01 ‖ left ‖ right). */
public final class MerkleHash {

    public static final int SIZE = 32;

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(MerkleHash::newDigest);

    private static final byte[] EMPTY_ROOT = newDigest().digest();

    private MerkleHash() {}

    /** MTH({}) = SHA-256 of the empty string. */
    public static byte[] emptyRoot() {
        return EMPTY_ROOT.clone();
    }

    public static byte[] leafHash(byte[] entry) {
        return leafHash(entry, 0, entry.length);
    }

    public static byte[] leafHash(byte[] buf, int off, int len) {
        MessageDigest md = SHA256.get();
        md.update((byte) 0x00);
        md.update(buf, off, len);
        return md.digest();
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest md = SHA256.get();
        md.update((byte) 0x01);
        md.update(left);
        md.update(right);
        return md.digest();
    }

    /** Plain SHA-256, for callers that need it next to the Merkle hashes (key ids, benchmarks). */
    public static byte[] sha256(byte[] data) {
        return SHA256.get().digest(data);
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
        }
    }
}
