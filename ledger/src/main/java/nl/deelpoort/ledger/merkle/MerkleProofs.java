package nl.deelpoort.ledger.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * Tree heads and proofs of RFC 9162 §2.1 computed from stored subtree hashes. The RFC defines them
 * by recursion over D[n]: every left part of a split is a complete aligned subtree (one lookup), and
 * the right parts on the tree's right edge are folded from at most log₂ n complete ones. A proof so
 * costs O(log n) lookups, however large the log.
 */
public final class MerkleProofs {

    private MerkleProofs() {}

    /** MTH(D[size]). */
    public static byte[] rootHash(SubtreeHashSource source, long size) {
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative");
        }
        return size == 0 ? MerkleHash.emptyRoot() : rangeHash(source, 0, size);
    }

    /** PATH(index, D[size]) of §2.1.3.1, lowest sibling first. */
    public static List<byte[]> inclusionProof(SubtreeHashSource source, long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of size " + size);
        }
        List<byte[]> proof = new ArrayList<>(64);
        path(source, index, 0, size, proof);
        return proof;
    }

    /**
     * PROOF(m, D[n]) of §2.1.4.1. The RFC defines it for 0 &lt; m &lt; n; for m == n and for m == 0
     * the proof is empty (any tree extends the empty tree), as the verifier expects.
     */
    public static List<byte[]> consistencyProof(SubtreeHashSource source, long m, long n) {
        if (m < 0 || m > n) {
            throw new IllegalArgumentException("no consistency proof from size " + m + " to " + n);
        }
        List<byte[]> proof = new ArrayList<>(64);
        if (m > 0 && m < n) {
            subproof(source, m, 0, n, true, proof);
        }
        return proof;
    }

    private static void path(SubtreeHashSource source, long m, long start, long n, List<byte[]> out) {
        if (n == 1) {
            return;
        }
        long k = Long.highestOneBit(n - 1);
        if (m < k) {
            path(source, m, start, k, out);
            out.add(rangeHash(source, start + k, start + n));
        } else {
            path(source, m - k, start + k, n - k, out);
            out.add(rangeHash(source, start, start + k));
        }
    }

    private static void subproof(SubtreeHashSource source, long m, long start, long n, boolean b, List<byte[]> out) {
        if (m == n) {
            if (!b) {
                out.add(rangeHash(source, start, start + n));
            }
            return;
        }
        long k = Long.highestOneBit(n - 1);
        if (m <= k) {
            subproof(source, m, start, k, b, out);
            out.add(rangeHash(source, start + k, start + n));
        } else {
            subproof(source, m - k, start + k, n - k, false, out);
            out.add(rangeHash(source, start, start + k));
        }
    }

    /**
     * MTH(D[start:end]) for a range the RFC recursion produces (start a multiple of the largest power
     * of two ≤ its length): the complete aligned chunks, largest first, folded from the right.
     */
    static byte[] rangeHash(SubtreeHashSource source, long start, long end) {
        long len = end - start;
        if (len <= 0 || (start & (Long.highestOneBit(len) - 1)) != 0) {
            throw new IllegalArgumentException("not a subtree range: [" + start + ", " + end + ")");
        }
        byte[][] chunks = new byte[64][];
        int count = 0;
        long pos = start;
        for (int level = 63 - Long.numberOfLeadingZeros(len); level >= 0; level--) {
            if (((len >>> level) & 1) != 0) {
                chunks[count++] = source.hash(level, pos >>> level);
                pos += 1L << level;
            }
        }
        byte[] h = chunks[count - 1];
        for (int i = count - 2; i >= 0; i--) {
            h = MerkleHash.nodeHash(chunks[i], h);
        }
        return h;
    }
}
