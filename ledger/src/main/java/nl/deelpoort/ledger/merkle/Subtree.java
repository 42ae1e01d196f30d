package nl.deelpoort.ledger.merkle;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The hash of a complete, aligned subtree: leaves {@code [index·2^level, (index+1)·2^level)}. Level 0
 * is a single leaf (its leaf hash). These are the rows the gateway stores to answer proofs.
 */
public record Subtree(int level, long index, byte[] hash) {

    public Subtree {
        if (level < 0 || level > 62 || index < 0 || index > (Long.MAX_VALUE >> level)) {
            throw new IllegalArgumentException("no such subtree: level " + level + ", index " + index);
        }
        if (hash == null || hash.length != MerkleHash.SIZE) {
            throw new IllegalArgumentException("a subtree hash is 32 bytes");
        }
        hash = hash.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    /** First leaf covered. */
    public long start() {
        return index << level;
    }

    /** One past the last leaf covered. */
    public long end() {
        return (index + 1) << level;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Subtree s && s.level == level && s.index == index && Arrays.equals(s.hash, hash);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * level + Long.hashCode(index)) + Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return "Subtree[level=" + level + ", index=" + index + ", hash="
                + HexFormat.of().formatHex(hash) + "]";
    }
}
