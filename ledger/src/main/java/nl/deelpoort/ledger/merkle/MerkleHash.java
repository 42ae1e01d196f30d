package nl.deelpoort.ledger.merkle;

import java.security.DigestException;
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

    /**
     * True if the leaf hash of {@code entry} is {@code expected}; computed into a per-thread buffer, so a
     * verifier checking millions of entries allocates nothing for it.
     */
    public static boolean leafHashEquals(byte[] entry, byte[] expected) {
        Scratch s = SCRATCH.get();
        s.md.update((byte) 0x00);
        s.md.update(entry, 0, entry.length);
        finish(s.md, s.out, 0);
        return MessageDigest.isEqual(s.out, expected);
    }

    /**
     * Writes the node hash of the two 32-byte hashes at {@code left} and {@code right} of {@code src}
     * into {@code dst} at {@code at} (which may overlap the inputs: they are read first). For folding a
     * subtree level by level in one buffer, without an array per node.
     */
    public static void nodeHash(byte[] src, int left, int right, byte[] dst, int at) {
        MessageDigest md = SCRATCH.get().md;
        md.update((byte) 0x01);
        md.update(src, left, SIZE);
        md.update(src, right, SIZE);
        finish(md, dst, at);
    }

    private static void finish(MessageDigest md, byte[] out, int at) {
        try {
            md.digest(out, at, SIZE);
        } catch (DigestException e) {
            throw new IllegalStateException("a SHA-256 digest is 32 bytes", e);
        }
    }

    /** A digest and an output buffer per thread, for the methods that allocate nothing. */
    private static final class Scratch {
        final MessageDigest md = newDigest();
        final byte[] out = new byte[SIZE];
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

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
